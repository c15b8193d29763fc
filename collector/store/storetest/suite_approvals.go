package storetest

import (
	"errors"
	"testing"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// RunApprovals runs the conformance suite of store.ApprovalQueries; open
// must return a fresh, migrated store.
func RunApprovals(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, tq store.TicketQueries, aq *store.ApprovalQueries)
	}{
		{"RequestAndAnswer", testApprovalFlow},
		{"Thresholds", testApprovalThresholds},
		{"RequestErrors", testApprovalRequestErrors},
		{"InTransaction", testApprovalTx},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			tq, err := store.Tickets(st)
			must(t, err)
			aq, err := store.Approvals(st)
			must(t, err)
			tc.fn(t, st, tq, aq)
		})
	}
}

func wantState(t *testing.T, aq *store.ApprovalQueries, ticketID int64, percent int, global helpdesk.Approval) {
	t.Helper()
	s, err := aq.State(ctx, ticketID)
	must(t, err)
	if s.MinPercent != percent || s.Global != int(global) {
		t.Fatalf("got state %+v; want percent %d, global %v", s, percent, global)
	}
}

func testApprovalFlow(t *testing.T, st store.Store, tq store.TicketQueries, aq *store.ApprovalQueries) {
	tech := newUser(t, st, "tech", store.RoleTechnician)
	boss := newUser(t, st, "boss", store.RoleSelfService)
	m1 := newUser(t, st, "m1", store.RoleSelfService)
	m2 := newUser(t, st, "m2", store.RoleSelfService)
	gone := newUser(t, st, "gone", store.RoleSelfService)
	must(t, tq.UpdateAccount(ctx, store.Account{UserID: gone.ID, Role: store.RoleSelfService, Disabled: true}))
	g := &store.Group{Name: "Finance"}
	must(t, tq.CreateGroup(ctx, g))
	for _, u := range []*store.User{boss, m1, m2, gone} {
		must(t, tq.AddGroupMember(ctx, g.ID, u.ID))
	}
	tk := newTicket(t, tq, "new laptop", 1, tech.ID)
	wantState(t, aq, tk.ID, 0, helpdesk.ApprovalNone)

	ids, err := aq.Request(ctx, store.ApprovalRequest{TicketID: tk.ID, RequestedBy: tech.ID, MinPercent: 100,
		Comment: "please approve", Targets: []store.ApprovalTarget{{UserID: boss.ID}, {GroupID: g.ID}}, At: t0})
	must(t, err)
	// boss once (by name first), the enabled members, not the disabled one.
	if want := []int64{boss.ID, m1.ID, m2.ID}; !equalIDs(ids, want) {
		t.Fatalf("got approvers %v; want %v", ids, want)
	}
	wantState(t, aq, tk.ID, 100, helpdesk.ApprovalWaiting)
	// Tickets read and listed carry the global state.
	got, err := tq.GetTicket(ctx, tk.ID)
	must(t, err)
	page, err := tq.ListTickets(ctx, store.TicketFilter{})
	must(t, err)
	if got.Validation != int(helpdesk.ApprovalWaiting) || len(page.Tickets) != 1 || page.Tickets[0].Validation != int(helpdesk.ApprovalWaiting) {
		t.Errorf("got validation %d, listed %+v; want waiting", got.Validation, page.Tickets)
	}
	list, err := aq.ForTicket(ctx, tk.ID)
	must(t, err)
	if len(list) != 3 {
		t.Fatalf("got %d approvals; want 3", len(list))
	}
	first, second := list[0], list[1]
	if first.ApproverID != boss.ID || first.Approver != "boss" || first.GroupID != 0 || first.Requester != "tech" ||
		first.RequestComment != "please approve" || !first.RequestedAt.Equal(t0) || first.Status != int(helpdesk.ApprovalWaiting) {
		t.Errorf("got first approval %+v; want boss's, waiting, asked by tech at t0", first)
	}
	if second.ApproverID != m1.ID || second.GroupID != g.ID || second.Group != "Finance" {
		t.Errorf("got second approval %+v; want m1 through Finance", second)
	}
	n, err := aq.CountWaitingFor(ctx, boss.ID)
	must(t, err)
	waiting, err := aq.WaitingFor(ctx, boss.ID)
	must(t, err)
	if n != 1 || len(waiting) != 1 || waiting[0].Title != "new laptop" || waiting[0].Approval.ID != first.ID || waiting[0].TicketStatus != 1 {
		t.Errorf("got count %d, waiting %+v; want boss's one approval of %q", n, waiting, tk.Title)
	}
	for _, u := range []int64{boss.ID, m2.ID} {
		ok, err := aq.IsApprover(ctx, tk.ID, u)
		must(t, err)
		if !ok {
			t.Errorf("IsApprover(user %d) = false; want true", u)
		}
	}
	if ok, err := aq.IsApprover(ctx, tk.ID, tech.ID); err != nil || ok {
		t.Errorf("IsApprover(tech) = %v, %v; want false", ok, err)
	}

	// The rules, checked against the stored row.
	wantErr(t, aq.Answer(ctx, tk.ID, first.ID, m1.ID, true, ""), helpdesk.ErrNotApprover)
	wantErr(t, aq.Answer(ctx, tk.ID, first.ID, boss.ID, false, " "), helpdesk.ErrRefusalComment)
	wantErr(t, aq.Answer(ctx, tk.ID+1, first.ID, boss.ID, true, ""), store.ErrNotFound)
	must(t, aq.Answer(ctx, tk.ID, first.ID, boss.ID, true, "ok"))
	wantErr(t, aq.Answer(ctx, tk.ID, first.ID, boss.ID, false, "no"), helpdesk.ErrAlreadyAnswered)
	wantState(t, aq, tk.ID, 100, helpdesk.ApprovalWaiting)
	must(t, aq.Answer(ctx, tk.ID, second.ID, m1.ID, false, "too expensive"))
	wantState(t, aq, tk.ID, 100, helpdesk.ApprovalRefused)

	list, err = aq.ForTicket(ctx, tk.ID)
	must(t, err)
	if a := list[0]; a.Status != int(helpdesk.ApprovalAccepted) || a.AnswerComment != "ok" || a.AnsweredAt.IsZero() {
		t.Errorf("got answered approval %+v; want accepted with comment and date", a)
	}
	if a := list[1]; a.Status != int(helpdesk.ApprovalRefused) || a.AnswerComment != "too expensive" {
		t.Errorf("got refused approval %+v; want refused with its reason", a)
	}
	if n, _ := aq.CountWaitingFor(ctx, boss.ID); n != 0 {
		t.Errorf("got %d waiting for boss after answering; want 0", n)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func testApprovalThresholds(t *testing.T, st store.Store, tq store.TicketQueries, aq *store.ApprovalQueries) {
	var users []*store.User
	for _, l := range []string{"u1", "u2", "u3"} {
		users = append(users, newUser(t, st, l, store.RoleSelfService))
	}
	targets := []store.ApprovalTarget{{UserID: users[0].ID}, {UserID: users[1].ID}, {UserID: users[2].ID}}
	tests := []struct {
		percent int
		answers []bool // answers of u1, u2... in order
		want    helpdesk.Approval
	}{
		{0, []bool{false}, helpdesk.ApprovalRefused},
		{0, []bool{true}, helpdesk.ApprovalAccepted},
		{50, []bool{true}, helpdesk.ApprovalWaiting},
		{50, []bool{true, true}, helpdesk.ApprovalAccepted},
		{50, []bool{false, false}, helpdesk.ApprovalRefused},
		{100, []bool{true, true, true}, helpdesk.ApprovalAccepted},
	}
	for _, tc := range tests {
		tk := newTicket(t, tq, "t", 2, 0)
		_, err := aq.Request(ctx, store.ApprovalRequest{TicketID: tk.ID, MinPercent: tc.percent, Targets: targets})
		must(t, err)
		list, err := aq.ForTicket(ctx, tk.ID)
		must(t, err)
		for i, ok := range tc.answers {
			must(t, aq.Answer(ctx, tk.ID, list[i].ID, users[i].ID, ok, "because"))
		}
		wantState(t, aq, tk.ID, tc.percent, tc.want)
	}
}

func testApprovalRequestErrors(t *testing.T, st store.Store, tq store.TicketQueries, aq *store.ApprovalQueries) {
	u := newUser(t, st, "u", store.RoleSelfService)
	empty := &store.Group{Name: "Empty"}
	must(t, tq.CreateGroup(ctx, empty))
	tk := newTicket(t, tq, "t", 1, 0)
	req := func(percent int, targets ...store.ApprovalTarget) store.ApprovalRequest {
		return store.ApprovalRequest{TicketID: tk.ID, MinPercent: percent, Targets: targets}
	}
	bad := []struct {
		name string
		req  store.ApprovalRequest
		want error // nil: any error
	}{
		{"bad percent", req(30, store.ApprovalTarget{UserID: u.ID}), nil},
		{"no target", req(0), nil},
		{"user and group", req(0, store.ApprovalTarget{UserID: u.ID, GroupID: empty.ID}), nil},
		{"neither user nor group", req(0, store.ApprovalTarget{}), nil},
		{"missing user", req(0, store.ApprovalTarget{UserID: u.ID + 100}), store.ErrNotFound},
		{"missing group", req(0, store.ApprovalTarget{GroupID: empty.ID + 100}), store.ErrNotFound},
		{"empty group", req(0, store.ApprovalTarget{GroupID: empty.ID}), nil},
		{"missing ticket", store.ApprovalRequest{TicketID: tk.ID + 100, Targets: []store.ApprovalTarget{{UserID: u.ID}}}, store.ErrNotFound},
	}
	for _, tc := range bad {
		_, err := aq.Request(ctx, tc.req)
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
			t.Errorf("%s: got error %v; want %v", tc.name, err, tc.want)
		}
	}
	if list, _ := aq.ForTicket(ctx, tk.ID); len(list) != 0 {
		t.Errorf("got %d approvals after bad requests; want 0", len(list))
	}
	_, err := aq.Request(ctx, req(0, store.ApprovalTarget{UserID: u.ID}))
	must(t, err)
	_, err = aq.Request(ctx, req(0, store.ApprovalTarget{UserID: u.ID}))
	wantErr(t, err, store.ErrConflict)
	// Once answered, the user may be asked again (a new round).
	list, err := aq.ForTicket(ctx, tk.ID)
	must(t, err)
	must(t, aq.Answer(ctx, tk.ID, list[0].ID, u.ID, false, "not now"))
	ids, err := aq.Request(ctx, req(50, store.ApprovalTarget{UserID: u.ID}))
	must(t, err)
	if len(ids) != 1 {
		t.Errorf("got approvers %v on a new round; want [%d]", ids, u.ID)
	}
	// One refused of two at 50%: the threshold can still be reached.
	wantState(t, aq, tk.ID, 50, helpdesk.ApprovalWaiting)
}

func testApprovalTx(t *testing.T, st store.Store, tq store.TicketQueries, aq *store.ApprovalQueries) {
	u := newUser(t, st, "u", store.RoleSelfService)
	tk := newTicket(t, tq, "t", 1, 0)
	boom := errors.New("boom")
	err := st.WithTx(ctx, func(q store.Queries) error {
		txa, err := store.Approvals(q)
		if err != nil {
			return err
		}
		if _, err := txa.Request(ctx, store.ApprovalRequest{TicketID: tk.ID, Targets: []store.ApprovalTarget{{UserID: u.ID}}}); err != nil {
			return err
		}
		return boom
	})
	wantErr(t, err, boom)
	list, err := aq.ForTicket(ctx, tk.ID)
	must(t, err)
	if len(list) != 0 {
		t.Errorf("got %d approvals after a rollback; want 0", len(list))
	}
	wantState(t, aq, tk.ID, 0, helpdesk.ApprovalNone)
	must(t, st.WithTx(ctx, func(q store.Queries) error {
		txa, err := store.Approvals(q)
		if err != nil {
			return err
		}
		_, err = txa.Request(ctx, store.ApprovalRequest{TicketID: tk.ID, Targets: []store.ApprovalTarget{{UserID: u.ID}}})
		return err
	}))
	wantState(t, aq, tk.ID, 0, helpdesk.ApprovalWaiting)
}
