package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// benchNow is "now" for the seeded park (its newest ticket opened then).
var benchNow = time.UnixMilli(1_760_000_000_000).UTC()

// queueShapes are the technicians' queue as it is used: the default
// open view, deep pages, each filter, text search and the costly sorts.
var queueShapes = []struct {
	name string
	f    store.TicketFilter
}{
	{"open_first_page", store.TicketFilter{Open: true, Sort: "updated", Desc: true, Limit: 50}},
	{"open_deep_page", store.TicketFilter{Open: true, Sort: "updated", Desc: true, Limit: 50, Offset: 20_000}},
	{"all_by_id_page_200", store.TicketFilter{Sort: "id", Desc: true, Limit: 50, Offset: 10_000}},
	{"all_by_priority", store.TicketFilter{Sort: "priority", Desc: true, Limit: 50}},
	{"status_category", store.TicketFilter{Statuses: []int{2}, CategoryID: 5, Sort: "updated", Desc: true, Limit: 50}},
	{"assigned_to_me", store.TicketFilter{Open: true, AssigneeUser: 7, Sort: "updated", Desc: true, Limit: 50}},
	{"my_group", store.TicketFilter{Open: true, AssigneeGroup: 3, Sort: "updated", Desc: true, Limit: 50}},
	{"new_unassigned", store.TicketFilter{Statuses: []int{1}, AssigneeUser: -1, Sort: "opened", Limit: 50}},
	{"requester", store.TicketFilter{RequesterUser: 4242, Sort: "updated", Desc: true, Limit: 50}},
	{"asset", store.TicketFilter{AssetID: 1234, Sort: "opened", Desc: true, Limit: 50}},
	{"location", store.TicketFilter{LocationID: 4, Open: true, Sort: "updated", Desc: true, Limit: 50}},
	{"updated_last_week", store.TicketFilter{UpdatedAfter: benchNow.AddDate(0, 0, -7), UpdatedBefore: benchNow, Sort: "updated", Desc: true, Limit: 50}},
	{"late", store.TicketFilter{Open: true, DueBefore: benchNow, Sort: "due", Limit: 50}},
	{"text_common", store.TicketFilter{Query: "printer", Sort: "updated", Desc: true, Limit: 50}},
	{"text_rare", store.TicketFilter{Query: "jam 42420", Sort: "updated", Desc: true, Limit: 50}},
	{"sort_requester", store.TicketFilter{Open: true, Sort: "requester", Limit: 50}},
}

// BenchmarkTicketQueue measures the technicians' queue on 100,000
// tickets and 10,000 users, per filter shape, on SQLite and PostgreSQL,
// and reports each shape's p95 (target: under 50 ms).
func BenchmarkTicketQueue(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			tq := benchTicketQueries(b, d)
			for _, sh := range queueShapes {
				b.Run(sh.name, func(b *testing.B) {
					measureP95(b, func(ctx context.Context) error {
						_, err := tq.ListTickets(ctx, sh.f)
						return err
					})
				})
			}
		})
	}
}

// BenchmarkMyRequests measures a self-service user's "My requests" (the
// tickets they request or observe, directly or through a group) and its
// counters, on the same park.
func BenchmarkMyRequests(b *testing.B) {
	const user = 4242 // a self-service user with about ten tickets
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			tq := benchTicketQueries(b, d)
			for _, sh := range []struct {
				name string
				f    store.TicketFilter
			}{
				{"list", store.TicketFilter{VisibleTo: user, Sort: "updated", Desc: true, Limit: 50}},
				{"open", store.TicketFilter{VisibleTo: user, Open: true, Sort: "updated", Desc: true, Limit: 50}},
				{"search", store.TicketFilter{VisibleTo: user, Query: "printer", Sort: "updated", Desc: true, Limit: 50}},
			} {
				b.Run(sh.name, func(b *testing.B) {
					measureP95(b, func(ctx context.Context) error {
						_, err := tq.ListTickets(ctx, sh.f)
						return err
					})
				})
			}
			b.Run("counters", func(b *testing.B) {
				measureP95(b, func(ctx context.Context) error {
					_, err := tq.CountTickets(ctx, store.TicketFilter{VisibleTo: user})
					return err
				})
			})
		})
	}
}

func benchTicketQueries(b *testing.B, dialect string) store.TicketQueries {
	b.Helper()
	tq, err := store.Tickets(benchStore(b, dialect))
	if err != nil {
		b.Fatal(err)
	}
	return tq
}

// measureP95 runs fn b.N times and reports the 95th percentile latency
// in milliseconds ("p95_ms" in the benchmark line).
func measureP95(b *testing.B, fn func(ctx context.Context) error) {
	ctx := context.Background()
	if err := fn(ctx); err != nil { // warm the caches, fail early
		b.Fatal(err)
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := fn(ctx); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	p95 := times[min(len(times)-1, len(times)*95/100)]
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95_ms")
}
