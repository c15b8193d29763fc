package recur_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/recur"
	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

var ctx = context.Background()

func TestNext(t *testing.T) {
	begin := time.Date(2026, 11, 2, 8, 0, 0, 0, time.Local) // a Monday
	tests := []struct {
		name   string
		r      store.RecurrentTicket
		now    time.Time
		want   time.Time
		wantOK bool
	}{
		{"daily, on time", store.RecurrentTicket{Period: sla.Daily, Begin: begin, NextAt: begin},
			begin, begin.AddDate(0, 0, 1), true},
		{"daily, three days late: missed ones skipped", store.RecurrentTicket{Period: sla.Daily, Begin: begin, NextAt: begin},
			begin.AddDate(0, 0, 3).Add(time.Hour), begin.AddDate(0, 0, 4), true},
		{"weekly, two days ahead", store.RecurrentTicket{Period: sla.Weekly, Begin: begin, NextAt: begin, AheadDays: 2},
			begin.AddDate(0, 0, -2), begin.AddDate(0, 0, 7), true},
		{"every 10 days", store.RecurrentTicket{Period: sla.Days, EveryDays: 10, Begin: begin, NextAt: begin},
			begin, begin.AddDate(0, 0, 10), true},
		{"last occurrence", store.RecurrentTicket{Period: sla.Monthly, Begin: begin, End: begin.AddDate(0, 0, 20), NextAt: begin},
			begin, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := recur.Next(&tt.r, tt.now)
			if !got.Equal(tt.want) {
				t.Errorf("Next = %s; want %s", got, tt.want)
			}
		})
	}
}

// setup saves a weekly recurrent ticket assigned to a group, with an
// asset, due at begin.
func setup(t *testing.T, st store.Store, begin time.Time) *store.RecurrentTicket {
	t.Helper()
	tq, _ := store.Tickets(st)
	rq, _ := store.Recurrents(st)
	g := &store.Group{Name: "Informatique"}
	pc := &store.Asset{Type: store.TypeComputer, Name: "SRV-BACKUP"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateAsset(ctx, pc); err != nil {
		t.Fatal(err)
	}
	r := &store.RecurrentTicket{Name: "Sauvegardes", Title: "Vérifier les sauvegardes", Content: "Chaque lundi.", Type: 2,
		Urgency: 3, Impact: 3, AssignGroupID: g.ID, Period: sla.Weekly, Begin: begin, Active: true, NextAt: begin,
		AssetIDs: []int64{pc.ID}}
	if err := rq.SaveRecurrent(ctx, r); err != nil {
		t.Fatal(err)
	}
	return r
}

func allTickets(t *testing.T, st store.Store) []store.Ticket {
	t.Helper()
	tq, _ := store.Tickets(st)
	page, err := tq.ListTickets(ctx, store.TicketFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return page.Tickets
}

// TestRunOpensEachOccurrenceOnce: two runs at the same time open one
// ticket, assigned to the group, linked to the asset, whose history names
// the recurrence; the next week's run opens the next one.
func TestRunOpensEachOccurrenceOnce(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			st := storetest.Open(t, d)
			begin := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
			r := setup(t, st, begin)
			for i, want := range []int{1, 0} {
				n, err := recur.Run(ctx, st, begin.Add(time.Minute))
				if err != nil {
					t.Fatal(err)
				}
				if n != want {
					t.Errorf("run %d opened %d tickets; want %d", i+1, n, want)
				}
			}
			ts := allTickets(t, st)
			if len(ts) != 1 {
				t.Fatalf("got %d tickets; want 1", len(ts))
			}
			tq, _ := store.Tickets(st)
			tk := ts[0]
			actors, _ := tq.TicketActors(ctx, tk.ID)
			assets, _ := tq.TicketAssets(ctx, tk.ID)
			hist, _ := tq.TicketHistory(ctx, tk.ID)
			if tk.Title != r.Title || tk.Status != 2 || len(actors) != 1 || actors[0].Kind != store.ActorAssignee ||
				len(assets) != 1 || len(hist) != 1 || hist[0].Actor != "recurrence: Sauvegardes" {
				t.Errorf("got ticket %+v, actors %+v, assets %d, history %+v; want the template's, assigned to the group, "+
					"with the asset, opened by the recurrence", tk, actors, len(assets), hist)
			}
			rq, _ := store.Recurrents(st)
			got, _ := rq.GetRecurrent(ctx, r.ID)
			if !got.NextAt.Equal(begin.AddDate(0, 0, 7)) || got.LastTicketID != tk.ID {
				t.Errorf("got next %s, last ticket %d; want %s, %d", got.NextAt, got.LastTicketID, begin.AddDate(0, 0, 7), tk.ID)
			}
			if n, err := recur.Run(ctx, st, begin.AddDate(0, 0, 7)); err != nil || n != 1 {
				t.Errorf("a week later opened %d (%v); want 1", n, err)
			}
		})
	}
}

// TestTwoCollectorsOpenOnce runs the job from two collectors on one
// PostgreSQL at the same moment, many times over: each occurrence opens
// one ticket.
func TestTwoCollectorsOpenOnce(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	var stores []store.Store
	for range 2 {
		st, err := store.Open(ctx, store.Options{DSN: dsn})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, st)
	}
	first := stores[0]
	begin := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	setup(t, first, begin)
	const weeks = 10
	for w := range weeks {
		now := begin.AddDate(0, 0, 7*w).Add(time.Minute)
		var wg sync.WaitGroup
		errs := make([]error, len(stores))
		for i, st := range stores {
			wg.Add(1)
			go func() { defer wg.Done(); _, errs[i] = recur.Run(ctx, st, now) }()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := len(allTickets(t, first)); got != weeks {
		t.Errorf("got %d tickets for %d weekly occurrences; want %d", got, weeks, weeks)
	}
}
