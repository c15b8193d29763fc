package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// counter is one coloured counter of the self-service home.
type counter struct {
	Key   string // i18n key suffix and status filter: "all", "new", "to_validate"...
	Count int
	Color string // Bootstrap colour name
	URL   string
}

type selfserviceHomeData struct {
	Counters []counter
	Recent   ticketListData
	Catalog  []catalogTile // the service catalogue's forms
}

// selfserviceHome is the helpdesk's home: the user's requests counted by
// status, each counter a link to the filtered "My requests", and the
// latest ones.
func (s *Server) selfserviceHome(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), state(r).user
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	counts, err := tq.CountTickets(ctx, store.TicketFilter{VisibleTo: u.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	all := 0
	for st, n := range counts {
		if st != store.CountToValidate {
			all += n
		}
	}
	d := selfserviceHomeData{Counters: []counter{
		{"all", all, "secondary", "/tickets/mine"},
		{"new", counts[int(helpdesk.StatusNew)], "success", "/tickets/mine?status=new"},
		{"assigned", counts[int(helpdesk.StatusAssigned)] + counts[int(helpdesk.StatusPlanned)], "primary", "/tickets/mine?status=open"},
		{"pending", counts[int(helpdesk.StatusPending)], "warning", "/tickets/mine?status=pending"},
		{"to_validate", counts[store.CountToValidate], "danger", "/tickets/mine?status=to_validate"},
		{"solved", counts[int(helpdesk.StatusSolved)], "info", "/tickets/mine?status=solved"},
		{"closed", counts[int(helpdesk.StatusClosed)], "dark", "/tickets/mine?status=closed"},
	}}
	if d.Counters, err = s.withApprovalCounter(ctx, u.ID, d.Counters); err != nil {
		s.serverError(w, r, err)
		return
	}
	page, err := tq.ListTickets(ctx, store.TicketFilter{VisibleTo: u.ID, Open: true, Sort: "updated", Desc: true, Limit: 5})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Catalog, err = s.visibleForms(ctx, u.Role, state(r).lang); err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Recent = ticketListData{Rows: s.slaRows(ctx, page.Tickets), Sorts: sortHeaders(ticketQuery{}, "")}
	s.render(w, r, http.StatusOK, "selfservice_home", s.newPage(r, "helpdesk.title", "helpdesk", d))
}
