package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Handler does one job. It must return when ctx is cancelled (the
// collector is stopping or lost the job's lease); the job is then given
// back to the queue.
type Handler func(ctx context.Context, j *store.Job) error

// permanent marks an error retrying cannot cure.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps err so the job fails at once, whatever attempts remain
// (a bad payload, a job whose subject was deleted).
func Permanent(err error) error { return permanent{err} }

// WorkerOptions tune a Worker; the zero value is usable.
type WorkerOptions struct {
	// Owner names this worker in leases; default host name and PID.
	Owner string
	// Slots is how many jobs run at once; default 2.
	Slots int
	// Lease is how long a claim holds without a heartbeat; default 1 min.
	// The heartbeat extends it every third of it.
	Lease time.Duration
	// Poll is the wait between two looks at an empty queue; default 2 s.
	Poll time.Duration
	// Grace is how long running jobs may go on once Run's context is
	// cancelled before theirs is; default 10 s.
	Grace time.Duration
	// Backoff is the wait before retry number attempt; default
	// DefaultBackoff.
	Backoff func(attempt int) time.Duration
}

// DefaultBackoff doubles from 30 s up to one hour.
func DefaultBackoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Worker claims due jobs of the kinds it handles and runs them.
type Worker struct {
	q        store.JobQueries
	log      *slog.Logger
	opts     WorkerOptions
	mu       sync.Mutex
	handlers map[string]Handler
	wake     chan struct{}
}

// NewWorker returns a worker on st's queue.
func NewWorker(st store.Store, log *slog.Logger, opts WorkerOptions) (*Worker, error) {
	q, err := store.Jobs(st)
	if err != nil {
		return nil, err
	}
	if opts.Owner == "" {
		host, _ := os.Hostname()
		opts.Owner = fmt.Sprintf("%s:%d", host, os.Getpid())
	}
	if opts.Slots <= 0 {
		opts.Slots = 2
	}
	if opts.Lease <= 0 {
		opts.Lease = time.Minute
	}
	if opts.Poll <= 0 {
		opts.Poll = 2 * time.Second
	}
	if opts.Grace <= 0 {
		opts.Grace = 10 * time.Second
	}
	if opts.Backoff == nil {
		opts.Backoff = DefaultBackoff
	}
	return &Worker{q: q, log: log.With("component", "jobs", "owner", opts.Owner), opts: opts,
		handlers: map[string]Handler{}, wake: make(chan struct{}, 1)}, nil
}

// Handle registers the handler of kind; call it before Run.
func (w *Worker) Handle(kind string, h Handler) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.handlers[kind] = h
}

// Wake makes an idle worker look at the queue now rather than at its next
// poll (after this process enqueued a job).
func (w *Worker) Wake() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *Worker) kinds() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.handlers))
	for k := range w.handlers {
		out = append(out, k)
	}
	return out
}

// Run claims and runs jobs until ctx is cancelled, then waits for the
// running ones to finish or give their job back.
func (w *Worker) Run(ctx context.Context) {
	var wg sync.WaitGroup
	for range w.opts.Slots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.loop(ctx)
		}()
	}
	wg.Wait()
}

func (w *Worker) loop(ctx context.Context) {
	for ctx.Err() == nil {
		j, err := w.q.ClaimJob(ctx, w.kinds(), w.opts.Owner, time.Now().UTC(), w.opts.Lease)
		if err == nil {
			w.run(ctx, j)
			continue
		}
		if !errors.Is(err, store.ErrNotFound) && ctx.Err() == nil {
			w.log.Warn("claim job", "err", err)
		}
		select {
		case <-ctx.Done():
		case <-w.wake:
		case <-time.After(w.opts.Poll):
		}
	}
}
