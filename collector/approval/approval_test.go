package approval_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/approval"
	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// recipients are the users the notification service mails about ev,
// from the same queries it uses.
func recipients(t *testing.T, st store.Store, ev notify.Event) []string {
	t.Helper()
	nq, err := store.Notify(st)
	if err != nil {
		t.Fatal(err)
	}
	people, err := nq.TicketRecipients(context.Background(), ev.TicketID)
	if err != nil {
		t.Fatal(err)
	}
	approvers, err := nq.UsersAsRecipients(context.Background(), ev.Approvers)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range notify.Recipients(ev, people, approvers) {
		out = append(out, r.Login)
	}
	return out
}

// nextEvent claims the next queued notification and decodes it.
func nextEvent(t *testing.T, st store.Store) notify.Event {
	t.Helper()
	jq, err := store.Jobs(st)
	if err != nil {
		t.Fatal(err)
	}
	j, err := jq.ClaimJob(context.Background(), []string{notify.JobEvent}, "test", time.Now().Add(time.Hour), time.Minute)
	if err != nil {
		t.Fatalf("claim notification: %v", err)
	}
	var ev notify.Event
	if err := json.Unmarshal([]byte(j.Payload), &ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

func TestRequestAndAnswer(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, d)
			tq, _ := store.Tickets(st)
			var ids []int64
			for _, l := range []string{"tech", "boss", "other", "alice"} {
				u := &store.User{Login: l, Role: store.RoleSelfService, PasswordHash: "h", Email: l + "@example.org"}
				if err := st.CreateUser(ctx, u); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, u.ID)
			}
			tech, boss := ids[0], ids[1]
			tk := &store.Ticket{Title: "laptop", Type: 2, Status: 1, Urgency: 3, Impact: 3, Priority: 3}
			if err := tq.CreateTicket(ctx, tk); err != nil {
				t.Fatal(err)
			}
			// alice requests the ticket, tech works it.
			for _, a := range []store.TicketActor{{Kind: store.ActorRequester, UserID: ids[3]}, {Kind: store.ActorAssignee, UserID: tech}} {
				a.TicketID = tk.ID
				if err := tq.AddTicketActor(ctx, &a); err != nil {
					t.Fatal(err)
				}
			}
			var asked []int64
			err := st.WithTx(ctx, func(q store.Queries) error {
				var err error
				asked, err = approval.Request(ctx, q, store.ApprovalRequest{TicketID: tk.ID, RequestedBy: tech,
					MinPercent: 100, Comment: "please", Targets: []store.ApprovalTarget{{UserID: boss}}}, "tech")
				return err
			})
			if err != nil || !slices.Equal(asked, []int64{boss}) {
				t.Fatalf("Request = %v, %v; want [%d]", asked, err, boss)
			}
			ev := nextEvent(t, st)
			if ev.Kind != notify.ApprovalRequest || ev.TicketID != tk.ID || !slices.Equal(ev.Approvers, []int64{boss}) ||
				ev.AuthorID != tech || ev.Text != "please" {
				t.Errorf("got event %+v; want an approval request to boss", ev)
			}
			if got := recipients(t, st, ev); !slices.Equal(got, []string{"boss"}) {
				t.Errorf("the request mails %v; want only the approver boss", got)
			}
			aq, _ := store.Approvals(st)
			list, err := aq.ForTicket(ctx, tk.ID)
			if err != nil || len(list) != 1 {
				t.Fatalf("ForTicket = %v, %v; want one", list, err)
			}
			// A refused answer leaves nothing behind: no history, no mail.
			err = st.WithTx(ctx, func(q store.Queries) error {
				return approval.Answer(ctx, q, tk.ID, list[0].ID, ids[2], "other", true, "")
			})
			if !errors.Is(err, helpdesk.ErrNotApprover) {
				t.Fatalf("answer by another user: got %v; want ErrNotApprover", err)
			}
			err = st.WithTx(ctx, func(q store.Queries) error {
				return approval.Answer(ctx, q, tk.ID, list[0].ID, boss, "boss", false, " no budget ")
			})
			if err != nil {
				t.Fatal(err)
			}
			ev = nextEvent(t, st)
			if ev.Kind != notify.ApprovalAnswer || ev.Accepted || ev.AuthorID != boss || ev.Text != "no budget" {
				t.Errorf("got event %+v; want boss's refusal", ev)
			}
			if got := recipients(t, st, ev); !slices.Equal(got, []string{"tech", "alice"}) && !slices.Equal(got, []string{"alice", "tech"}) {
				t.Errorf("the answer mails %v; want the ticket's requester and assignee", got)
			}
			hist, err := tq.TicketHistory(ctx, tk.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hist {
				got = append(got, h.Actor+" "+h.Field+" "+h.OldValue+">"+h.NewValue)
			}
			want := []string{
				"tech approval_request >boss (100%)",
				"tech approval_global 1>2",
				"boss approval_answer >4",
				"boss approval_global 2>4",
			}
			if !slices.Equal(got, want) {
				t.Errorf("got history %q; want %q", got, want)
			}
		})
	}
}
