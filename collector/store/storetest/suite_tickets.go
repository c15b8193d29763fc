package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunTickets runs the conformance suite of store.TicketQueries; open must
// return a fresh, migrated store.
func RunTickets(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, tq store.TicketQueries)
	}{
		{"GroupsAndCategories", testGroupsAndCategories},
		{"TicketCRUD", testTicketCRUD},
		{"Actors", testTicketActors},
		{"Work", testTicketWork},
		{"AssetsAndDevices", testTicketAssets},
		{"Documents", testTicketDocuments},
		{"List", testTicketList},
		{"InTransaction", testTicketTx},
		{"SwitchPorts", testSwitchPorts},
		{"UpdateTicketIf", testUpdateTicketIf},
		{"GroupAdmin", testGroupAdmin},
		{"CategoryAdmin", testCategoryAdmin},
		{"SavedSearches", testSavedSearches},
		{"Accounts", testAccounts},
		{"ListMore", testTicketListMore},
		{"SortKeys", testTicketSortKeys},
		{"TextPlans", testTicketTextPlans},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			tq, err := store.Tickets(st)
			must(t, err)
			tc.fn(t, st, tq)
		})
	}
}

// t0 is a fixed, millisecond-rounded time for ticket dates.
var t0 = time.UnixMilli(1_760_000_000_000).UTC()

func newUser(t *testing.T, st store.Store, login, role string) *store.User {
	t.Helper()
	u := &store.User{Login: login, Name: "", Role: role, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, u))
	return u
}

func newTicket(t *testing.T, tq store.TicketQueries, title string, status int, requester int64) *store.Ticket {
	t.Helper()
	tk := &store.Ticket{Title: title, Content: "content of " + title, Type: 1, Status: status, Urgency: 3, Impact: 3,
		Priority: 3, OpenedAt: t0}
	must(t, tq.CreateTicket(ctx, tk))
	if requester != 0 {
		must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorRequester, UserID: requester}))
	}
	return tk
}

func testGroupsAndCategories(t *testing.T, st store.Store, tq store.TicketQueries) {
	g := &store.Group{Name: "Support"}
	must(t, tq.CreateGroup(ctx, g))
	wantErr(t, tq.CreateGroup(ctx, &store.Group{Name: "Support"}), store.ErrConflict)
	u := newUser(t, st, "tech", store.RoleTechnician)
	must(t, tq.AddGroupMember(ctx, g.ID, u.ID))
	wantErr(t, tq.AddGroupMember(ctx, g.ID, u.ID), store.ErrConflict)
	members, err := tq.GroupMembers(ctx, g.ID)
	must(t, err)
	ids, err := tq.UserGroupIDs(ctx, u.ID)
	must(t, err)
	if len(members) != 1 || members[0].Login != "tech" || len(ids) != 1 || ids[0] != g.ID {
		t.Errorf("got members %+v, groups %v; want tech in group %d", members, ids, g.ID)
	}
	hw := &store.Category{Name: "Hardware", GroupID: g.ID}
	must(t, tq.CreateCategory(ctx, hw))
	printer := &store.Category{Name: "Printer", ParentID: hw.ID}
	must(t, tq.CreateCategory(ctx, printer))
	must(t, tq.CreateCategory(ctx, &store.Category{Name: "Access"}))
	must(t, tq.CreateCategory(ctx, &store.Category{Name: "keyboard", ParentID: hw.ID}))
	cats, err := tq.ListCategories(ctx)
	must(t, err)
	var paths []string
	for _, c := range cats {
		paths = append(paths, c.Path)
	}
	want := "Access|Hardware|Hardware > keyboard|Hardware > Printer"
	if got := join(paths); got != want {
		t.Errorf("got categories %s; want %s", got, want)
	}
	c, err := tq.GetCategory(ctx, printer.ID)
	must(t, err)
	if c.Path != "Hardware > Printer" || c.Depth != 1 || c.ParentID != hw.ID {
		t.Errorf("got %+v; want Hardware > Printer at depth 1", c)
	}
	if cats[1].GroupID != g.ID {
		t.Errorf("got group %d for Hardware; want %d", cats[1].GroupID, g.ID)
	}
	_, err = tq.GetCategory(ctx, 9999)
	wantErr(t, err, store.ErrNotFound)
	must(t, tq.RemoveGroupMember(ctx, g.ID, u.ID))
	wantErr(t, tq.RemoveGroupMember(ctx, g.ID, u.ID), store.ErrNotFound)
}

