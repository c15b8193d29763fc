package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// recurrentFormView is the recurrent-ticket form's values, as strings so
// a refused form comes back as it was typed.
type recurrentFormView struct {
	ID     int64
	Action string
	V      url.Values
}

// Get is a field's value.
func (f recurrentFormView) Get(k string) string { return f.V.Get(k) }

type adminRecurrentData struct {
	Items      []store.RecurrentTicket
	Form       recurrentFormView
	Categories []store.Category
	Groups     []store.Group
	Levels     []int
	Periods    []string
	Error      string
}

// recurrentValues are r's form values.
func recurrentValues(r *store.RecurrentTicket) url.Values {
	itoa := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	v := url.Values{"name": {r.Name}, "title": {r.Title}, "content": {r.Content}, "type": {strconv.Itoa(r.Type)},
		"urgency": {strconv.Itoa(r.Urgency)}, "category": {itoa(r.CategoryID)}, "requester_group": {itoa(r.RequesterGroupID)},
		"assign_group": {itoa(r.AssignGroupID)}, "period": {string(r.Period)}, "every": {strconv.Itoa(r.EveryDays)},
		"begin": {r.Begin.In(time.Local).Format("2006-01-02T15:04")}, "ahead": {strconv.Itoa(r.AheadDays)}}
	if !r.End.IsZero() {
		v.Set("end", r.End.In(time.Local).Format("2006-01-02"))
	}
	if r.Active {
		v.Set("active", "1")
	}
	var ids []string
	for _, a := range r.AssetIDs {
		ids = append(ids, strconv.FormatInt(a, 10))
	}
	v.Set("assets", strings.Join(ids, ", "))
	return v
}

// adminRecurrent lists the recurrent tickets with the form of a new one.
func (s *Server) adminRecurrent(w http.ResponseWriter, r *http.Request) {
	v := url.Values{"type": {"2"}, "urgency": {"3"}, "period": {"weekly"}, "every": {"1"}, "active": {"1"},
		"begin": {s.now().In(time.Local).Truncate(time.Hour).Add(time.Hour).Format("2006-01-02T15:04")}}
	s.renderAdminRecurrent(w, r, http.StatusOK, "", recurrentFormView{Action: "/admin/recurrent", V: v})
}

// adminRecurrentEdit lists the recurrent tickets with the form of one.
func (s *Server) adminRecurrentEdit(w http.ResponseWriter, r *http.Request) {
	rq, err := store.Recurrents(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rec, err := rq.GetRecurrent(r.Context(), pathID(r))
	if s.adminWriteFailed(w, r, err, "", nil) {
		return
	}
	s.renderAdminRecurrent(w, r, http.StatusOK, "", recurrentFormView{ID: rec.ID,
		Action: "/admin/recurrent/" + strconv.FormatInt(rec.ID, 10), V: recurrentValues(rec)})
}

func (s *Server) renderAdminRecurrent(w http.ResponseWriter, r *http.Request, status int, msg string, form recurrentFormView) {
	ctx := r.Context()
	rq, err := store.Recurrents(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := adminRecurrentData{Form: form, Error: msg, Levels: []int{1, 2, 3, 4, 5},
		Periods: []string{"daily", "weekly", "monthly", "days"}}
	if d.Items, err = rq.ListRecurrent(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Categories, err = tq.ListCategories(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Groups, err = tq.ListGroups(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "admin_recurrent", s.newPage(r, "recurrent.title", "admin", d))
}
