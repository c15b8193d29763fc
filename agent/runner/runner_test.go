package runner

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

func TestOnceFullThenPartial(t *testing.T) {
	fc := newFakeCollector(t)
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	ctx := context.Background()

	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	// Nothing changed: a partial with only the identity sections.
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	// The software list changed: a partial with softwares.
	h.m.change(func(c *inventory.Content) { c.Softwares = append(c.Softwares, inventory.Software{Name: "libreoffice"}) })
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	// --force-full.
	if err := h.r.Once(ctx, true); err != nil {
		t.Fatal(err)
	}
	// A battery was removed: only a full report can say so.
	h.m.change(func(c *inventory.Content) { c.Batteries = nil })
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}

	reps := fc.reports()
	want := []struct {
		partial         bool
		sections        []string
		machineSections int
	}{
		{false, []string{"batteries", "bios", "hardware", "softwares"}, 4},
		{true, []string{"bios", "hardware"}, 4},
		{true, []string{"bios", "hardware", "softwares"}, 4},
		{false, []string{"batteries", "bios", "hardware", "softwares"}, 4},
		{false, []string{"bios", "hardware", "softwares"}, 3},
	}
	if len(reps) != len(want) {
		t.Fatalf("got %d reports; want %d", len(reps), len(want))
	}
	for i, w := range want {
		rep := reps[i]
		if rep.Partial != w.partial || !slices.Equal(sectionsOf(rep), w.sections) {
			t.Errorf("report %d: got partial=%v sections %v; want partial=%v sections %v", i, rep.Partial, sectionsOf(rep), w.partial, w.sections)
		}
		// Every report lists the checksums of every section the machine
		// has, sent or not.
		if rep.Content.Parc == nil || len(rep.Content.Parc.Checksums) != w.machineSections {
			t.Errorf("report %d: got content.parc.checksums %v; want %d sections", i, rep.Content.Parc, w.machineSections)
		}
		if rep.DeviceID != h.r.DeviceID() || rep.Action != "inventory" || rep.ItemType != "Computer" {
			t.Errorf("report %d: envelope got %q %q %q", i, rep.DeviceID, rep.Action, rep.ItemType)
		}
	}
	if fc.enrolls != 1 {
		t.Errorf("enrolments: got %d; want 1 (the token is reused)", fc.enrolls)
	}
	if n := spoolLen(t, h.spool); n != 0 {
		t.Errorf("spool: got %d reports; want 0", n)
	}
	st, _ := h.store.Status()
	if st.LastError != "" || st.LastSent.IsZero() || st.LastFull.IsZero() || st.LastPartial.IsZero() {
		t.Errorf("status: got %+v; want no error and every time set", st)
	}
}

func TestContactAnswerDecides(t *testing.T) {
	fc := newFakeCollector(t)
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	ctx := context.Background()
	if err := h.r.Once(ctx, false); err != nil { // first: full
		t.Fatal(err)
	}
	// The daemon's cycle (not triggered) sends nothing when neither the
	// collector nor the schedule wants an inventory...
	if err := h.r.cycle(ctx, false, false); err != nil {
		t.Fatal(err)
	}
	if n := len(fc.reports()); n != 1 {
		t.Fatalf("reports after a quiet cycle: got %d; want 1", n)
	}
	// ...and a full one when the collector asks for it.
	fc.set(func(f *fakeCollector) { f.contact = api.InventoryFull })
	if err := h.r.cycle(ctx, false, false); err != nil {
		t.Fatal(err)
	}
	reps := fc.reports()
	if len(reps) != 2 || reps[1].Partial {
		t.Fatalf("got %d reports (last partial=%v); want 2, the last full", len(reps), reps[len(reps)-1].Partial)
	}
	// The local schedule: a partial when full_inventory_interval passed.
	fc.set(func(f *fakeCollector) { f.contact = api.InventoryNone })
	h.store.UpdateStatus(func(s *state.Status) { s.LastFull = time.Now().Add(-25 * time.Hour) })
	if err := h.r.cycle(ctx, false, false); err != nil {
		t.Fatal(err)
	}
	// And a full one when the last full is older than full_max_age.
	h.store.UpdateStatus(func(s *state.Status) {
		s.LastFull = time.Now().Add(-8 * 24 * time.Hour)
		s.LastPartial = time.Now()
	})
	if err := h.r.cycle(ctx, false, false); err != nil {
		t.Fatal(err)
	}
	reps = fc.reports()
	if len(reps) != 4 || !reps[2].Partial || reps[3].Partial {
		t.Fatalf("got %d reports; want 4: full, full, partial, full", len(reps))
	}
}

func TestRejectedReportForcesFull(t *testing.T) {
	fc := newFakeCollector(t)
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	ctx := context.Background()
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	fc.set(func(f *fakeCollector) { f.failNext, f.failCode = 1, 422 })
	h.m.change(func(c *inventory.Content) { c.Softwares = append(c.Softwares, inventory.Software{Name: "gimp"}) })
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatalf("a refused report leaves the spool: got %v; want nil", err)
	}
	rej, _ := h.spool.Rejected()
	if len(rej) != 1 || spoolLen(t, h.spool) != 0 {
		t.Fatalf("got %d rejected, %d pending; want 1 and 0", len(rej), spoolLen(t, h.spool))
	}
	if !strings.Contains(h.logs.String(), "content.softwares[0].name: is required") {
		t.Errorf("the collector's field errors are not logged:\n%s", h.logs)
	}
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	reps := fc.reports()
	if last := reps[len(reps)-1]; last.Partial {
		t.Errorf("after a refusal: got a partial report; want a full one")
	}
}

