package apiserver

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// inventory accepts one report. The answer is sent only after the report's
// transaction committed, so an acknowledged report is never lost; a resend
// with the same X-Parc-Report-Id gets the first answer and duplicate=true.
func (s *Server) inventory(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()
	result := resultError
	agent := agentFrom(r)
	defer func() {
		s.metrics.reports.WithLabelValues(result).Inc()
		s.metrics.duration.WithLabelValues(result).Observe(time.Since(start).Seconds())
	}()
	log := s.log.With("agent_id", agent.ID, "deviceid", agent.DeviceID)
	reportID := r.Header.Get(api.HeaderReportID)
	if !validReportID(reportID) {
		result = resultInvalid
		s.recordRefusal(agent.ID, resultInvalid+": "+api.HeaderReportID+" is invalid")
		writeError(w, http.StatusBadRequest, api.HeaderReportID+" must be 1 to 128 letters, digits, '-' or '_'",
			[]api.FieldError{{Field: api.HeaderReportID, Reason: "is invalid"}})
		return
	}
	// The body is read first, then decompressed and parsed in one of the
	// ingester's CPU slots (a slow client must not hold one).
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes))
	var data []byte
	var rep *inventory.Report
	var parseErr error // reported once the body is known to be readable
	if err == nil {
		err = s.ing.WithCPU(r.Context(), func() error {
			var err error
			data, err = ingest.DecodeBody(bytes.NewReader(raw), r.Header.Get("Content-Encoding"), r.Header.Get("Content-Type"), s.opts.MaxInflatedBytes)
			if err != nil {
				return err
			}
			rep, parseErr = inventory.Parse(data)
			return nil
		})
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe) || errors.Is(err, ingest.ErrTooLarge):
		result = resultTooLarge
		s.recordRefusal(agent.ID, resultTooLarge+": "+err.Error())
		log.Warn("report refused: too large", "err", err)
		writeError(w, http.StatusRequestEntityTooLarge, "report too large", nil)
		return
	case err != nil:
		result = resultInvalid
		s.recordRefusal(agent.ID, resultInvalid+": cannot read the body: "+err.Error())
		writeError(w, http.StatusBadRequest, "cannot read the body: "+err.Error(), nil)
		return
	}
	s.metrics.bytes.Observe(float64(len(data)))
	err = parseErr
	if fields, ok := fieldErrors(err); ok {
		result = resultInvalid
		s.recordRefusal(agent.ID, resultInvalid+": "+err.Error())
		log.Info("report refused: invalid", "err", err)
		writeError(w, http.StatusBadRequest, "invalid inventory", fields)
		return
	}
	if err != nil {
		result = resultInvalid
		s.recordRefusal(agent.ID, resultInvalid+": "+err.Error())
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	// A network device's report is accepted only for a running task of
	// this agent, whatever its deviceid.
	if taskID := r.Header.Get(api.HeaderTaskID); taskID != "" {
		result = s.taskReport(w, r, agent, taskID, rep)
		return
	}
	if rep.DeviceID != agent.DeviceID {
		result = resultForbidden
		s.recordRefusal(agent.ID, resultForbidden+": deviceid "+rep.DeviceID+" does not match the token")
		log.Warn("report refused: deviceid does not match the token", "report_deviceid", rep.DeviceID)
		writeError(w, http.StatusForbidden, "the report's deviceid does not match this agent's token", nil)
		return
	}
	// A client that hangs up must not abort a transaction half-way through
	// its writes; the report either commits or not, and a resend is answered
	// from processed_reports.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), s.opts.IngestTimeout)
	defer cancel()
	res, err := s.ing.Ingest(ctx, ingest.Source{AgentID: agent.ID, ReportID: reportID, Origin: "agent",
		AgentVersion: r.Header.Get(api.HeaderAgentVersion)}, rep)
	switch {
	case errors.Is(err, ingest.ErrForbidden):
		result = resultForbidden
		s.recordRefusal(agent.ID, resultForbidden+": the report describes an asset that belongs to another agent")
		writeError(w, http.StatusForbidden, "this report describes an asset that belongs to another agent; an administrator must resolve the duplicate", nil)
		return
	case err != nil:
		s.internal(w, "ingest report", err)
		return
	}
	switch {
	case res.Duplicate:
		result = resultDuplicate
	case res.Created:
		result = resultCreated
	default:
		result = resultUpdated
	}
	log.Debug("report ingested", "asset_id", res.AssetID, "result", result, "partial", rep.Partial,
		"duration_ms", time.Since(start).Milliseconds())
	writeRaw(w, http.StatusOK, res.Response)
}

// recordRefusal counts a refused report on the agent, for the agents
// page, before the answer (so a resend sees it counted). It has its own
// deadline: the client may be gone already.
func (s *Server) recordRefusal(agentID int64, reason string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := s.st.WithTx(ctx, func(q store.Queries) error {
		ap, err := store.AgentPages(q)
		if err != nil {
			return err
		}
		return ap.RecordAgentRefusal(ctx, agentID, reason, time.Now().UTC())
	})
	if err != nil {
		s.log.Warn("record a refused report", "agent_id", agentID, "err", err)
	}
}

func validReportID(id string) bool {
	if len(id) > 128 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
