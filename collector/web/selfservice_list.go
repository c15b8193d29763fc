package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
)

type ticketListData struct {
	Query      ticketQuery
	Rows       []ticketRow
	Total      int
	Pager      pager
	Base       string
	Statuses   []string
	Sorts      []listHeader
	Categories any
	Staff      any
	Groups     any
	Priorities []int
	Bulk       bool // rows have checkboxes for the queue's bulk actions
}

// ticketStatusChoices are the status filters of the lists.
func ticketStatusChoices() []string {
	out := []string{"open", "to_validate"}
	for _, s := range helpdesk.Statuses {
		out = append(out, s.String())
	}
	return out
}

// selfserviceList is "My requests": the tickets the user requests or
// observes, with a status filter and a text search.
func (s *Server) selfserviceList(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	defPer, _ := strconv.Atoi(st.prefs[prefPerPage])
	if !validPerPage(defPer) {
		defPer = 50
	}
	q := parseTicketQuery(r, defPer)
	// Only the status and text filters apply here: the rest are the
	// technicians' queue's.
	q = ticketQuery{Status: q.Status, Q: q.Q, Sort: q.Sort, Desc: q.Desc, Page: q.Page, PerPage: q.PerPage}
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := q.filter()
	f.VisibleTo = st.user.ID
	page, err := tq.ListTickets(ctx, f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	base := "/tickets/mine"
	d := ticketListData{Query: q, Rows: s.slaRows(ctx, page.Tickets), Total: page.Total, Base: base,
		Pager: newPager(q.url(base), q.Page, q.PerPage, page.Total), Statuses: ticketStatusChoices(),
		Sorts: sortHeaders(q, base, "id", "title", "status", "opened", "updated")}
	s.render(w, r, http.StatusOK, "selfservice_list", s.newPage(r, "helpdesk.mine", "mine", d))
}

// ticketColumns are the columns of every ticket list, in order.
var ticketColumns = []string{"id", "title", "status", "priority", "updated", "requester", "assignee"}

// sortHeaders are the column headers of a ticket list; those named in
// sortable link to the list sorted by them.
func sortHeaders(q ticketQuery, base string, sortable ...string) []listHeader {
	out := make([]listHeader, len(ticketColumns))
	for i, k := range ticketColumns {
		out[i] = listHeader{Key: k}
		if base != "" && slices.Contains(sortable, k) {
			out[i].SortURL, out[i].Sorted, out[i].Desc = q.sortURL(base, k), q.Sort == k, q.Desc
		}
	}
	return out
}
