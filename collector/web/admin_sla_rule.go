package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/sla"
)

// maxSLAHours bounds a rule's duration: a year of business time.
const maxSLAHours = 24 * 366

// slaRuleForm reads a rule: name, kind (tto or ttr), duration in hours
// (decimals allowed), calendar (0: 24/7), category and priority (0: any)
// and the warning delay in minutes. msg names the field and what is wrong.
func slaRuleForm(r *http.Request, id int64) (*sla.Rule, string) {
	lang := state(r).lang
	f := r.PostForm
	x := &sla.Rule{ID: id, Name: strings.TrimSpace(f.Get("name")), Kind: sla.Kind(f.Get("kind"))}
	if x.Name == "" || utf8.RuneCountInString(x.Name) > maxNameRunes {
		return nil, i18n.T(lang, "sla.err_name", maxNameRunes)
	}
	if x.Kind != sla.TTO && x.Kind != sla.TTR {
		return nil, i18n.T(lang, "sla.err_kind")
	}
	hours, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(f.Get("hours")), ",", "."), 64)
	if err != nil || math.IsNaN(hours) || hours <= 0 || hours > maxSLAHours {
		return nil, i18n.T(lang, "sla.err_hours", maxSLAHours)
	}
	x.Duration = time.Duration(math.Round(hours*60)) * time.Minute
	if x.Duration <= 0 {
		return nil, i18n.T(lang, "sla.err_hours", maxSLAHours)
	}
	warn, err := strconv.Atoi(strings.TrimSpace(f.Get("warn")))
	if f.Get("warn") == "" {
		warn, err = 0, nil
	}
	if err != nil || warn < 0 || time.Duration(warn)*time.Minute > x.Duration {
		return nil, i18n.T(lang, "sla.err_warn")
	}
	x.WarnBefore = time.Duration(warn) * time.Minute
	ids := map[string]*int64{"calendar": &x.CalendarID, "category": &x.CategoryID}
	for field, dst := range ids {
		if v := f.Get(field); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return nil, i18n.T(lang, "error.bad_form")
			}
			*dst = n
		}
	}
	if v := f.Get("priority"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 0 || p > 6 {
			return nil, i18n.T(lang, "sla.err_priority")
		}
		x.Priority = p
	}
	return x, ""
}

func (s *Server) adminSLARuleCreate(w http.ResponseWriter, r *http.Request) { s.saveSLARule(w, r, 0) }

func (s *Server) adminSLARuleUpdate(w http.ResponseWriter, r *http.Request) {
	if pathID(r) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.saveSLARule(w, r, pathID(r))
}

// saveSLARule writes a rule; an unknown calendar or category is a foreign
// key error the page answers 404 to.
func (s *Server) saveSLARule(w http.ResponseWriter, r *http.Request, id int64) {
	x, msg := slaRuleForm(r, id)
	if msg != "" {
		s.renderAdminSLA(w, r, http.StatusBadRequest, msg)
		return
	}
	sq, err := s.slas()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.adminWriteFailed(w, r, sq.SaveSLARule(r.Context(), x), "", s.renderAdminSLA) {
		return
	}
	s.log.Info("SLA rule saved", "rule_id", x.ID, "name", x.Name, "by", actor(r))
	redirect(w, r, "/admin/sla")
}

func (s *Server) adminSLARuleDelete(w http.ResponseWriter, r *http.Request) {
	sq, err := s.slas()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.adminWriteFailed(w, r, sq.DeleteSLARule(r.Context(), pathID(r)), "", s.renderAdminSLA) {
		return
	}
	s.log.Info("SLA rule deleted", "rule_id", pathID(r), "by", actor(r))
	redirect(w, r, "/admin/sla")
}
