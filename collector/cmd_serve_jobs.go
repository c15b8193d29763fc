package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/escalate"
	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/recur"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
)

// background is the serve command's job queue: the worker and the
// scheduler, and network discovery that runs on them.
type background struct {
	worker  *jobs.Worker
	sched   *jobs.Scheduler
	network *snmppoll.Service
	wg      sync.WaitGroup
}

// newBackground prepares the job queue and network discovery; start runs
// them. The secret key comes from the configuration (PARC_SECRET_KEY), or
// from the data directory's key file, created at first start.
func newBackground(cfg config.Config, st store.Store, ing *ingest.Ingester, log *slog.Logger) (*background, error) {
	key, err := snmppoll.LoadKey(cfg.Data, cfg.SecretKey)
	if err != nil {
		return nil, err
	}
	if st.Dialect() == "postgres" && cfg.SecretKey == "" {
		log.Warn("secret_key is not set: SNMP secrets are sealed with this collector's own key file; give every collector sharing this PostgreSQL the same PARC_SECRET_KEY",
			"key_file", snmppoll.KeyFile, "data", cfg.Data)
	}
	w, err := jobs.NewWorker(st, log, jobs.WorkerOptions{})
	if err != nil {
		return nil, err
	}
	svc, err := snmppoll.New(st, ing, log, snmppoll.Options{DataDir: cfg.Data, SysObjectIDs: cfg.SNMP.SysObjectIDs, Key: key, Wake: w.Wake})
	if err != nil {
		return nil, err
	}
	svc.Register(w)
	mailer, err := notify.New(st, log, cfg.Mail, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	mailer.Register(w)
	if err := mailer.Schedule(context.Background(), cfg.Mail.IMAPPoll, time.Now()); err != nil {
		return nil, err
	}
	escalate.Register(w, st, log)
	if err := escalate.Schedule(context.Background(), st, time.Now()); err != nil {
		return nil, err
	}
	recur.Register(w, st, log)
	if err := recur.Schedule(context.Background(), st, time.Now()); err != nil {
		return nil, err
	}
	sched := jobs.NewScheduler(st, log, 0)
	sched.Enqueued = w.Wake
	return &background{worker: w, sched: sched, network: svc}, nil
}

// start runs the worker and the scheduler until ctx is cancelled, and
// forgets finished jobs after jobRetention.
func (b *background) start(ctx context.Context, st store.Store, log *slog.Logger) {
	b.wg.Add(3)
	go func() { defer b.wg.Done(); b.worker.Run(ctx) }()
	go func() { defer b.wg.Done(); b.sched.Run(ctx) }()
	go func() { defer b.wg.Done(); pruneJobs(ctx, st, log) }()
}

// jobRetention is how long finished jobs stay in the queue's table (for
// their last error); a discovery run keeps its own record.
const jobRetention = 30 * 24 * time.Hour

// pruneJobs deletes finished jobs every hour. Several collectors may all
// run it: the DELETE is idempotent.
func pruneJobs(ctx context.Context, st store.Store, log *slog.Logger) {
	q, err := store.Jobs(st)
	if err != nil {
		log.Error("prune jobs", "err", err)
		return
	}
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := q.PruneJobs(ctx, time.Now().Add(-jobRetention)); err != nil && ctx.Err() == nil {
			log.Warn("prune finished jobs", "err", err)
		} else if n > 0 {
			log.Info("pruned finished jobs", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// wait returns once the running jobs have finished or given their job
// back to the queue (after ctx's cancellation).
func (b *background) wait() { b.wg.Wait() }
