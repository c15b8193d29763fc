package runner

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/api"
)

// kind ranks what to send: none < partial < full.
type kind int

const (
	kindNone kind = iota
	kindPartial
	kindFull
)

func (k kind) String() string {
	return [...]string{api.InventoryNone, api.InventoryPartial, api.InventoryFull}[k]
}

func kindOf(s string) kind {
	switch s {
	case api.InventoryFull:
		return kindFull
	case api.InventoryPartial:
		return kindPartial
	}
	return kindNone
}

// cycle is one wake-up: contact, maybe an inventory, then the spool.
// A triggered cycle always makes an inventory. It returns the first error
// that kept a report from the collector.
func (r *Runner) cycle(ctx context.Context, triggered, forceFull bool) error {
	r.setRunning(true)
	defer r.setRunning(false)

	d, contactErr := r.decide(ctx, forceFull)
	want := max(d.local, d.server)
	// A partial the collector asks for at every contact is only worth
	// sending when something changed; the local schedule, a full request
	// and "run now" send one regardless (it is also the daily sign of life).
	onlyIfChanged := !triggered && d.local == kindNone && d.server == kindPartial
	if triggered {
		want = max(want, kindPartial)
	}
	var invErr error
	if want != kindNone {
		if invErr = r.inventory(ctx, want, onlyIfChanged); invErr != nil {
			r.log.Error("inventory failed", "err", invErr)
		}
	}
	if contactErr != nil {
		r.log.Warn("contact failed; following the local schedule", "err", contactErr)
		r.recordError(contactErr)
	}
	flushErr := r.flush(ctx, triggered)
	if err := errors.Join(invErr, flushErr); err != nil {
		return err
	}
	if contactErr == nil && flushErr == nil {
		r.clearError()
	}
	return contactErr
}

// decision is what the local schedule and the collector want.
type decision struct{ local, server kind }

// decide asks the collector what it wants and what the local schedule
// wants; the caller sends the larger of the two, so an unreachable or lax
// collector never delays a due inventory.
func (r *Runner) decide(ctx context.Context, forceFull bool) (decision, error) {
	st, err := r.store.Status()
	if err != nil {
		r.log.Warn("cannot read state; making a full inventory", "err", err)
		return decision{local: kindFull}, nil
	}
	r.mu.Lock()
	forceFull = forceFull || r.forceFull
	r.forceFull = false
	r.mu.Unlock()
	local := r.localKind(st, forceFull)
	if r.client == nil {
		return decision{local: local}, nil
	}
	resp, err := r.contact(ctx, st)
	if err != nil {
		return decision{local: local}, err
	}
	if resp.NextContactSeconds > 0 {
		r.contactEvery = time.Duration(resp.NextContactSeconds) * time.Second
	}
	if resp.FullEverySeconds > 0 {
		r.fullEvery = time.Duration(resp.FullEverySeconds) * time.Second
	}
	r.takeTasks(ctx, resp.Tasks)
	server := kindOf(resp.Inventory)
	r.log.Debug("contact", "collector_wants", server, "local_schedule", local)
	return decision{local: local, server: server}, nil
}

func (r *Runner) localKind(st state.Status, forceFull bool) kind {
	now := r.now()
	switch {
	case forceFull, st.LastFull.IsZero(), now.Sub(st.LastFull) >= r.fullMaxAge():
		return kindFull
	}
	last := st.LastFull
	if st.LastPartial.After(last) {
		last = st.LastPartial
	}
	if now.Sub(last) >= r.cfg.FullInventoryInterval {
		return kindPartial
	}
	return kindNone
}

// contact calls Contact, enrolling first if needed and again once if the
// token is refused.
func (r *Runner) contact(ctx context.Context, st state.Status) (*api.ContactResponse, error) {
	req := api.ContactRequest{DeviceID: r.deviceID, Version: versionString()}
	if !st.LastFull.IsZero() {
		req.LastFullInventory = st.LastFull.UTC().Format(time.RFC3339)
	}
	var resp *api.ContactResponse
	err := r.withToken(ctx, func(token string) error {
		var err error
		resp, err = r.client.Contact(ctx, token, req)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("contact: %w", err)
	}
	if err := r.store.UpdateStatus(func(s *state.Status) { s.LastContact = r.now() }); err != nil {
		r.log.Warn("cannot save state", "err", err)
	}
	return resp, nil
}

// inventory collects, builds a full or partial report, and spools it. With
// onlyIfChanged, a partial report in which no section changed is not sent.
func (r *Runner) inventory(ctx context.Context, want kind, onlyIfChanged bool) error {
	cctx, cancel := context.WithTimeout(ctx, r.cfg.CollectTimeout)
	defer cancel()
	start := r.now()
	content := r.collect(cctx)
	rep := Envelope(content, r.deviceID, r.cfg.Tag, start, r.now())

	prev, err := r.store.Checksums()
	if err != nil {
		r.log.Warn("cannot read checksums; sending a full inventory", "err", err)
		prev = nil
	}
	if want == kindFull {
		prev = nil
	}
	b, err := Build(rep, prev)
	if err != nil {
		return err
	}
	if onlyIfChanged && b.Report.Partial && len(b.Changed) == 0 {
		r.log.Debug("nothing changed since the last report; nothing to send")
		return nil
	}
	if verr := b.Report.Validate(); verr != nil {
		r.log.Warn("inventory does not pass validation; sending it anyway", "err", verr)
	}
	gz, err := api.GzipJSON(b.Report)
	if err != nil {
		return err
	}
	k := spool.KindPartial
	if !b.Report.Partial {
		k = spool.KindFull
	}
	it, dropped, err := r.spool.Put(spool.NewID(), k, gz)
	if err != nil {
		return fmt.Errorf("spool the report: %w", err)
	}
	sums := b.Checksums
	if len(dropped) > 0 {
		// The collector will never see the dropped reports: forget what it
		// is believed to have, so the next report is full.
		sums = nil
	}
	if err := r.store.SaveChecksums(sums); err != nil {
		return fmt.Errorf("save checksums: %w", err)
	}
	now := r.now()
	if err := r.store.UpdateStatus(func(s *state.Status) {
		if b.Report.Partial {
			s.LastPartial = now
		} else {
			s.LastFull = now
		}
	}); err != nil {
		r.log.Warn("cannot save state", "err", err)
	}
	r.log.Info("inventory spooled", "kind", k, "report", it.ID, "bytes", it.Size,
		"changed_sections", b.Changed, "duration", now.Sub(start).Round(time.Millisecond))
	return nil
}
