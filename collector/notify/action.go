package notify

import (
	"context"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// RecordAction queues the email of a rules-checked ticket action, in the
// action's transaction (q), whether it came from the web UI or the REST
// API; before is the status the ticket had before the action.
// Actions nobody is told about (an edit, a task) queue nothing unless
// they changed the status.
func RecordAction(ctx context.Context, q store.Queries, tq store.TicketQueries, act helpdesk.Action, t *store.Ticket, userID int64, before helpdesk.Status) error {
	ev := Event{TicketID: t.ID, AuthorID: userID, OldStatus: int(before), NewStatus: t.Status, At: t.UpdatedAt}
	switch act {
	case helpdesk.ActFollowup, helpdesk.ActPrivateFollowup:
		ev.Kind, ev.Private = Followup, act == helpdesk.ActPrivateFollowup
		fs, err := tq.Followups(ctx, t.ID, true)
		if err != nil {
			return err
		}
		if n := len(fs); n > 0 && fs[n-1].UserID == userID {
			ev.Text, ev.Private = fs[n-1].Content, fs[n-1].Private
		}
	case helpdesk.ActTake, helpdesk.ActAssign:
		ev.Kind = Assigned
	case helpdesk.ActSolve:
		ev.Kind = Solved
		if s, err := tq.LatestSolution(ctx, t.ID); err == nil {
			ev.Text = s.Content
		}
	default:
		if int(before) == t.Status {
			return nil
		}
		ev.Kind = StatusChanged
	}
	return Record(ctx, q, ev)
}