func join(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += "|"
		}
		out += v
	}
	return out
}

func testTicketCRUD(t *testing.T, st store.Store, tq store.TicketQueries) {
	cat := &store.Category{Name: "Network"}
	must(t, tq.CreateCategory(ctx, cat))
	u := newUser(t, st, "alice", store.RoleSelfService)
	tk := &store.Ticket{Title: "No network", Content: "<b>since 9am</b>", Type: 1, Status: 1, Urgency: 4, Impact: 2,
		Priority: 3, CategoryID: cat.ID, CreatedBy: u.ID, OpenedAt: t0, DueAt: t0.Add(48 * time.Hour)}
	must(t, tq.CreateTicket(ctx, tk))
	got, err := tq.GetTicket(ctx, tk.ID)
	must(t, err)
	if got.Title != tk.Title || got.Content != tk.Content || got.Urgency != 4 || got.Approval != 1 ||
		got.CategoryPath != "Network" || !got.OpenedAt.Equal(t0) || !got.DueAt.Equal(tk.DueAt) ||
		!got.UpdatedAt.Equal(t0) || !got.SolvedAt.IsZero() || got.CreatedBy != u.ID {
		t.Errorf("got %+v; want %+v", got, tk)
	}
	got.Status, got.Approval, got.SolvedAt, got.TakenAt = 5, 2, t0.Add(time.Hour), t0.Add(time.Minute)
	got.UpdatedAt = t0.Add(time.Hour)
	must(t, tq.UpdateTicket(ctx, got))
	again, err := tq.GetTicket(ctx, tk.ID)
	must(t, err)
	if again.Status != 5 || again.Approval != 2 || !again.SolvedAt.Equal(t0.Add(time.Hour)) || !again.TakenAt.Equal(t0.Add(time.Minute)) {
		t.Errorf("got %+v after update; want solved, waiting", again)
	}
	_, err = tq.GetTicket(ctx, 9999)
	wantErr(t, err, store.ErrNotFound)
	wantErr(t, tq.UpdateTicket(ctx, &store.Ticket{ID: 9999, Title: "x", Type: 1, Status: 1}), store.ErrNotFound)
}

func testTicketActors(t *testing.T, st store.Store, tq store.TicketQueries) {
	alice := newUser(t, st, "alice", store.RoleSelfService)
	bob := newUser(t, st, "bob", store.RoleSelfService)
	tech := newUser(t, st, "tech", store.RoleTechnician)
	g := &store.Group{Name: "Accounting"}
	must(t, tq.CreateGroup(ctx, g))
	must(t, tq.AddGroupMember(ctx, g.ID, bob.ID))
	tk := newTicket(t, tq, "printer", 1, alice.ID)
	wantErr(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorRequester, UserID: alice.ID}), store.ErrConflict)
	if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorObserver}); err == nil {
		t.Error("got no error for an actor with neither user nor group; want one")
	}
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorObserver, GroupID: g.ID}))
	asg := &store.TicketActor{TicketID: tk.ID, Kind: store.ActorAssignee, UserID: tech.ID}
	must(t, tq.AddTicketActor(ctx, asg))
	actors, err := tq.TicketActors(ctx, tk.ID)
	must(t, err)
	if len(actors) != 3 || actors[0].Login != "alice" || actors[1].Name != "tech" || actors[2].Name != "Accounting" || actors[2].Login != "" {
		t.Errorf("got actors %+v; want alice (requester), tech (assignee), Accounting (observer)", actors)
	}
	for _, tc := range []struct {
		user int64
		want store.Relations
	}{
		{alice.ID, store.Relations{Requester: true}},
		{bob.ID, store.Relations{Observer: true}}, // through the group
		{tech.ID, store.Relations{Assignee: true}},
		{9999, store.Relations{}},
	} {
		got, err := tq.TicketRelations(ctx, tk.ID, tc.user)
		must(t, err)
		if got != tc.want {
			t.Errorf("user %d: got %+v; want %+v", tc.user, got, tc.want)
		}
	}
	must(t, tq.RemoveTicketActor(ctx, tk.ID, asg.ID))
	wantErr(t, tq.RemoveTicketActor(ctx, tk.ID, asg.ID), store.ErrNotFound)
	if r, _ := tq.TicketRelations(ctx, tk.ID, tech.ID); r.Assignee {
		t.Error("got tech still assigned after removal")
	}
}

