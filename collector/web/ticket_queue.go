package web

import (
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketQueue is the technicians' queue: every ticket, with filters
// (status, priority, category, assignee, group, requester, asset, text),
// sorting and paging. It starts on the open tickets.
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
	d := ticketListData{Query: q, Rows: ticketRows(page.Tickets), Total: page.Total, Base: base,
		Pager: newPager(q.url(base), q.Page, q.PerPage, page.Total), Statuses: ticketStatusChoices(),
		Sorts: sortHeaders(q, base, "id", "title", "status", "priority", "opened", "updated")}
	cats, err := tq.ListCategories(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	groups, err := tq.ListGroups(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	users, err := s.st.ListUsers(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var staff []store.User
	for _, u := range users {
		if helpdesk.ParseRole(u.Role).Staff() {
			staff = append(staff, u)
		}
	}
	d.Categories, d.Groups, d.Staff, d.Priorities = cats, groups, staff, []int{1, 2, 3, 4, 5, 6}
	s.render(w, r, http.StatusOK, "ticket_queue", s.newPage(r, "ticket.queue", "tickets", d))
}
