package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
)

// networkJobNew shows the form of a new job.
func (s *Server) networkJobNew(w http.ResponseWriter, r *http.Request) {
	s.renderJobForm(w, r, http.StatusOK, newJobForm())
}

// networkJobEdit shows the form of an existing job.
func (s *Server) networkJobEdit(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	j, err := n.GetJob(r.Context(), pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderJobForm(w, r, http.StatusOK, jobFormOf(j))
}

// networkJobCreate stores a new job from the form.
func (s *Server) networkJobCreate(w http.ResponseWriter, r *http.Request) {
	s.saveJob(w, r, readJobForm(r))
}

// networkJobUpdate stores the edited job.
func (s *Server) networkJobUpdate(w http.ResponseWriter, r *http.Request) {
	id := pathID(r)
	if id == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	f := readJobForm(r)
	f.ID = id
	s.saveJob(w, r, f)
}

// saveJob validates and saves; a wrong field shows the form again, with
// what was typed and a message naming the field.
func (s *Server) saveJob(w http.ResponseWriter, r *http.Request, f jobForm) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	lang := state(r).lang
	j := f.job(lang)
	if len(f.Errors) > 0 {
		s.renderJobForm(w, r, http.StatusBadRequest, f)
		return
	}
	err := n.SaveJob(r.Context(), j)
	var fe snmppoll.FieldErrors
	switch {
	case errors.As(err, &fe):
		f.addFieldErrors(lang, fe)
	case errors.Is(err, store.ErrConflict):
		f.Errors["name"] = i18n.T(lang, "snmp.err_name_taken")
	case errors.Is(err, store.ErrNotFound):
		if f.ID != 0 && isMissingJob(r, n, f.ID) {
			s.errorPage(w, r, http.StatusNotFound, "error.not_found")
			return
		}
		// A credential or the agent was deleted meanwhile, or never was.
		f.Errors["credentials"] = i18n.T(lang, "snmp.err_credentials")
		if j.AgentID != 0 {
			f.Errors["agent"] = i18n.T(lang, "snmp.err_agent")
		}
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	if len(f.Errors) > 0 {
		s.renderJobForm(w, r, http.StatusBadRequest, f)
		return
	}
	s.log.Info("SNMP job saved", "snmp_job_id", j.ID, "by", actor(r))
	redirect(w, r, "/network#job-"+strconv.FormatInt(j.ID, 10))
}

// isMissingJob tells a deleted job from a missing credential or agent.
func isMissingJob(r *http.Request, n NetworkService, id int64) bool {
	_, err := n.GetJob(r.Context(), id)
	return errors.Is(err, store.ErrNotFound)
}
