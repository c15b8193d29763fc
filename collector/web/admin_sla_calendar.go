package web

import (
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// slaCalendarForm reads a calendar: a name, an IANA time zone (empty for
// the server's) and the hours and holidays in package sla's text syntax.
// msg names the field and what is wrong.
func slaCalendarForm(r *http.Request, id int64) (c *store.SLACalendar, msg string) {
	lang := state(r).lang
	c = &store.SLACalendar{ID: id, Name: strings.TrimSpace(r.PostForm.Get("name")),
		TimeZone: strings.TrimSpace(r.PostForm.Get("timezone"))}
	if c.Name == "" || utf8.RuneCountInString(c.Name) > maxNameRunes {
		return nil, i18n.T(lang, "sla.err_name", maxNameRunes)
	}
	if c.TimeZone != "" {
		if _, err := time.LoadLocation(c.TimeZone); err != nil || strings.EqualFold(c.TimeZone, "local") {
			return nil, i18n.T(lang, "sla.err_timezone", c.TimeZone)
		}
	}
	var err error
	if c.Segments, err = sla.ParseSegments(r.PostForm.Get("segments")); err != nil {
		return nil, i18n.T(lang, "sla.err_segments", err.Error())
	}
	if c.Holidays, err = sla.ParseHolidays(r.PostForm.Get("holidays")); err != nil {
		return nil, i18n.T(lang, "sla.err_holidays", err.Error())
	}
	return c, ""
}

func (s *Server) adminSLACalendarCreate(w http.ResponseWriter, r *http.Request) {
	s.saveSLACalendar(w, r, 0)
}

func (s *Server) adminSLACalendarUpdate(w http.ResponseWriter, r *http.Request) {
	if pathID(r) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.saveSLACalendar(w, r, pathID(r))
}

// saveSLACalendar writes a calendar with its segments and holidays in one
// transaction, so a failed write leaves the old hours.
func (s *Server) saveSLACalendar(w http.ResponseWriter, r *http.Request, id int64) {
	c, msg := slaCalendarForm(r, id)
	if msg != "" {
		s.renderAdminSLA(w, r, http.StatusBadRequest, msg)
		return
	}
	err := s.st.WithTx(r.Context(), func(q store.Queries) error {
		sq, err := store.SLAs(q)
		if err != nil {
			return err
		}
		return sq.SaveSLACalendar(r.Context(), c)
	})
	if s.adminWriteFailed(w, r, err, "sla.err_calendar_exists", s.renderAdminSLA) {
		return
	}
	s.log.Info("SLA calendar saved", "calendar_id", c.ID, "name", c.Name, "by", actor(r))
	redirect(w, r, "/admin/sla")
}

func (s *Server) adminSLACalendarDelete(w http.ResponseWriter, r *http.Request) {
	sq, err := s.slas()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.adminWriteFailed(w, r, sq.DeleteSLACalendar(r.Context(), pathID(r)), "sla.err_calendar_used", s.renderAdminSLA) {
		return
	}
	s.log.Info("SLA calendar deleted", "calendar_id", pathID(r), "by", actor(r))
	redirect(w, r, "/admin/sla")
}