func testTicketWork(t *testing.T, st store.Store, tq store.TicketQueries) {
	tech := newUser(t, st, "tech", store.RoleTechnician)
	tk := newTicket(t, tq, "slow pc", 2, 0)
	must(t, tq.AddFollowup(ctx, &store.Followup{TicketID: tk.ID, UserID: tech.ID, Content: "public", CreatedAt: t0}))
	must(t, tq.AddFollowup(ctx, &store.Followup{TicketID: tk.ID, UserID: tech.ID, Content: "private", Private: true, CreatedAt: t0}))
	pub, err := tq.Followups(ctx, tk.ID, false)
	must(t, err)
	all, err := tq.Followups(ctx, tk.ID, true)
	must(t, err)
	if len(pub) != 1 || pub[0].Content != "public" || pub[0].Author != "tech" || len(all) != 2 || !all[1].Private {
		t.Errorf("got public %+v, all %+v; want 1 public, 2 in all", pub, all)
	}
	task := &store.Task{TicketID: tk.ID, UserID: tech.ID, Content: "replace disk", Duration: 90 * time.Minute,
		PlannedStart: t0.Add(time.Hour), PlannedEnd: t0.Add(2 * time.Hour), State: store.TaskToDo, Private: true}
	must(t, tq.AddTask(ctx, task))
	tasks, err := tq.Tasks(ctx, tk.ID)
	must(t, err)
	if len(tasks) != 1 || tasks[0].Duration != 90*time.Minute || !tasks[0].PlannedStart.Equal(task.PlannedStart) || tasks[0].Author != "tech" {
		t.Errorf("got tasks %+v; want one of 90 minutes planned at %v", tasks, task.PlannedStart)
	}
	_, err = tq.LatestSolution(ctx, tk.ID)
	wantErr(t, err, store.ErrNotFound)
	s1 := &store.Solution{TicketID: tk.ID, UserID: tech.ID, Type: "workaround", Content: "rebooted"}
	must(t, tq.AddSolution(ctx, s1))
	must(t, tq.SetSolutionApproval(ctx, s1.ID, 4, tech.ID, "still slow", t0))
	s2 := &store.Solution{TicketID: tk.ID, UserID: tech.ID, Type: "fixed", Content: "new disk"}
	must(t, tq.AddSolution(ctx, s2))
	last, err := tq.LatestSolution(ctx, tk.ID)
	must(t, err)
	sols, err := tq.Solutions(ctx, tk.ID)
	must(t, err)
	if last.ID != s2.ID || last.Status != 2 || len(sols) != 2 || sols[0].Status != 4 || sols[0].ApprovalComment != "still slow" || !sols[0].ApprovedAt.Equal(t0) {
		t.Errorf("got latest %+v, all %+v; want s2 waiting after s1 refused", last, sols)
	}
	wantErr(t, tq.SetSolutionApproval(ctx, 9999, 3, 0, "", t0), store.ErrNotFound)
	must(t, tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{
		{TicketID: tk.ID, Actor: "tech", Field: "status", OldValue: "1", NewValue: "2", At: t0},
		{TicketID: tk.ID, Actor: "tech", Field: "solution", NewValue: "fixed", At: t0.Add(time.Second)},
	}))
	h, err := tq.TicketHistory(ctx, tk.ID)
	must(t, err)
	if len(h) != 2 || h[0].Field != "status" || h[1].NewValue != "fixed" || !h[0].At.Equal(t0) {
		t.Errorf("got history %+v; want status then solution", h)
	}
}

