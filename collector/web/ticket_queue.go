package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// queueData is the technicians' queue: a ticket list with every filter,
// the saved searches, and the bulk actions' choices.
type queueData struct {
	ticketListData
	Locations []locationRow
	Saved     []store.SavedSearch
	UserID    int64 // whose searches may be deleted
	Dates     []string
	DateVals  map[string]string
	SolTypes  []string
	SaveQuery string // the search, as a saved search stores it
	Back      string // this page, where a bulk action returns
}

// ticketQueue is the technicians' queue: every ticket, with filters
// (status, priority, category, assignee, group, requester, asset,
// location, date ranges, late, text), sorting on each column, paging,
// saved searches and bulk actions. It starts on the open tickets.
func (s *Server) ticketQueue(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	defPer, _ := strconv.Atoi(st.prefs[prefPerPage])
	if !validPerPage(defPer) {
		defPer = 50
	}
	if len(r.URL.Query()) == 0 {
		redirect(w, r, "/tickets?status=open")
		return
	}
	q := parseTicketQuery(r, defPer)
	q.now = s.now()
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	page, err := tq.ListTickets(ctx, q.filter())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	base := "/tickets"
	d := &queueData{ticketListData: ticketListData{Query: q, Rows: s.slaRows(ctx, page.Tickets), Total: page.Total, Base: base,
		Pager: newPager(q.url(base), q.Page, q.PerPage, page.Total), Statuses: ticketStatusChoices(), Bulk: true,
		Sorts: sortHeaders(q, base, ticketColumns...)}, UserID: st.user.ID, Dates: queryDates,
		DateVals: map[string]string{}, SolTypes: solutionTypes, SaveQuery: q.values().Encode(), Back: q.url(base)}
	for name, p := range q.dates() {
		d.DateVals[name] = *p
	}
	if err := s.fillQueueChoices(ctx, tq, d); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "ticket_queue", s.newPage(r, "ticket.queue", "tickets", d))
}

// fillQueueChoices loads the filters' and bulk actions' choices.
func (s *Server) fillQueueChoices(ctx context.Context, tq store.TicketQueries, d *queueData) error {
	cats, err := tq.ListCategories(ctx)
	if err != nil {
		return err
	}
	groups, err := tq.ListGroups(ctx)
	if err != nil {
		return err
	}
	users, err := s.st.ListUsers(ctx)
	if err != nil {
		return err
	}
	var staff []store.User
	for _, u := range users {
		if helpdesk.ParseRole(u.Role).Staff() {
			staff = append(staff, u)
		}
	}
	locs, err := s.st.ListLocations(ctx)
	if err != nil {
		return err
	}
	if d.Saved, err = tq.SavedSearches(ctx, d.UserID); err != nil {
		return err
	}
	d.Categories, d.Groups, d.Staff, d.Priorities = cats, groups, staff, []int{1, 2, 3, 4, 5, 6}
	d.Locations = locationTree(locs)
	return nil
}
