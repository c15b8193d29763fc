package web

import (
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// dashboardTickets bounds the late and unassigned tickets listed on the
// dashboard (the card's count and link give the rest).
const dashboardTickets = 8

// techCounter is one counter of the technician's dashboard: a number and
// the queue it opens.
type techCounter struct {
	Key   string // i18n key of the label ("counter.assigned"...)
	Label string // a group's name, instead of Key
	Count int
	URL   string
}

// techDashboard is the helpdesk part of a technician's dashboard.
type techDashboard struct {
	Mine            []techCounter // assigned to me, by status
	Groups          []techCounter // open tickets of my groups
	Late            []ticketRow
	LateTotal       int
	LateURL         string
	LateTTO         int // open tickets nobody took by their SLA's time to own
	Unassigned      []ticketRow
	UnassignedTotal int
	UnassignedURL   string
}

// techDashboard counts what waits for the logged-in technician: their
// tickets by status, their groups' open tickets, the late tickets (open
// past their due date) and the new tickets nobody took; each links to
// the queue filtered the same way.
func (s *Server) techDashboard(r *http.Request) (*techDashboard, error) {
	ctx, me := r.Context(), state(r).user.ID
	tq, err := s.tickets()
	if err != nil {
		return nil, err
	}
	d := &techDashboard{LateURL: "/tickets?late=1", UnassignedURL: "/tickets?status=new&assignee=none"}
	counts, err := tq.CountTickets(ctx, store.TicketFilter{AssigneeUser: me})
	if err != nil {
		return nil, err
	}
	meParam := strconv.FormatInt(me, 10)
	for _, st := range []helpdesk.Status{helpdesk.StatusNew, helpdesk.StatusAssigned, helpdesk.StatusPlanned,
		helpdesk.StatusPending, helpdesk.StatusSolved} {
		d.Mine = append(d.Mine, techCounter{Key: "counter." + st.String(), Count: counts[int(st)],
			URL: "/tickets?assignee=" + meParam + "&status=" + st.String()})
	}
	if err := s.approvalCounter(ctx, me, &d.Mine); err != nil {
		return nil, err
	}
	if err := s.groupCounters(r, tq, me, d); err != nil {
		return nil, err
	}
	late, err := tq.ListTickets(ctx, store.TicketFilter{Open: true, DueBefore: s.now(), Sort: "due", Limit: dashboardTickets})
	if err != nil {
		return nil, err
	}
	d.Late, d.LateTotal = s.slaRows(ctx, late.Tickets), late.Total
	if d.LateTTO, err = s.countTTOLate(ctx); err != nil {
		return nil, err
	}
	unassigned, err := tq.ListTickets(ctx, store.TicketFilter{Statuses: []int{int(helpdesk.StatusNew)}, AssigneeUser: -1,
		Sort: "opened", Limit: dashboardTickets})
	if err != nil {
		return nil, err
	}
	d.Unassigned, d.UnassignedTotal = ticketRows(unassigned.Tickets), unassigned.Total
	return d, nil
}

// groupCounters counts the open tickets assigned to each of the user's
// groups.
func (s *Server) groupCounters(r *http.Request, tq store.TicketQueries, me int64, d *techDashboard) error {
	ctx := r.Context()
	mine, err := tq.UserGroupIDs(ctx, me)
	if err != nil || len(mine) == 0 {
		return err
	}
	groups, err := tq.ListGroups(ctx)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, g := range groups {
		names[g.ID] = g.Name
	}
	for _, id := range mine {
		page, err := tq.ListTickets(ctx, store.TicketFilter{AssigneeGroup: id, Open: true, Limit: 1})
		if err != nil {
			return err
		}
		d.Groups = append(d.Groups, techCounter{Label: names[id], Count: page.Total,
			URL: "/tickets?group=" + strconv.FormatInt(id, 10) + "&status=open"})
	}
	return nil
}
