package storetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// statsNow is when the fixture's statistics are computed.
var statsNow = day(3, 10, 0)

func testStatsAggregates(t *testing.T, st store.Store) {
	tq, err := store.Tickets(st)
	must(t, err)
	sq, err := store.Stats(st)
	must(t, err)
	fx := seedStats(t, st, tq)
	f := store.StatsFilter{From: day(1, 1, 0), To: day(3, 1, 0), Now: statsNow}
	t.Run("Series", func(t *testing.T) { testStatsSeries(t, sq, f) })
	t.Run("SeriesAfterNow", func(t *testing.T) { testStatsSeriesAfterNow(t, sq) })
	t.Run("Breakdown", func(t *testing.T) { testStatsBreakdown(t, sq, f, fx) })
	t.Run("Scope", func(t *testing.T) {
		scoped := f
		scoped.AssigneeUser = fx.tech.ID
		got, err := sq.StatsTickets(ctx, scoped)
		must(t, err)
		if len(got.Tickets) != 3 || got.Backlog != 0 { // T1, T4 and T7; T5 is the group's
			t.Errorf("got %d tickets in the technician's scope, backlog %d at the start; want 3 and 0", len(got.Tickets), got.Backlog)
		}
		scoped.AssigneeGroups = []int64{fx.group.ID}
		rows, err := sq.StatsBreakdown(ctx, scoped, "category")
		must(t, err)
		opened := 0
		for _, r := range rows {
			opened += r.Opened
		}
		if opened != 4 { // T1, T2, T4, T7 (T5 opened before the range)
			t.Errorf("got %d tickets opened in the technician's and group's scope; want 4", opened)
		}
	})
	t.Run("Satisfaction", func(t *testing.T) { testStatsSatisfaction(t, st, sq, f, fx) })
	if _, err := sq.StatsBreakdown(ctx, f, "title; DROP TABLE tickets"); err == nil {
		t.Error("unknown dimension: got no error; want one")
	}
	if _, err := sq.StatsTickets(ctx, store.StatsFilter{From: f.To, To: f.From}); err == nil {
		t.Error("reversed range: got no error; want one")
	}
}

func testStatsSeries(t *testing.T, sq store.StatsQueries, f store.StatsFilter) {
	tickets, err := sq.StatsTickets(ctx, f)
	must(t, err)
	// All but T6, resolved before the range, and T5, in the backlog at
	// the start and with no event in the range.
	if len(tickets.Tickets) != 5 || tickets.Backlog != 1 || !tickets.Start.Equal(f.From) {
		t.Fatalf("got %d tickets and a backlog of %d at %v; want 5 and 1 (T5) at %v", len(tickets.Tickets), tickets.Backlog, tickets.Start, f.From)
	}
	ps, err := store.Periods(f.From, f.To, store.PeriodMonth)
	must(t, err)
	store.Series(ps, tickets, f.Now)
	h := time.Hour
	want := []store.StatsPeriod{
		{Start: day(1, 1, 0), End: day(2, 1, 0), Opened: 4, Solved: 1, Closed: 1, Late: 1, Backlog: 4,
			Own:     store.DurationStats{Count: 3, Mean: 4 * h, Median: 3 * h},
			Resolve: store.DurationStats{Count: 1, Mean: 4 * h, Median: 4 * h}},
		{Start: day(2, 1, 0), End: day(3, 1, 0), Opened: 1, Solved: 2, Closed: 1, Late: 1, Backlog: 3,
			Own:     store.DurationStats{Count: 1, Mean: 2 * h, Median: 2 * h},
			Resolve: store.DurationStats{Count: 2, Mean: 279 * h, Median: 279 * h}},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d periods; want %d", len(ps), len(want))
	}
	for i := range want {
		if ps[i] != want[i] {
			t.Errorf("period %d: got %+v; want %+v", i, ps[i], want[i])
		}
	}
	weeks, err := store.Periods(f.From, f.To, store.PeriodWeek)
	must(t, err)
	// 1 January 2026 is a Thursday: the first week is cut to it, the
	// others start on Mondays, the last is cut to 1 March.
	if len(weeks) != 9 || !weeks[0].Start.Equal(f.From) || !weeks[1].Start.Equal(day(1, 5, 0)) || !weeks[8].End.Equal(f.To) {
		t.Errorf("got weeks %v .. %v (%d); want 9 from 1 January, the second on 5 January", weeks[0], weeks[len(weeks)-1], len(weeks))
	}
	store.Series(weeks, tickets, f.Now)
	if w := weeks[1]; w.Opened != 2 || w.Solved != 1 || w.Late != 0 || w.Backlog != 2 {
		t.Errorf("week of 5 January: got %+v; want 2 opened (T1, T2), 1 solved, none late, backlog 2 (T2, T5)", w)
	}
}

