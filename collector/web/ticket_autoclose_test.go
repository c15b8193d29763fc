package web

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// TestCloseSolvedTickets: solved tickets close after the site's delay,
// not before, and not when the site says never.
func TestCloseSolvedTickets(t *testing.T) {
	e := newEnv(t)
	now := time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)
	e.srv.opts.Now = func() time.Time { return now }
	tq, _ := store.Tickets(e.st)
	old, _ := e.ticketOf("self-service", 5)
	recent, _ := e.ticketOf("self-service", 5)
	pending, _ := e.ticketOf("self-service", 4)
	for id, solved := range map[int64]time.Time{old: now.Add(-8 * 24 * time.Hour), recent: now.Add(-2 * 24 * time.Hour)} {
		tk, _ := tq.GetTicket(ctx, id)
		tk.SolvedAt = solved
		if err := tq.UpdateTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.st.SetSetting(ctx, SettingAutoCloseDays, "-1"); err != nil {
		t.Fatal(err)
	}
	if n, err := e.srv.CloseSolvedTickets(ctx); err != nil || n != 0 {
		t.Fatalf("never: got %d closed, %v; want 0", n, err)
	}
	if err := e.st.SetSetting(ctx, SettingAutoCloseDays, "7"); err != nil {
		t.Fatal(err)
	}
	n, err := e.srv.CloseSolvedTickets(ctx)
	if err != nil || n != 1 {
		t.Fatalf("got %d closed, %v; want 1", n, err)
	}
	for id, want := range map[int64]int{old: 6, recent: 5, pending: 4} {
		if got := e.statusOf(id); got != want {
			t.Errorf("ticket %d: got status %d; want %d", id, got, want)
		}
	}
	if sol, _ := tq.LatestSolution(ctx, old); sol.Status != 3 {
		t.Errorf("got solution approval %d; want 3 (accepted)", sol.Status)
	}
	if n, _ := e.srv.CloseSolvedTickets(ctx); n != 0 {
		t.Errorf("second run closed %d; want 0", n)
	}
}
