package apiserver

import (
	"context"
	"errors"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketDetail gathers what GET /api/v1/tickets/{id} shows the caller:
// private followups and tasks only to staff, as on the ticket's page.
func ticketDetail(ctx context.Context, tq store.TicketQueries, rt *restTicket) (*TicketDetailJSON, error) {
	id := rt.t.ID
	staff := helpdesk.Can(rt.actor, helpdesk.ActViewPrivate, helpdesk.Status(rt.t.Status))
	d := &TicketDetailJSON{Ticket: ticketJSON(rt.t), Actors: []TicketActorJSON{}, Followups: []FollowupJSON{},
		Tasks: []TaskJSON{}, Assets: []TicketAssetJSON{}}
	actors, err := tq.TicketActors(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, a := range actors {
		d.Actors = append(d.Actors, TicketActorJSON{ID: a.ID, Kind: actorKinds[a.Kind], UserID: optID(a.UserID),
			GroupID: optID(a.GroupID), Name: a.Name})
		switch {
		case a.Kind == store.ActorRequester && d.Ticket.Requester == "":
			d.Ticket.Requester = a.Name
		case a.Kind == store.ActorAssignee && d.Ticket.Assignee == "":
			d.Ticket.Assignee = a.Name
		}
	}
	fus, err := tq.Followups(ctx, id, staff)
	if err != nil {
		return nil, err
	}
	for _, f := range fus {
		d.Followups = append(d.Followups, FollowupJSON{ID: f.ID, Author: f.Author, Content: f.Content, Private: f.Private,
			CreatedAt: optTime(f.CreatedAt)})
	}
	if staff {
		tasks, err := tq.Tasks(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, k := range tasks {
			d.Tasks = append(d.Tasks, TaskJSON{ID: k.ID, Author: k.Author, Content: k.Content, DurationS: int64(k.Duration.Seconds()),
				PlannedStart: optTime(k.PlannedStart), PlannedEnd: optTime(k.PlannedEnd), State: k.State, CreatedAt: optTime(k.CreatedAt)})
		}
	}
	sol, err := tq.LatestSolution(ctx, id)
	switch {
	case err == nil:
		d.Solution = solutionJSON(sol)
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	assets, err := tq.TicketAssets(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, a := range assets {
		d.Assets = append(d.Assets, TicketAssetJSON{ID: a.ID, Type: a.Type, Name: a.Name})
	}
	if d.Approvals, err = ticketApprovals(ctx, tq, id); err != nil {
		return nil, err
	}
	return d, nil
}

// ticketState is the rules' view of a stored ticket (assignees and
// planned tasks counted).
func ticketState(ctx context.Context, tq store.TicketQueries, t *store.Ticket) (helpdesk.State, error) {
	st := helpdesk.State{Status: helpdesk.Status(t.Status), Approval: helpdesk.Approval(t.Approval),
		TakenAt: t.TakenAt, SolvedAt: t.SolvedAt, ClosedAt: t.ClosedAt}
	actors, err := tq.TicketActors(ctx, t.ID)
	if err != nil {
		return st, err
	}
	for _, a := range actors {
		if a.Kind == store.ActorAssignee {
			st.Assignees++
		}
	}
	tasks, err := tq.Tasks(ctx, t.ID)
	if err != nil {
		return st, err
	}
	for _, k := range tasks {
		if !k.PlannedStart.IsZero() && k.State != store.TaskDone {
			st.PlannedTasks++
		}
	}
	return st, nil
}