func TestRevokedTokenReenrols(t *testing.T) {
	fc := newFakeCollector(t)
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	ctx := context.Background()
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	fc.set(func(f *fakeCollector) { clear(f.tokens) }) // revoke
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatalf("got %v; want a transparent re-enrolment", err)
	}
	if fc.enrolls != 2 || len(fc.reports()) != 2 {
		t.Errorf("got %d enrolments and %d reports; want 2 and 2", fc.enrolls, len(fc.reports()))
	}

	// Without a secret the agent cannot enrol again, and says so.
	h.cfg.EnrollSecret = ""
	fc.set(func(f *fakeCollector) { clear(f.tokens) })
	err := h.r.Once(ctx, false)
	if err == nil || !strings.Contains(err.Error(), "enroll_secret") {
		t.Fatalf("got %v; want an error telling to set enroll_secret", err)
	}
	if n := spoolLen(t, h.spool); n != 1 {
		t.Errorf("spool: got %d; want the report kept", n)
	}
}

func TestNotEnrolledWithoutSecret(t *testing.T) {
	fc := newFakeCollector(t)
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), func(c *config.Config) { c.EnrollSecret = "" })
	err := h.r.Once(context.Background(), false)
	if !errors.Is(err, ErrNotEnrolled) {
		t.Fatalf("got %v; want ErrNotEnrolled", err)
	}
	if n := spoolLen(t, h.spool); n != 1 {
		t.Errorf("spool: got %d; want 1 (the report waits for a credential)", n)
	}
}

func TestSpoolDropForcesFull(t *testing.T) {
	l := listen(t)
	addr := l.Addr().String()
	l.Close() // the collector is down for the whole test
	h := newHarness(t, "http://"+addr, func(c *config.Config) { c.SpoolMaxReports = 2 })
	ctx := context.Background()
	for i := range 4 {
		h.m.change(func(c *inventory.Content) {
			c.Softwares = append(c.Softwares, inventory.Software{Name: "pkg" + string(rune('a'+i))})
		})
		err := h.r.Once(ctx, false)
		if err == nil || !strings.Contains(err.Error(), "cannot reach the collector at http://"+addr) ||
			!strings.Contains(err.Error(), "the report is spooled in "+h.spool.Dir()) {
			t.Fatalf("run %d: got %v; want an actionable unreachable error", i, err)
		}
	}
	// Run 1 made a full, 2 a partial; run 3's partial pushed the full out,
	// so run 4 had to be full again, and superseded the rest.
	items, _ := h.spool.List()
	if len(items) != 1 {
		t.Fatalf("spool: got %d; want 1", len(items))
	}
	if sums, _ := h.store.Checksums(); sums == nil {
		t.Error("checksums forgotten after a full report was spooled")
	}
	if items[len(items)-1].Kind != spool.KindFull {
		t.Errorf("last spooled: got %s; want full after a drop", items[len(items)-1].Kind)
	}
	if !strings.Contains(h.logs.String(), "spool full: dropped the oldest unsent report") {
		t.Error("no warning about the dropped report")
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	fc := newFakeCollector(t)
	fc.failNext, fc.failCode, fc.retryHdr = 1, 503, "3600"
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	err := h.r.Once(context.Background(), false)
	if err == nil || !strings.Contains(err.Error(), "will be retried in 1h0m0s") {
		t.Fatalf("got %v; want a retry in 1h (Retry-After)", err)
	}
	if u := h.r.backoff.Until(); time.Until(u) < 59*time.Minute {
		t.Errorf("backoff until %v; want about an hour from now", u)
	}
}

// TestPartialEveryContact covers a collector that answers "partial" at
// every contact: the agent sends only when something changed.
func TestPartialEveryContact(t *testing.T) {
	fc := newFakeCollector(t)
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	ctx := context.Background()
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	fc.set(func(f *fakeCollector) { f.contact = api.InventoryPartial })
	for range 3 {
		if err := h.r.cycle(ctx, false, false); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(fc.reports()); n != 1 {
		t.Fatalf("reports after unchanged cycles: got %d; want 1", n)
	}
	h.m.change(func(c *inventory.Content) { c.Softwares = append(c.Softwares, inventory.Software{Name: "gimp"}) })
	if err := h.r.cycle(ctx, false, false); err != nil {
		t.Fatal(err)
	}
	reps := fc.reports()
	if len(reps) != 2 || !reps[1].Partial || !slices.Equal(sectionsOf(reps[1]), []string{"bios", "hardware", "softwares"}) {
		t.Fatalf("got %d reports; want a second, partial, with softwares", len(reps))
	}
}

// TestReenrolRefusedKeepsReport: a collector that refuses to enrol the
// device again (409) must not make the agent reject its report.
func TestReenrolRefusedKeepsReport(t *testing.T) {
	fc := newFakeCollector(t)
	fc.refuseReenrol = true
	l := listen(t)
	defer serve(fc, l)()
	h := newHarness(t, "http://"+l.Addr().String(), nil)
	ctx := context.Background()
	if err := h.r.Once(ctx, false); err != nil {
		t.Fatal(err)
	}
	fc.set(func(f *fakeCollector) { clear(f.tokens) })
	err := h.r.Once(ctx, false)
	if err == nil || !strings.Contains(err.Error(), "an administrator must remove that agent") {
		t.Fatalf("got %v; want the collector's 409 explanation", err)
	}
	rej, _ := h.spool.Rejected()
	if n := spoolLen(t, h.spool); n != 1 || len(rej) != 0 {
		t.Errorf("got %d pending, %d rejected; want 1 and 0", n, len(rej))
	}
}
