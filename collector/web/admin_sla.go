package web

import (
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// slaCalendarRow is a calendar with its hours and holidays as the
// page's text areas show them; ID 0 is the blank form of a new one.
type slaCalendarRow struct {
	store.SLACalendar
	SegmentsText, HolidaysText string
}

// slaRuleRow is a rule with its durations in the form's units; ID 0 is
// the blank form of a new one.
type slaRuleRow struct {
	sla.Rule
	Hours       float64 // the duration in hours
	WarnMinutes int64
}

// Action is where the row's form posts.
func (r slaRuleRow) Action() string {
	if r.ID == 0 {
		return "/admin/sla/rules"
	}
	return "/admin/sla/rules/" + strconv.FormatInt(r.ID, 10)
}

// Action is where the calendar's form posts.
func (c slaCalendarRow) Action() string {
	if c.ID == 0 {
		return "/admin/sla/calendars"
	}
	return "/admin/sla/calendars/" + strconv.FormatInt(c.ID, 10)
}

type adminSLAData struct {
	Calendars  []slaCalendarRow
	Rules      []slaRuleRow
	Categories []store.Category
	Priorities []int
	Error      string
}

// slas is the service-level queries of the server's store.
func (s *Server) slas() (store.SLAQueries, error) { return store.SLAs(s.st) }

// adminSLA shows the business-hours calendars and the SLA rules, each
// with its form, and the forms to add one.
func (s *Server) adminSLA(w http.ResponseWriter, r *http.Request) {
	s.renderAdminSLA(w, r, http.StatusOK, "")
}

func (s *Server) renderAdminSLA(w http.ResponseWriter, r *http.Request, status int, msg string) {
	ctx := r.Context()
	sq, err := s.slas()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := adminSLAData{Error: msg, Priorities: []int{1, 2, 3, 4, 5, 6}}
	cals, err := sq.ListSLACalendars(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, c := range cals {
		d.Calendars = append(d.Calendars, slaCalendarRow{SLACalendar: c,
			SegmentsText: sla.FormatSegments(c.Segments), HolidaysText: sla.FormatHolidays(c.Holidays)})
	}
	rules, err := sq.ListSLARules(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, x := range rules {
		d.Rules = append(d.Rules, slaRuleRow{Rule: x, Hours: x.Duration.Hours(), WarnMinutes: int64(x.WarnBefore.Minutes())})
	}
	d.Calendars = append(d.Calendars, slaCalendarRow{})
	d.Rules = append(d.Rules, slaRuleRow{Rule: sla.Rule{Kind: sla.TTR}})
	if d.Categories, err = tq.ListCategories(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "admin_sla", s.newPage(r, "sla.title", "admin", d))
}