func testStatsBreakdown(t *testing.T, sq store.StatsQueries, f store.StatsFilter, fx statsFixture) {
	h := time.Hour
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	tests := []struct {
		dim  string
		want []store.StatsRow
	}{
		{"category", []store.StatsRow{
			{Key: id(fx.net.ID), Name: "Network <script>", Opened: 2, Solved: 1, Late: 1, MeanOwn: 5*h + 30*time.Minute, MeanResolve: 552 * h, OwnCount: 2, ResolveCount: 1},
			{Key: id(fx.print.ID), Name: "Printers", Opened: 2, Solved: 1, Late: 1, MeanOwn: h, MeanResolve: 4 * h, OwnCount: 1, ResolveCount: 1},
			{Key: "", Name: "", Opened: 1, Solved: 1, MeanOwn: 2 * h, MeanResolve: 6 * h, OwnCount: 1, ResolveCount: 1},
		}},
		{"technician", []store.StatsRow{
			{Key: id(fx.tech.ID), Name: "tech", Opened: 3, Solved: 2, MeanOwn: 11 * h / 3, MeanResolve: 5 * h, OwnCount: 3, ResolveCount: 2},
			{Key: "", Name: "", Opened: 2, Solved: 1, Late: 2, MeanOwn: 3 * h, MeanResolve: 552 * h, OwnCount: 1, ResolveCount: 1},
		}},
		{"group", []store.StatsRow{
			{Key: "", Name: "", Opened: 4, Solved: 2, Late: 1, MeanOwn: 11 * h / 3, MeanResolve: 5 * h, OwnCount: 3, ResolveCount: 2},
			{Key: id(fx.group.ID), Name: "Network team", Opened: 1, Solved: 1, Late: 1, MeanOwn: 3 * h, MeanResolve: 552 * h, OwnCount: 1, ResolveCount: 1},
		}},
		{"location", []store.StatsRow{
			{Key: "", Name: "", Opened: 2, Solved: 1, MeanOwn: 5 * h, MeanResolve: 6 * h, OwnCount: 2, ResolveCount: 1},
			{Key: id(fx.hall.ID), Name: "Town hall", Opened: 2, Solved: 1, Late: 1, MeanOwn: h, MeanResolve: 4 * h, OwnCount: 1, ResolveCount: 1},
			{Key: id(fx.school.ID), Name: "School", Opened: 1, Solved: 1, Late: 1, MeanOwn: 3 * h, MeanResolve: 552 * h, OwnCount: 1, ResolveCount: 1},
		}},
		{"asset_type", []store.StatsRow{
			{Key: "", Name: "", Opened: 3, Solved: 1, Late: 1, MeanOwn: 5 * h, MeanResolve: 6 * h, OwnCount: 2, ResolveCount: 1},
			{Key: "computer", Name: "computer", Opened: 1, Solved: 1, Late: 1, MeanOwn: 3 * h, MeanResolve: 552 * h, OwnCount: 1, ResolveCount: 1},
			{Key: "printer", Name: "printer", Opened: 1, Solved: 1, MeanOwn: h, MeanResolve: 4 * h, OwnCount: 1, ResolveCount: 1},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.dim, func(t *testing.T) {
			got, err := sq.StatsBreakdown(ctx, f, tc.dim)
			must(t, err)
			if len(got) != len(tc.want) {
				t.Fatalf("got %+v; want %+v", got, tc.want)
			}
			for i := range got {
				g := got[i]
				// Means are computed in floating point by the database.
				g.MeanOwn, g.MeanResolve = g.MeanOwn.Round(time.Second), g.MeanResolve.Round(time.Second)
				w := tc.want[i]
				w.MeanOwn, w.MeanResolve = w.MeanOwn.Round(time.Second), w.MeanResolve.Round(time.Second)
				if g != w {
					t.Errorf("row %d: got %+v; want %+v", i, g, w)
				}
			}
		})
	}
}

func testStatsSatisfaction(t *testing.T, st store.Store, sq store.StatsQueries, f store.StatsFilter, fx statsFixture) {
	sat, err := store.Satisfactions(st)
	must(t, err)
	for _, a := range []struct {
		ticket int
		rating int
		at     time.Time
	}{{1, 5, day(1, 8, 0)}, {4, 3, day(2, 6, 0)}, {6, 1, time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)}} {
		must(t, sat.SetSatisfaction(ctx, &store.Satisfaction{TicketID: fx.ids[a.ticket-1], Rating: a.rating, AnsweredAt: a.at}))
	}
	got, err := sq.StatsSatisfaction(ctx, f)
	must(t, err)
	want := store.SatisfactionStats{Answers: 2, Mean: 4, ByRating: [5]int{0, 0, 1, 0, 1}}
	if got != want {
		t.Errorf("got %+v; want %+v", got, want)
	}
	scoped := f
	// No user has ID -1: the scope is the group's tickets only.
	scoped.AssigneeGroups, scoped.AssigneeUser = []int64{fx.group.ID}, -1
	got, err = sq.StatsSatisfaction(ctx, scoped)
	must(t, err)
	if got.Answers != 0 {
		t.Errorf("group's scope: got %+v; want no answers (T1 and T4 are the technician's)", got)
	}
}

// testStatsSeriesAfterNow checks a range that starts after now: its
// backlog is the tickets open now (T3, T5 and T7), never a guess at the
// future.
func testStatsSeriesAfterNow(t *testing.T, sq store.StatsQueries) {
	f := store.StatsFilter{From: day(3, 20, 0), To: day(4, 1, 0), Now: statsNow}
	d, err := sq.StatsTickets(ctx, f)
	must(t, err)
	if d.Backlog != 3 || !d.Start.Equal(statsNow) {
		t.Errorf("got a backlog of %d at %v; want 3 at %v", d.Backlog, d.Start, statsNow)
	}
	ps, err := store.Periods(f.From, f.To, store.PeriodMonth)
	must(t, err)
	store.Series(ps, d, f.Now)
	if len(ps) != 1 || ps[0].Backlog != 3 || ps[0].Opened != 0 {
		t.Errorf("got %+v; want one period with a backlog of 3 and nothing opened", ps)
	}
}
