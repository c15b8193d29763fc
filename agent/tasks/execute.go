package tasks

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/snmp"
)

// execute runs one task to its end and records that end. When ctx is
// cancelled (the agent stops), the task is left to run again at the next
// start.
func (m *Manager) execute(ctx context.Context, j *job) {
	defer func() {
		m.mu.Lock()
		m.running = nil
		m.mu.Unlock()
	}()
	t := j.tf.Task
	j.tf.Attempts++
	if err := j.dir.saveTask(j.tf); err != nil {
		m.log.Warn("cannot save the task's start", "task", t.ID, "err", err)
	}
	start := m.opts.Now()
	m.updateHistory(t.Kind, t.ID, func(r *Record) { r.State, r.Started = StateRunning, start })
	log := m.log.With("task", t.ID, "kind", t.Kind)
	log.Info("network task started", "targets", len(t.Targets), "attempt", j.tf.Attempts)

	tr := &tracker{p: api.TaskProgress{Total: hostCount(t)}}
	// The collector says a task was cancelled by refusing its progress:
	// the poster then cancels the task's context with errTaskCancelled.
	tctx, cancelTask := context.WithCancelCause(ctx)
	defer cancelTask(nil)
	stop := m.reportProgress(tctx, t, tr, cancelTask)
	run := &taskRun{m: m, dir: j.dir, task: t, tr: tr, db: m.sysObjectDB(ctx), log: log}
	var err error
	switch t.Kind {
	case api.TaskNetDiscovery:
		err = run.discover(tctx)
	case api.TaskNetInventory:
		err = run.inventory(tctx)
	}
	stop()
	p := tr.get()
	if ctx.Err() != nil {
		log.Info("network task interrupted: the agent is stopping; it runs again at the next start",
			"done", p.Done, "total", p.Total, "found", p.Found)
		m.updateHistory(t.Kind, t.ID, func(r *Record) { r.State = StateQueued })
		return
	}
	if errors.Is(context.Cause(tctx), errTaskCancelled) {
		log.Info("network task cancelled by the collector", "done", p.Done, "total", p.Total, "found", p.Found)
		err = errTaskCancelled
	}
	if err != nil {
		p.Error = err.Error()
	}
	log.Info("network task ended", "done", p.Done, "total", p.Total, "found", p.Found,
		"error", p.Error, "duration", m.opts.Now().Sub(start).Round(time.Millisecond))
	m.mu.Lock()
	m.endLocked(j.dir, p)
	m.mu.Unlock()
}

// taskRun is what the discovery and inventory code needs of one run.
type taskRun struct {
	m    *Manager
	dir  *taskDir
	task api.Task
	tr   *tracker
	db   *snmp.SysObjectDB
	log  *slog.Logger
}

// session returns the SNMP options the task asks for.
func (r *taskRun) session() snmp.Options {
	o := snmp.Options{Port: uint16(r.task.Port), Retries: r.task.Retries, Logger: r.m.opts.Logger}
	if r.task.TimeoutMillis > 0 {
		o.Timeout = time.Duration(r.task.TimeoutMillis) * time.Millisecond
	}
	return o
}

// meta stamps the task's reports.
func (r *taskRun) meta() snmp.Meta {
	meta := r.m.opts.Meta
	meta.JobID = jobID(r.task.ID)
	return meta
}

// emit spools one device report and wakes the sender.
func (r *taskRun) emit(rep *inventory.Report) error {
	gz, err := api.GzipJSON(rep)
	if err != nil {
		return err
	}
	_, dropped, err := r.dir.spool.Put(spool.NewID(), spool.KindPartial, gz)
	if err != nil {
		return fmt.Errorf("spool a device report: %w", err)
	}
	if len(dropped) > 0 {
		r.log.Warn("task spool full: the oldest unsent device reports were dropped", "dropped", len(dropped))
	}
	r.m.poke(r.m.send)
	return nil
}

// tracker holds a task's latest progress, set by the SNMP workers and read
// by the progress poster.
type tracker struct {
	mu      sync.Mutex
	p       api.TaskProgress
	version int
}

func (t *tracker) set(fn func(*api.TaskProgress)) {
	t.mu.Lock()
	fn(&t.p)
	t.version++
	t.mu.Unlock()
}

func (t *tracker) get() api.TaskProgress {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.p
}

func (t *tracker) changedSince(v int) (api.TaskProgress, int, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.p, t.version, t.version != v
}

// heartbeatTicks is how many progress ticks without news pass before the
// unchanged progress is posted again.
const heartbeatTicks = 10

// errTaskCancelled ends a task the collector no longer runs: it refused
// a progress post with 409 Conflict (the run was cancelled, or ended on
// the collector's side).
var errTaskCancelled = errors.New("cancelled: the collector no longer runs this task")

// reportProgress posts the task's progress every ProgressEvery while it
// changes, and records it in the history for the status page. A post that
// fails is not retried: the next one says more. A post the collector
// refuses with 409 Conflict means the task was cancelled: cancelTask is
// called with errTaskCancelled. An unchanged progress is posted again
// every heartbeatTicks ticks, so a task waiting out timeouts still learns
// it was cancelled. The returned function stops it.
func (m *Manager) reportProgress(ctx context.Context, t api.Task, tr *tracker, cancelTask context.CancelCauseFunc) func() {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(m.opts.ProgressEvery)
		defer tick.Stop()
		seen, idle := -1, 0
		for {
			p, v, changed := tr.changedSince(seen)
			idle++
			if changed || idle >= heartbeatTicks {
				seen, idle = v, 0
				m.updateHistory(t.Kind, t.ID, func(r *Record) { r.Done, r.Total, r.Found = p.Done, p.Total, p.Found })
				pctx, pcancel := context.WithTimeout(ctx, max(m.opts.ProgressEvery, 10*time.Second))
				err := m.opts.Conn.PostProgress(pctx, t.ID, p)
				pcancel()
				var se *api.StatusError
				if errors.As(err, &se) && se.StatusCode == http.StatusConflict {
					cancelTask(errTaskCancelled)
					return
				}
				if err != nil && !errors.Is(err, context.Canceled) {
					m.log.Debug("progress not posted", "task", t.ID, "err", err)
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
