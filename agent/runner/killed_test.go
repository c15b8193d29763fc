package runner

import (
	"context"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/pkg/inventory"
)

// TestCollectorKilledMidSend is the "spool and retry" test: the
// collector dies while a report is being sent, the agent keeps running and
// makes more reports, the collector comes back on the same address, and
// every report arrives exactly once, in order, leaving the spool empty.
func TestCollectorKilledMidSend(t *testing.T) {
	tests := []struct {
		name string
		kill func(f *fakeCollector)
	}{
		{"after storing, before answering", func(f *fakeCollector) { f.dropAfter = true }},
		{"before reading the report", func(f *fakeCollector) { f.dropBefore = true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fc := newFakeCollector(t)
			fc.set(tt.kill)
			l := listen(t)
			addr := l.Addr().String()
			stop := serve(fc, l)
			h := newHarness(t, "http://"+addr, func(c *config.Config) { c.ContactInterval = time.Hour })
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- h.r.Run(ctx) }()

			h.r.RunNow()
			waitFor(t, "the first send to reach the collector", func() bool {
				fc.mu.Lock()
				defer fc.mu.Unlock()
				return fc.requests >= 1
			})
			stop() // the collector is killed
			waitFor(t, "the agent to find the collector gone", func() bool {
				return strings.Contains(h.logs.String(), "connection refused")
			})

			// Meanwhile the machine changes twice; both partial reports
			// queue up behind the first one.
			for i, pkg := range []string{"gimp", "inkscape"} {
				h.m.change(func(c *inventory.Content) { c.Softwares = append(c.Softwares, inventory.Software{Name: pkg}) })
				waitFor(t, "the trigger to be taken", h.r.RunNow)
				waitFor(t, "the report to be spooled", func() bool { return spoolLen(t, h.spool) == i+2 })
			}

			// The collector restarts on the same address, healthy.
			fc.set(func(f *fakeCollector) { f.dropAfter, f.dropBefore = false, false })
			l2, err := net.Listen("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer serve(fc, l2)()
			waitFor(t, "the spool to empty", func() bool { return spoolLen(t, h.spool) == 0 })
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: got %v; want nil on stop", err)
			}

			reps := fc.reports()
			if len(reps) != 3 {
				t.Fatalf("distinct reports stored: got %d; want 3", len(reps))
			}
			var kinds []bool
			for _, r := range reps {
				kinds = append(kinds, r.Partial)
			}
			if !slices.Equal(kinds, []bool{false, true, true}) {
				t.Errorf("order (partial?): got %v; want [false true true]", kinds)
			}
			if got := len(reps[2].Content.Softwares); got != 4 {
				t.Errorf("last report's softwares: got %d; want 4", got)
			}
			fc.mu.Lock()
			requests := fc.requests
			fc.mu.Unlock()
			if requests < 4 {
				t.Errorf("inventory requests: got %d; want at least 4 (the first one was resent)", requests)
			}
			if st, _ := h.store.Status(); st.LastSent.IsZero() {
				t.Error("last_sent not recorded")
			}
		})
	}
}
