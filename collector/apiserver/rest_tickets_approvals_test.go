package apiserver

import (
	"context"
	"fmt"
	"testing"

	"github.com/parcproject/parc/collector/approval"
	"github.com/parcproject/parc/collector/store"
)

// TestTicketAPIApprovals: a ticket's detail carries its approvals, and a
// user asked to approve may read the ticket, which they could not before.
func TestTicketAPIApprovals(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		te := newTicketEnv(t, e)
		mine := te.open(store.RoleSelfService, TicketInput{Title: "New laptop", Content: "for Jeanne"})
		one := fmt.Sprintf("%s/%d", PathTickets, mine.Ticket.ID)
		if len(mine.Approvals.Items) != 0 || mine.Approvals.Global != 1 || mine.Approvals.GlobalName != "none" {
			t.Errorf("got approvals %+v on a new ticket; want none", mine.Approvals)
		}
		if code := te.call("bob", "GET", one, nil, nil); code != 404 {
			t.Fatalf("bob reads a stranger's ticket: got %d; want 404", code)
		}
		bob, err := e.st.GetUserByLogin(ctx, "bob")
		if err != nil {
			t.Fatal(err)
		}
		err = e.st.WithTx(ctx, func(q store.Queries) error {
			_, err := approval.Request(ctx, q, store.ApprovalRequest{TicketID: mine.Ticket.ID, MinPercent: 50,
				Comment: "budget", Targets: []store.ApprovalTarget{{UserID: bob.ID}}}, "test")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var d TicketDetailJSON
		if code := te.call("bob", "GET", one, nil, &d); code != 200 {
			t.Fatalf("the approver reads the ticket: got %d; want 200", code)
		}
		a := d.Approvals
		if a.MinPercent != 50 || a.GlobalName != "waiting" || len(a.Items) != 1 || a.Items[0].ApproverID != bob.ID ||
			a.Items[0].StatusName != "waiting" || a.Items[0].RequestComment != "budget" || a.Items[0].RequestedAt == nil {
			t.Errorf("got approvals %+v; want bob waiting at 50%%", a)
		}
		// Approving gives no other right: no followup.
		if code := te.call("bob", "POST", one+"/followups", FollowupInput{Content: "hi"}, nil); code != 403 {
			t.Errorf("the approver adds a followup: got %d; want 403", code)
		}
	})
}
