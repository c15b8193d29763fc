package escalate_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/escalate"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// events claims every queued notification event (they are due at the
// real time of the test, later than its fixed clock).
func events(t *testing.T, st store.Store) []notify.Event {
	t.Helper()
	jq, err := store.Jobs(st)
	if err != nil {
		t.Fatal(err)
	}
	var out []notify.Event
	for {
		j, err := jq.ClaimJob(context.Background(), []string{notify.JobEvent}, "test", time.Now().Add(1000*24*time.Hour), time.Hour)
		if errors.Is(err, store.ErrNotFound) || (err == nil && j == nil) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		var ev notify.Event
		if err := json.Unmarshal([]byte(j.Payload), &ev); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
}

func TestRunWarnsOnce(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t, d)
			sq, _ := store.SLAs(st)
			tq, _ := store.Tickets(st)
			t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
			for _, r := range []*sla.Rule{
				{Name: "TTO", Kind: sla.TTO, Duration: time.Hour, WarnBefore: 15 * time.Minute},
				{Name: "TTR", Kind: sla.TTR, Duration: 8 * time.Hour, WarnBefore: time.Hour},
			} {
				if err := sq.SaveSLARule(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			tk := &store.Ticket{Title: "Serveur lent", Type: 1, Status: 1, Urgency: 3, Impact: 3, Priority: 3, OpenedAt: t0}
			if err := tq.CreateTicket(ctx, tk); err != nil {
				t.Fatal(err)
			}
			tests := []struct {
				at   time.Duration // after the opening
				want []string      // the SLA kinds warned by this run
			}{
				{30 * time.Minute, nil},
				{50 * time.Minute, []string{"tto"}},
				{55 * time.Minute, nil}, // already warned
				{7*time.Hour + 5*time.Minute, []string{"ttr"}},
				{9 * time.Hour, nil},
			}
			for _, tt := range tests {
				now := t0.Add(tt.at)
				n, err := escalate.Run(ctx, st, now)
				if err != nil {
					t.Fatal(err)
				}
				evs := events(t, st)
				var got []string
				for _, ev := range evs {
					if ev.Kind != notify.SLAWarning || ev.TicketID != tk.ID {
						t.Errorf("at +%s got event %+v; want an SLA warning of ticket %d", tt.at, ev, tk.ID)
					}
					got = append(got, ev.SLA)
				}
				if n != len(tt.want) || len(got) != len(tt.want) || (len(got) == 1 && got[0] != tt.want[0]) {
					t.Errorf("at +%s got %d warnings %v; want %v", tt.at, n, got, tt.want)
				}
			}
		})
	}
}