func testTicketAssets(t *testing.T, st store.Store, tq store.TicketQueries) {
	alice := newUser(t, st, "alice_b", store.RoleSelfService)
	owned := &store.Asset{Type: store.TypeComputer, Name: "PC-OWNED", OwnerID: alice.ID}
	logged := &store.Asset{Type: store.TypeComputer, Name: "PC-LOGGED", LastUser: "MAIRIE\\Alice_B"}
	plain := &store.Asset{Type: store.TypeComputer, Name: "PC-PLAIN", LastUser: "alice_b"}
	other := &store.Asset{Type: store.TypeComputer, Name: "PC-OTHER", LastUser: "alicexb"} // "_" is not a wildcard
	printer := &store.Asset{Type: store.TypePrinter, Name: "PRN", OwnerID: alice.ID}
	for _, a := range []*store.Asset{owned, logged, plain, other, printer} {
		must(t, st.CreateAsset(ctx, a))
	}
	devs, err := tq.UserDevices(ctx, alice.ID, "alice_b")
	must(t, err)
	var names []string
	for _, d := range devs {
		names = append(names, d.Name)
	}
	if got := join(names); got != "PC-LOGGED|PC-OWNED|PC-PLAIN" {
		t.Errorf("got devices %s; want PC-LOGGED|PC-OWNED|PC-PLAIN", got)
	}
	tk := newTicket(t, tq, "screen", 1, alice.ID)
	must(t, tq.LinkTicketAsset(ctx, tk.ID, owned.ID))
	must(t, tq.LinkTicketAsset(ctx, tk.ID, logged.ID))
	wantErr(t, tq.LinkTicketAsset(ctx, tk.ID, owned.ID), store.ErrConflict)
	as, err := tq.TicketAssets(ctx, tk.ID)
	must(t, err)
	if len(as) != 2 || as[0].Name != "PC-LOGGED" {
		t.Errorf("got assets %+v; want PC-LOGGED, PC-OWNED", as)
	}
	page, err := tq.ListTickets(ctx, store.AssetTicketFilter(owned.ID))
	must(t, err)
	if page.Total != 1 || page.Tickets[0].ID != tk.ID {
		t.Errorf("got %+v; want the ticket of PC-OWNED", page)
	}
	must(t, tq.UnlinkTicketAsset(ctx, tk.ID, owned.ID))
	wantErr(t, tq.UnlinkTicketAsset(ctx, tk.ID, owned.ID), store.ErrNotFound)
}

func testTicketDocuments(t *testing.T, st store.Store, tq store.TicketQueries) {
	tk := newTicket(t, tq, "error message", 1, 0)
	content := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2, 255}, 1000)...)
	d := &store.Document{TicketID: tk.ID, Filename: "screen.png", MIME: "image/png", SHA256: "abc", Content: content}
	must(t, tq.AddDocument(ctx, d))
	list, err := tq.Documents(ctx, tk.ID)
	must(t, err)
	if len(list) != 1 || list[0].Size != int64(len(content)) || list[0].Content != nil || list[0].Filename != "screen.png" {
		t.Errorf("got %+v; want screen.png without content", list)
	}
	got, err := tq.GetDocument(ctx, d.ID)
	must(t, err)
	if !bytes.Equal(got.Content, content) || got.MIME != "image/png" {
		t.Errorf("got %d bytes of %s; want the %d bytes stored", len(got.Content), got.MIME, len(content))
	}
	_, err = tq.GetDocument(ctx, 9999)
	wantErr(t, err, store.ErrNotFound)
}

func testTicketTx(t *testing.T, st store.Store, _ store.TicketQueries) {
	var id int64
	err := st.WithTx(ctx, func(q store.Queries) error {
		tq, err := store.Tickets(q)
		if err != nil {
			return err
		}
		tk := &store.Ticket{Title: "in tx", Type: 1, Status: 1, Urgency: 3, Impact: 3, Priority: 3}
		if err := tq.CreateTicket(ctx, tk); err != nil {
			return err
		}
		id = tk.ID
		return tq.AddFollowup(ctx, &store.Followup{TicketID: tk.ID, Content: "first"})
	})
	must(t, err)
	tq, _ := store.Tickets(st)
	if f, err := tq.Followups(ctx, id, false); err != nil || len(f) != 1 {
		t.Errorf("got %v, %v; want the followup written in the transaction", f, err)
	}
}
