package storetest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// RunRecurrent runs the conformance suite of store.RecurrentQueries; open
// must return a fresh, migrated store.
func RunRecurrent(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("Recurrent", func(t *testing.T) { testRecurrent(t, open(t)) })
}

func testRecurrent(t *testing.T, st store.Store) {
	rq, err := store.Recurrents(st)
	must(t, err)
	tq, _ := store.Tickets(st)
	pc := &store.Asset{Type: store.TypeComputer, Name: "SRV-BACKUP"}
	must(t, st.CreateAsset(ctx, pc))
	g := &store.Group{Name: "Informatique"}
	must(t, tq.CreateGroup(ctx, g))
	begin := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	r := &store.RecurrentTicket{Name: "Sauvegardes", Title: "Vérifier les sauvegardes", Type: 2, Urgency: 3, Impact: 3,
		AssignGroupID: g.ID, Period: sla.Weekly, Begin: begin, AheadDays: 1, Active: true, NextAt: begin,
		AssetIDs: []int64{pc.ID}}
	must(t, rq.SaveRecurrent(ctx, r))
	got, err := rq.GetRecurrent(ctx, r.ID)
	must(t, err)
	if got.Name != "Sauvegardes" || got.Period != sla.Weekly || !got.Begin.Equal(begin) || !got.NextAt.Equal(begin) ||
		got.AssignGroupID != g.ID || len(got.AssetIDs) != 1 || !got.Active || got.AheadDays != 1 {
		t.Errorf("got %+v; want %+v", got, r)
	}
	if err := rq.SaveRecurrent(ctx, &store.RecurrentTicket{Name: "x", Title: "x", Type: 1, Urgency: 3, Impact: 3,
		Period: "hourly", Begin: begin}); err == nil {
		t.Error("saving an hourly recurrence: got no error; want one")
	}
	// Due one day ahead of the occurrence, not before.
	for _, tt := range []struct {
		now  time.Time
		want int
	}{{begin.Add(-25 * time.Hour), 0}, {begin.Add(-24 * time.Hour), 1}, {begin.Add(time.Hour), 1}} {
		due, err := rq.DueRecurrent(ctx, tt.now, 10)
		must(t, err)
		if len(due) != tt.want {
			t.Errorf("at %s got %d due; want %d", tt.now, len(due), tt.want)
		}
	}
	next := begin.AddDate(0, 0, 7)
	moved, err := rq.AdvanceRecurrent(ctx, r.ID, begin, next, 0)
	must(t, err)
	again, err := rq.AdvanceRecurrent(ctx, r.ID, begin, next, 0)
	must(t, err)
	if !moved || again {
		t.Errorf("advancing twice from the same occurrence reported %v then %v; want true then false", moved, again)
	}
	r.Active, r.AssetIDs = false, nil
	must(t, rq.SaveRecurrent(ctx, r))
	if due, _ := rq.DueRecurrent(ctx, next, 10); len(due) != 0 {
		t.Errorf("an inactive recurrent ticket is due: %+v", due)
	}
	list, err := rq.ListRecurrent(ctx)
	must(t, err)
	if len(list) != 1 || list[0].Active {
		t.Errorf("got %+v; want the one inactive recurrent ticket", list)
	}
	must(t, rq.DeleteRecurrent(ctx, r.ID))
	wantErr(t, rq.DeleteRecurrent(ctx, r.ID), store.ErrNotFound)
}
