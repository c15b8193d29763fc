package storetest

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// testTicketSortKeys checks that the queue's sort by requester and by
// assignee follows what changes the names it sorts on: an actor added or
// removed, a user renamed by a directory import, a group renamed, a user
// or group deleted (their actor rows go by cascade).
func testTicketSortKeys(t *testing.T, st store.Store, tq store.TicketQueries) {
	dq, err := store.Directory(st)
	must(t, err)
	mk := func(login, name string) *store.DirectoryUser {
		u := &store.DirectoryUser{User: store.User{Login: login, Name: name, Role: store.RoleSelfService, PasswordHash: "h"},
			Source: store.SourceLDAP}
		must(t, dq.CreateDirectoryUser(ctx, u))
		return u
	}
	bob, carl, dora := mk("bob", "Bob"), mk("carl", "carl"), mk("dora", "")
	team := &store.Group{Name: "Alpha team"}
	must(t, tq.CreateGroup(ctx, team))
	a := newTicket(t, tq, "a", 1, bob.ID)
	b := newTicket(t, tq, "b", 1, carl.ID)
	c := newTicket(t, tq, "c", 1, dora.ID) // no name: sorts by login
	d := newTicket(t, tq, "d", 1, 0)       // no requester
	order := func(sort string, desc bool) string {
		page, err := tq.ListTickets(ctx, store.TicketFilter{Sort: sort, Desc: desc})
		must(t, err)
		var ids []int64
		for _, x := range page.Tickets {
			if x.ID != d.ID { // NULL keys sort first on SQLite, last on PostgreSQL, as before
				ids = append(ids, x.ID)
			}
		}
		return fmtIDs(ids)
	}
	ids := func(ts ...*store.Ticket) string {
		var out []int64
		for _, x := range ts {
			out = append(out, x.ID)
		}
		return fmtIDs(out)
	}
	check := func(step, sort string, want string) {
		t.Helper()
		if got := order(sort, false); got != want {
			t.Errorf("%s: by %s got %s; want %s", step, sort, got, want)
		}
	}
	check("created", "requester", ids(a, b, c)) // bob, carl (case ignored), dora

	bob.Name = "Zoe"
	must(t, dq.UpdateDirectoryUser(ctx, bob))
	check("user renamed", "requester", ids(b, c, a))
	if got, want := order("requester", true), ids(a, c, b); got != want {
		t.Errorf("user renamed: by requester desc got %s; want %s", got, want)
	}

	// A second requester does not change the key: the first one counts.
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: a.ID, Kind: store.ActorRequester, UserID: carl.ID}))
	check("second requester", "requester", ids(b, c, a))
	actors, err := tq.TicketActors(ctx, a.ID)
	must(t, err)
	must(t, tq.RemoveTicketActor(ctx, a.ID, actors[0].ID)) // Zoe goes: carl is a's first requester
	check("first requester removed", "requester", ids(a, b, c))

	// Assignees: a group and users; a group rename and a user deletion.
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: a.ID, Kind: store.ActorAssignee, GroupID: team.ID}))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: b.ID, Kind: store.ActorAssignee, UserID: dora.ID}))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: c.ID, Kind: store.ActorAssignee, UserID: bob.ID}))
	check("assigned", "assignee", ids(a, b, c)) // alpha team, dora, zoe
	team.Name = "Zulu team"
	must(t, tq.UpdateGroup(ctx, team))
	check("group renamed", "assignee", ids(b, c, a))
	page, err := tq.ListTickets(ctx, store.TicketFilter{Sort: "assignee"})
	must(t, err)
	for _, x := range page.Tickets {
		if x.ID == a.ID && x.Assignee != "Zulu team" {
			t.Errorf("ticket a's assignee shown as %q; want Zulu team", x.Assignee)
		}
	}
	must(t, tq.DeleteGroup(ctx, team.ID))
	// a has no assignee now, like d: both leave the compared order.
	page, err = tq.ListTickets(ctx, store.TicketFilter{Sort: "assignee"})
	must(t, err)
	var got []int64
	for _, x := range page.Tickets {
		if x.ID == b.ID || x.ID == c.ID {
			got = append(got, x.ID)
		}
	}
	if fmtIDs(got) != ids(b, c) {
		t.Errorf("group deleted: by assignee got %s; want %s", fmtIDs(got), ids(b, c))
	}
	// Tickets without an assignee (a, d) sort where NULL does, as they did
	// when the name was computed: first on SQLite, last on PostgreSQL.
	var all []int64
	for _, x := range page.Tickets {
		all = append(all, x.ID)
	}
	ends := all[len(all)-2:]
	if st.Dialect() == "sqlite" {
		ends = all[:2]
	}
	if !(ends[0] == min(a.ID, d.ID) && ends[1] == max(a.ID, d.ID)) {
		t.Errorf("no assignee: got order %s; want %d and %d together at the NULL end", fmtIDs(all), a.ID, d.ID)
	}
}
