package apiserver

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// enroll exchanges the site secret for the agent's own token. An agent
// that lost the answer may enrol again with the same deviceid (it gets a
// new token) until its first report; after that only an administrator can
// release the deviceid, so the site secret cannot take over a reporting
// machine.
func (s *Server) enroll(w http.ResponseWriter, r *http.Request) {
	var req api.EnrollRequest
	if err := decodeSmall(w, r, &req); err != nil {
		s.metrics.enrolls.WithLabelValues("invalid").Inc()
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if fields := checkEnroll(req); len(fields) > 0 {
		s.metrics.enrolls.WithLabelValues("invalid").Inc()
		writeError(w, http.StatusBadRequest, "invalid enrolment request", fields)
		return
	}
	log := s.log.With("deviceid", req.DeviceID, "remote_addr", r.RemoteAddr)
	secret, err := s.st.GetSetting(r.Context(), store.SettingEnrollSecret)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusServiceUnavailable, "enrolment is not set up yet: start the collector once or run `parc-collector enroll-secret`", nil)
		return
	}
	if err != nil {
		s.internal(w, "read enrolment secret", err)
		return
	}
	if !auth.Equal(secret, req.Secret) {
		s.metrics.enrolls.WithLabelValues("refused").Inc()
		log.Warn("enrolment refused: wrong secret")
		writeError(w, http.StatusUnauthorized, "wrong enrolment secret: get it with `parc-collector enroll-secret`", nil)
		return
	}
	token, hash, err := auth.NewToken(auth.PrefixAgent)
	if err != nil {
		s.internal(w, "new agent token", err)
		return
	}
	agent, err := s.st.GetAgentByDeviceID(r.Context(), req.DeviceID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		agent = &store.Agent{DeviceID: req.DeviceID, Hostname: req.Hostname, Tag: req.Tag, TokenHash: hash,
			Version: r.Header.Get(api.HeaderAgentVersion)}
		err = s.st.CreateAgent(r.Context(), agent)
	case err == nil && agent.AssetID == 0:
		err = s.st.UpdateAgentToken(r.Context(), agent.ID, hash)
	case err == nil:
		s.metrics.enrolls.WithLabelValues("conflict").Inc()
		log.Warn("enrolment refused: deviceid already enrolled and reporting", "agent_id", agent.ID)
		writeError(w, http.StatusConflict, "this deviceid is already enrolled and reporting; an administrator must remove that agent before it enrols again", nil)
		return
	}
	if errors.Is(err, store.ErrConflict) {
		writeError(w, http.StatusConflict, "enrolment of this deviceid is in progress; retry", nil)
		return
	}
	if err != nil {
		s.internal(w, "enrol agent", err)
		return
	}
	s.metrics.enrolls.WithLabelValues("ok").Inc()
	log.Info("agent enrolled", "agent_id", agent.ID, "hostname", req.Hostname)
	writeJSON(w, http.StatusOK, api.EnrollResponse{AgentID: strconv.FormatInt(agent.ID, 10), Token: token})
}

func checkEnroll(req api.EnrollRequest) []api.FieldError {
	var out []api.FieldError
	if req.Secret == "" {
		out = append(out, api.FieldError{Field: "secret", Reason: "is required"})
	}
	if msg := checkDeviceID(req.DeviceID); msg != "" {
		out = append(out, api.FieldError{Field: "deviceid", Reason: msg})
	}
	if len(req.Hostname) > 255 {
		out = append(out, api.FieldError{Field: "hostname", Reason: "must have at most 255 characters"})
	}
	if len(req.Tag) > 255 {
		out = append(out, api.FieldError{Field: "tag", Reason: "must have at most 255 characters"})
	}
	return out
}

func checkDeviceID(id string) string {
	switch {
	case strings.TrimSpace(id) == "":
		return "is required"
	case len(id) > 255:
		return "must have at most 255 characters"
	case strings.IndexFunc(id, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return "must be printable text"
	}
	return ""
}

// internal logs an unexpected error and answers 500 without details.
func (s *Server) internal(w http.ResponseWriter, what string, err error) {
	s.log.Error(what, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error, try again later", nil)
}
