// Package runner is parc-agent's scheduler: it contacts the collector every
// contact_interval (plus jitter), makes an inventory when the collector or
// the local schedule asks for one, full or partial, hands it to the spool,
// and sends the spool oldest first with backoff.
//
// The spool is the only way out: every report is spooled before it is
// sent, and the section checksums a partial report is computed against are
// those of the last report handed to the spool. Spooled reports are sent in
// order before any newer one, so the collector applies partial reports in
// the order they were made. When a report is lost anyway (dropped from a
// full spool, refused by the collector), the checksums are forgotten so the
// next report is full and the collector ends up right.
package runner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/agent/tasks"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/version"
)

// CollectFunc collects the machine's inventory content (collect.Run).
type CollectFunc func(ctx context.Context) inventory.Content

// Runner runs the agent's schedule. Create it with New.
type Runner struct {
	cfg     *config.Config
	store   *state.Store
	spool   *spool.Spool
	client  *api.Client
	collect CollectFunc
	log     *slog.Logger
	now     func() time.Time

	trigger chan struct{}
	backoff spool.Backoff

	// Set by the collector's Contact answers; zero means the config's value.
	contactEvery time.Duration
	fullEvery    time.Duration

	// tasks runs network tasks; nil when network_tasks is false.
	tasks *tasks.Manager

	mu        sync.Mutex // guards the fields below, read by the status page
	deviceID  string
	nextRun   time.Time
	running   bool
	hostname  string
	forceFull bool
	// refusedTasks are the task IDs already refused (network_tasks false).
	refusedTasks map[string]bool
}

// Deps is what New needs.
type Deps struct {
	Config  *config.Config
	Store   *state.Store
	Spool   *spool.Spool
	Client  *api.Client // nil: inventory into the spool only, nothing is sent
	Collect CollectFunc
	Logger  *slog.Logger
	Now     func() time.Time // nil means time.Now
}

// New builds a Runner and settles the device ID.
func New(d Deps) (*Runner, error) {
	log := d.Logger
	if log == nil {
		log = slog.Default()
	}
	now := d.Now
	if now == nil {
		now = time.Now
	}
	id, err := d.Store.DeviceID()
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	r := &Runner{
		cfg: d.Config, store: d.Store, spool: d.Spool, client: d.Client, collect: d.Collect,
		log: log.With("component", "runner"), now: now,
		trigger:  make(chan struct{}, 1),
		backoff:  spool.Backoff{Min: d.Config.RetryMin, Max: d.Config.RetryMax},
		deviceID: id, hostname: host,
	}
	if r.tasks, err = r.newTasks(); err != nil {
		return nil, err
	}
	return r, nil
}

// DeviceID is the agent's device ID.
func (r *Runner) DeviceID() string { return r.deviceID }

// RunNow asks the scheduler for an inventory as soon as possible. It
// returns false when one is already pending, so a page hammered with
// clicks makes one inventory.
func (r *Runner) RunNow() bool {
	select {
	case r.trigger <- struct{}{}:
		return true
	default:
		return false
	}
}

// Run is the daemon loop: it returns nil when ctx is cancelled (service
// stop), after finishing or abandoning the current step.
func (r *Runner) Run(ctx context.Context) error {
	// The first contact is soon after start, spread by the jitter so that a
	// park switched on at 8:00 does not call the collector at 8:00:00.
	next := r.now().Add(min(firstDelay, r.contactInterval()) + r.cfg.Jitter.Random(r.contactInterval()))
	r.log.Info("agent started", "version", version.Version, "deviceid", r.deviceID,
		"server", r.cfg.Server, "first_contact", next.Format(time.DateTime), "network_tasks", r.tasks != nil)
	defer r.runTasks(ctx)()
	for {
		wake := next
		if n, _, _ := r.spool.Stats(); n > 0 && r.client != nil {
			if u := r.backoff.Until(); u.Before(wake) {
				wake = u
			}
		}
		r.setNextRun(wake)
		timer := time.NewTimer(max(time.Until(wake), 0))
		triggered := false
		select {
		case <-ctx.Done():
			timer.Stop()
			r.log.Info("agent stopping")
			return nil
		case <-timer.C:
		case <-r.trigger:
			timer.Stop()
			triggered = true
		}
		if triggered || !r.now().Before(next) {
			r.cycle(ctx, triggered, false)
			next = r.now().Add(r.cfg.Jitter.Apply(r.contactInterval()))
		} else {
			r.flush(ctx, false)
		}
	}
}

// firstDelay is the fixed part of the wait before the first contact (or
// the contact interval, if shorter): long enough for the network to come up
// behind a service started at boot.
const firstDelay = 2 * time.Second

// Once contacts the collector, makes an inventory (full when forceFull or
// due, else partial) and sends the spool, then runs the network tasks the
// collector gave (and any an earlier start left) and delivers their
// reports. It returns the error that kept a report from being delivered;
// the report is then in the spool.
func (r *Runner) Once(ctx context.Context, forceFull bool) error {
	err := r.cycle(ctx, true, forceFull)
	if r.tasks != nil {
		if terr := r.tasks.RunPending(ctx); terr != nil {
			err = errors.Join(err, fmt.Errorf("network tasks: %w", terr))
		}
	}
	return err
}

func (r *Runner) contactInterval() time.Duration {
	if r.contactEvery > 0 {
		return min(r.contactEvery, r.cfg.FullInventoryInterval)
	}
	return min(r.cfg.ContactInterval, r.cfg.FullInventoryInterval)
}

func (r *Runner) fullMaxAge() time.Duration {
	if r.fullEvery > 0 {
		return r.fullEvery
	}
	return r.cfg.FullMaxAge
}

func (r *Runner) setNextRun(t time.Time) {
	r.mu.Lock()
	r.nextRun = t
	r.mu.Unlock()
	if err := r.store.UpdateStatus(func(st *state.Status) { st.NextRun = t }); err != nil {
		r.log.Warn("cannot save state", "err", err)
	}
}

// ForceFullNext makes the next inventory full (`run --force-full`).
func (r *Runner) ForceFullNext() {
	r.mu.Lock()
	r.forceFull = true
	r.mu.Unlock()
}
