package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunStats runs the conformance suite of store.StatsQueries and
// store.SatisfactionQueries; open must return a fresh, migrated store.
func RunStats(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("Satisfaction", func(t *testing.T) { testSatisfaction(t, open(t)) })
	t.Run("Aggregates", func(t *testing.T) { testStatsAggregates(t, open(t)) })
}

// day is a UTC date of 2026 at a given hour, for the fixed dataset.
func day(month time.Month, d, hour int) time.Time {
	return time.Date(2026, month, d, hour, 0, 0, 0, time.UTC)
}

func testSatisfaction(t *testing.T, st store.Store) {
	tq, err := store.Tickets(st)
	must(t, err)
	sq, err := store.Satisfactions(st)
	must(t, err)
	u := newUser(t, st, "req", store.RoleSelfService)
	tk := newTicket(t, tq, "Toner", 6, u.ID)
	_, err = sq.GetSatisfaction(ctx, tk.ID)
	wantErr(t, err, store.ErrNotFound)
	wantErr(t, sq.SetSatisfaction(ctx, &store.Satisfaction{TicketID: 9999, Rating: 3, AnsweredAt: t0}), store.ErrNotFound)
	for _, r := range []int{0, 6, -1} {
		if err := sq.SetSatisfaction(ctx, &store.Satisfaction{TicketID: tk.ID, Rating: r, AnsweredAt: t0}); err == nil {
			t.Errorf("rating %d: got no error; want one", r)
		}
	}
	must(t, sq.SetSatisfaction(ctx, &store.Satisfaction{TicketID: tk.ID, UserID: u.ID, Rating: 2, Comment: "slow", AnsweredAt: t0}))
	// A second answer replaces the first: one survey per ticket.
	later := t0.Add(time.Hour)
	must(t, sq.SetSatisfaction(ctx, &store.Satisfaction{TicketID: tk.ID, UserID: u.ID, Rating: 4, Comment: "<b>fine</b>", AnsweredAt: later}))
	got, err := sq.GetSatisfaction(ctx, tk.ID)
	must(t, err)
	want := store.Satisfaction{TicketID: tk.ID, UserID: u.ID, Rating: 4, Comment: "<b>fine</b>", AnsweredAt: later}
	if *got != want {
		t.Errorf("got %+v; want %+v", *got, want)
	}
}

// statsFixture is the aggregates' dataset: tickets of January and
// February 2026 (and two before), counted on 10 March.
type statsFixture struct {
	tech, req  *store.User
	group      *store.Group
	print, net *store.Category
	ids        []int64 // T1..T7
	hall       *store.Location
	school     *store.Location
}

func seedStats(t *testing.T, st store.Store, tq store.TicketQueries) statsFixture {
	var f statsFixture
	f.tech = newUser(t, st, "tech", store.RoleTechnician)
	f.req = newUser(t, st, "req", store.RoleSelfService)
	hall := &store.Location{Name: "Town hall"}
	must(t, st.CreateLocation(ctx, hall))
	school := &store.Location{Name: "School"}
	must(t, st.CreateLocation(ctx, school))
	f.hall, f.school = hall, school
	must(t, tq.UpdateAccount(ctx, store.Account{UserID: f.req.ID, Role: store.RoleSelfService, LocationID: hall.ID}))
	f.group = &store.Group{Name: "Network team"}
	must(t, tq.CreateGroup(ctx, f.group))
	f.print = &store.Category{Name: "Printers"}
	must(t, tq.CreateCategory(ctx, f.print))
	f.net = &store.Category{Name: "Network <script>"}
	must(t, tq.CreateCategory(ctx, f.net))
	pc := &store.Asset{Type: store.TypeComputer, Name: "PC-1", LocationID: school.ID}
	must(t, st.CreateAsset(ctx, pc))
	printer := &store.Asset{Type: store.TypePrinter, Name: "PRN-1"}
	must(t, st.CreateAsset(ctx, printer))
	type spec struct {
		cat                                *store.Category
		opened, taken, solved, closed, due time.Time
		requester, techUser, group         int64
		asset                              int64
	}
	zero := time.Time{}
	for i, s := range []spec{
		// T1: a printer fixed in 4 hours, before its due date.
		{f.print, day(1, 5, 10), day(1, 5, 11), day(1, 5, 14), day(1, 7, 0), day(1, 6, 0), f.req.ID, f.tech.ID, 0, printer.ID},
		// T2: solved 23 days later, past its due date.
		{f.net, day(1, 10, 0), day(1, 10, 3), day(2, 2, 0), zero, day(1, 15, 0), f.req.ID, 0, f.group.ID, pc.ID},
		// T3: never taken, late since 1 February.
		{f.print, day(1, 20, 0), zero, zero, zero, day(2, 1, 0), f.req.ID, 0, 0, 0},
		// T4: no category, no location.
		{nil, day(2, 3, 0), day(2, 3, 2), day(2, 3, 6), day(2, 5, 0), zero, f.tech.ID, f.tech.ID, 0, 0},
		// T5: opened before the range, still open (backlog from the start).
		{nil, time.Date(2025, 12, 20, 0, 0, 0, 0, time.UTC), zero, zero, zero, zero, 0, 0, f.group.ID, 0},
		// T6: opened and solved before the range.
		{nil, time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), zero, time.Date(2025, 12, 2, 0, 0, 0, 0, time.UTC), zero, zero, 0, 0, 0, 0},
		// T7: taken after 8 hours, still open.
		{f.net, day(1, 25, 0), day(1, 25, 8), zero, zero, zero, 0, f.tech.ID, 0, 0},
	} {
		status := 2
		switch {
		case !s.closed.IsZero():
			status = 6
		case !s.solved.IsZero():
			status = 5
		case s.taken.IsZero():
			status = 1
		}
		tk := &store.Ticket{Title: fmt.Sprintf("T%d", i+1), Type: 1, Status: status, Urgency: 3, Impact: 3, Priority: 3,
			OpenedAt: s.opened, TakenAt: s.taken, SolvedAt: s.solved, ClosedAt: s.closed, DueAt: s.due, UpdatedAt: s.opened}
		if s.cat != nil {
			tk.CategoryID = s.cat.ID
		}
		must(t, tq.CreateTicket(ctx, tk))
		f.ids = append(f.ids, tk.ID)
		for _, a := range []store.TicketActor{
			{TicketID: tk.ID, Kind: store.ActorRequester, UserID: s.requester},
			{TicketID: tk.ID, Kind: store.ActorAssignee, UserID: s.techUser},
			{TicketID: tk.ID, Kind: store.ActorAssignee, GroupID: s.group},
		} {
			if a.UserID != 0 || a.GroupID != 0 {
				must(t, tq.AddTicketActor(ctx, &a))
			}
		}
		if s.asset != 0 {
			must(t, tq.LinkTicketAsset(ctx, tk.ID, s.asset))
		}
	}
	return f
}
