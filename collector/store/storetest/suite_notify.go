package storetest

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// RunNotify runs the conformance suite of store.NotifyQueries; open must
// return a fresh, migrated store.
func RunNotify(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, n store.NotifyQueries)
	}{
		{"TicketRecipients", testTicketRecipients},
		{"UserByEmail", testUserByEmail},
		{"InboundMail", testInboundMail},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			n, err := store.Notify(st)
			must(t, err)
			tc.fn(t, st, n)
		})
	}
}

// newMailUser creates a user with an address.
func newMailUser(t *testing.T, st store.Store, login, email string, disabled bool) *store.User {
	t.Helper()
	u := &store.User{Login: login, Email: email, Role: store.RoleSelfService, PasswordHash: "h", Disabled: disabled}
	must(t, st.CreateUser(ctx, u))
	return u
}

func testTicketRecipients(t *testing.T, st store.Store, n store.NotifyQueries) {
	tq, err := store.Tickets(st)
	must(t, err)
	wq, err := store.Web(st)
	must(t, err)
	alice := newMailUser(t, st, "alice", "alice@mairie.fr", false)
	bob := newMailUser(t, st, "bob", "bob@mairie.fr", false)
	carol := newMailUser(t, st, "carol", "", true)
	must(t, wq.SetUserPref(ctx, alice.ID, store.PrefLang, "fr"))
	must(t, wq.SetUserPref(ctx, bob.ID, store.PrefNotifyMail, "off"))
	g := &store.Group{Name: "Support"}
	must(t, tq.CreateGroup(ctx, g))
	must(t, tq.AddGroupMember(ctx, g.ID, bob.ID))
	must(t, tq.AddGroupMember(ctx, g.ID, carol.ID))
	tk := newTicket(t, tq, "no network", 1, alice.ID)
	// bob is an assignee himself and through the group: one row, two kinds.
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorAssignee, GroupID: g.ID}))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorObserver, UserID: bob.ID}))
	got, err := n.TicketRecipients(ctx, tk.ID)
	must(t, err)
	if len(got) != 3 {
		t.Fatalf("got %d recipients %+v; want alice, bob, carol", len(got), got)
	}
	a, b, c := got[0], got[1], got[2]
	if a.Login != "alice" || a.Email != "alice@mairie.fr" || a.Lang != "fr" || a.OptedOut || len(a.Kinds) != 1 || a.Kinds[0] != store.ActorRequester {
		t.Errorf("got alice %+v; want requester, fr, not opted out", a)
	}
	if b.Login != "bob" || !b.OptedOut || len(b.Kinds) != 2 || b.Kinds[0] != store.ActorAssignee || b.Kinds[1] != store.ActorObserver {
		t.Errorf("got bob %+v; want opted out, assignee (group) and observer", b)
	}
	if c.Login != "carol" || !c.Disabled || c.Email != "" {
		t.Errorf("got carol %+v; want disabled, no address", c)
	}
	none, err := n.TicketRecipients(ctx, tk.ID+1000)
	must(t, err)
	if len(none) != 0 {
		t.Errorf("got %d recipients of a missing ticket; want 0", len(none))
	}
	approvers, err := n.UsersAsRecipients(ctx, []int64{carol.ID, 9999, alice.ID})
	must(t, err)
	if len(approvers) != 2 || approvers[0].Login != "alice" || approvers[1].Login != "carol" || len(approvers[0].Kinds) != 0 {
		t.Errorf("got approvers %+v; want alice then carol, without kinds", approvers)
	}
}

func testUserByEmail(t *testing.T, st store.Store, n store.NotifyQueries) {
	alice := newMailUser(t, st, "alice", "Alice.Martin@Mairie.fr", false)
	newMailUser(t, st, "old", "gone@mairie.fr", true)
	newMailUser(t, st, "twin1", "shared@mairie.fr", false)
	newMailUser(t, st, "twin2", "SHARED@mairie.fr", false)
	u, err := n.UserByEmail(ctx, " alice.martin@mairie.FR ")
	must(t, err)
	if u.ID != alice.ID {
		t.Errorf("got user %d; want alice %d", u.ID, alice.ID)
	}
	_, err = n.UserByEmail(ctx, "gone@mairie.fr")
	wantErr(t, err, store.ErrNotFound)
	_, err = n.UserByEmail(ctx, "nobody@mairie.fr")
	wantErr(t, err, store.ErrNotFound)
	_, err = n.UserByEmail(ctx, "shared@mairie.fr")
	wantErr(t, err, store.ErrConflict)
}

func testInboundMail(t *testing.T, st store.Store, n store.NotifyQueries) {
	tq, err := store.Tickets(st)
	must(t, err)
	tk := newTicket(t, tq, "from mail", 1, 0)
	m := &store.InboundMail{MessageID: "<a1@mairie.fr>", Sender: "alice@mairie.fr", TicketID: tk.ID, Outcome: "ticket", ReceivedAt: t0}
	must(t, n.RecordInboundMail(ctx, m))
	wantErr(t, n.RecordInboundMail(ctx, &store.InboundMail{MessageID: "<a1@mairie.fr>", Outcome: "followup"}), store.ErrConflict)
	must(t, n.RecordInboundMail(ctx, &store.InboundMail{MessageID: "<spam@x>", Sender: "x@y", Outcome: "refused_sender"}))
	got, err := n.GetInboundMail(ctx, "<a1@mairie.fr>")
	must(t, err)
	if *got != *m {
		t.Errorf("got %+v; want %+v", got, m)
	}
	refused, err := n.GetInboundMail(ctx, "<spam@x>")
	must(t, err)
	if refused.TicketID != 0 || refused.ReceivedAt.IsZero() {
		t.Errorf("got %+v; want no ticket and a reception time", refused)
	}
	_, err = n.GetInboundMail(ctx, "<none@x>")
	wantErr(t, err, store.ErrNotFound)
}
