package apiserver

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// ticketRestRoutes mounts the helpdesk's REST API. Every logged-in role
// may call it; what one may see or do on a ticket is then package
// helpdesk's rule, as in the web UI: a self-service token sees only the
// tickets its user requests or observes.
func (s *Server) ticketRestRoutes(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(s.tokenAuth, requireRole(store.RoleSelfService))
		r.Get(PathTickets, s.listTickets)
		r.Post(PathTickets, s.createTicket)
		r.Get(PathTickets+"/{id}", s.getTicket)
		r.Post(PathTickets+"/{id}/followups", s.addTicketFollowup)
		r.Post(PathTickets+"/{id}/solution", s.solveTicket)
	})
}

// ticketFilter maps the query of GET /api/v1/tickets to a store filter:
// the filters of the web queue.
func ticketFilter(v url.Values, now time.Time) (store.TicketFilter, *paramError) {
	p := &params{v: v}
	f := store.TicketFilter{Query: p.str("q"), Priority: p.count("priority", 0, 1, helpdesk.MaxPriority),
		Type: p.count("type", 0, 1, 2), CategoryID: p.id("category"), AssigneeGroup: p.id("group"),
		RequesterUser: p.id("requester"), AssetID: p.id("asset"), LocationID: p.id("location"),
		OpenedAfter: p.time("opened_after"), OpenedBefore: p.time("opened_before"),
		UpdatedAfter: p.time("updated_after"), UpdatedBefore: p.time("updated_before"),
		SolvedAfter: p.time("solved_after"), SolvedBefore: p.time("solved_before"),
		Sort: p.str("sort"), Desc: p.boolean("desc"),
		Limit: p.count("limit", 50, 1, maxPage), Offset: p.count("offset", 0, 0, 1<<31-1)}
	if p.boolean("late") {
		f.Open, f.DueBefore = true, now
	}
	if a := p.str("assignee"); a == "none" {
		f.AssigneeUser = -1
	} else {
		f.AssigneeUser = p.id("assignee")
	}
	switch st := p.str("status"); st {
	case "":
	case "open":
		f.Open = true
	case "to_validate":
		f.ToValidate = true
	default:
		s, err := helpdesk.ParseStatus(st)
		if err != nil {
			p.fail("status", "want open, to_validate, a status name (new, assigned, planned, pending, solved, closed) or code 1-6, got %q", st)
		}
		f.Statuses = []int{int(s)}
	}
	if _, ok := store.TicketSortKeys[f.Sort]; f.Sort != "" && !ok {
		p.fail("sort", "want one of %s, got %q", strings.Join(sortedKeys(store.TicketSortKeys), ", "), f.Sort)
	}
	if len(f.Query) > 200 {
		p.fail("q", "at most 200 characters")
	}
	return f, p.err
}

func (s *Server) listTickets(w http.ResponseWriter, r *http.Request) {
	f, perr := ticketFilter(r.URL.Query(), time.Now().UTC())
	if perr != nil {
		writeError(w, http.StatusBadRequest, "invalid query parameter "+perr.Name, perr.fields())
		return
	}
	u := userFrom(r)
	if !helpdesk.ParseRole(u.Role).Staff() {
		// Self-service and observers: their own and observed tickets only.
		f.VisibleTo = u.ID
	}
	tq, err := store.Tickets(s.st)
	if err != nil {
		s.internalError(w, "REST tickets", err)
		return
	}
	page, err := tq.ListTickets(r.Context(), f)
	if err != nil {
		s.internalError(w, "REST list tickets", err)
		return
	}
	out := TicketListJSON{Total: page.Total, Items: make([]TicketJSON, len(page.Tickets))}
	for i := range page.Tickets {
		out.Items[i] = ticketJSON(&page.Tickets[i])
	}
	writeJSON(w, http.StatusOK, out)
}

// restTicket is a ticket with the caller's standing on it.
type restTicket struct {
	t     *store.Ticket
	rel   store.Relations
	actor helpdesk.Actor
}

// loadTicket reads the ticket id for the caller; a ticket the caller may
// not view is "not found", so its existence is not revealed.
func loadTicket(ctx context.Context, tq store.TicketQueries, u *store.User, id int64) (*restTicket, error) {
	t, err := tq.GetTicket(ctx, id)
	if err != nil {
		return nil, err
	}
	rel, err := tq.TicketRelations(ctx, id, u.ID)
	if err != nil {
		return nil, err
	}
	rt := &restTicket{t: t, rel: rel, actor: helpdesk.Actor{Role: helpdesk.ParseRole(u.Role)}}
	if rel.Requester {
		rt.actor.Rel |= helpdesk.RelRequester
	}
	if rel.Observer {
		rt.actor.Rel |= helpdesk.RelObserver
	}
	if rel.Assignee {
		rt.actor.Rel |= helpdesk.RelAssignee
	}
	if rel.Approver {
		rt.actor.Rel |= helpdesk.RelApprover
	}
	if !helpdesk.Can(rt.actor, helpdesk.ActView, helpdesk.Status(t.Status)) {
		return nil, store.ErrNotFound
	}
	return rt, nil
}

// ticketFailed answers a failed ticket call; it reports whether err was
// one (nil: nothing written).
func (s *Server) ticketFailed(w http.ResponseWriter, id int64, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no ticket "+strconv.FormatInt(id, 10), nil)
	case errors.Is(err, helpdesk.ErrForbidden):
		writeError(w, http.StatusForbidden, "your role or relation to the ticket does not allow this", nil)
	case errors.Is(err, helpdesk.ErrStatus):
		writeError(w, http.StatusConflict, "not possible in the ticket's status", []api.FieldError{{Field: "status", Reason: err.Error()}})
	default:
		s.internalError(w, "REST ticket", err)
	}
	return true
}

func (s *Server) getTicket(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	tq, err := store.Tickets(s.st)
	if err != nil {
		s.internalError(w, "REST tickets", err)
		return
	}
	rt, err := loadTicket(r.Context(), tq, userFrom(r), id)
	if s.ticketFailed(w, id, err) {
		return
	}
	d, err := ticketDetail(r.Context(), tq, rt)
	if s.ticketFailed(w, id, err) {
		return
	}
	writeJSON(w, http.StatusOK, d)
}
