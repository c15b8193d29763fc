package jobs

import (
	"context"
	"errors"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// run does one claimed job: it keeps the lease alive while the handler
// works, then records the outcome. Store writes after the end use a
// context that outlives a shutdown, so the lease is always settled.
func (w *Worker) run(ctx context.Context, j *store.Job) {
	log := w.log.With("job_id", j.ID, "kind", j.Kind, "attempt", j.Attempts)
	w.mu.Lock()
	h := w.handlers[j.Kind]
	w.mu.Unlock()
	hctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stopped := make(chan struct{})
	lost := make(chan struct{})
	go w.heartbeat(hctx, j, cancel, stopped, lost)
	go func() { // shutdown: let the job finish within the grace period
		select {
		case <-ctx.Done():
			select {
			case <-time.After(w.opts.Grace):
				cancel()
			case <-stopped:
			}
		case <-stopped:
		}
	}()
	log.Debug("job started")
	err := h(hctx, j)
	close(stopped)
	bg := context.WithoutCancel(ctx)
	now := time.Now().UTC()
	var serr error
	select {
	case <-lost:
		log.Warn("job lost its lease to another worker; its outcome is dropped", "err", err)
		return
	default:
	}
	switch {
	case err == nil:
		serr = w.q.CompleteJob(bg, j.ID, w.opts.Owner, now)
		log.Debug("job done")
	case hctx.Err() != nil && ctx.Err() != nil:
		serr = w.q.ReleaseJob(bg, j.ID, w.opts.Owner)
		log.Info("job given back to the queue: the collector is stopping")
	default:
		var retryAt time.Time
		var p permanent
		if !errors.As(err, &p) {
			retryAt = now.Add(w.opts.Backoff(j.Attempts))
		}
		serr = w.q.FailJob(bg, j.ID, w.opts.Owner, now, err.Error(), retryAt)
		log.Warn("job failed", "err", err, "retry_at", retryAt)
	}
	if serr != nil {
		log.Error("record job outcome", "err", serr)
	}
}

// heartbeat extends the lease every third of it until stopped; if the
// lease was lost (the job was taken over), it cancels the handler.
func (w *Worker) heartbeat(ctx context.Context, j *store.Job, cancel func(), stopped, lost chan struct{}) {
	t := time.NewTicker(w.opts.Lease / 3)
	defer t.Stop()
	for {
		select {
		case <-stopped:
			return
		case <-t.C:
		}
		err := w.q.ExtendJobLease(ctx, j.ID, w.opts.Owner, time.Now().UTC().Add(w.opts.Lease))
		if errors.Is(err, store.ErrNotFound) {
			close(lost)
			cancel()
			return
		}
		if err != nil {
			w.log.Warn("extend job lease", "job_id", j.ID, "err", err)
		}
	}
}
