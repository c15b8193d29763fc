package snmppoll

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

// progressEvery bounds how often a run's counters are written: often
// enough for a live progress bar, rarely enough not to load the database.
const progressEvery = 300 * time.Millisecond

// handleRun is the job queue's handler of KindRun.
func (s *Service) handleRun(ctx context.Context, qj *store.Job) error {
	var p runPayload
	if err := json.Unmarshal([]byte(qj.Payload), &p); err != nil || p.JobID == 0 {
		return jobs.Permanent(fmt.Errorf("bad payload %q", qj.Payload))
	}
	if p.RunID == 0 { // a scheduled occurrence
		j, err := s.q.GetSNMPJob(ctx, p.JobID)
		if errors.Is(err, store.ErrNotFound) {
			return jobs.Permanent(err)
		}
		if err != nil {
			return err
		}
		if last, err := s.q.ListSNMPRuns(ctx, j.ID, 1); err != nil {
			return err
		} else if len(last) == 1 && !last[0].Finished() {
			s.log.Warn("scheduled SNMP run skipped: the previous run has not finished", "snmp_job_id", j.ID, "snmp_run_id", last[0].ID)
			return nil
		}
		run := &store.SNMPRun{JobID: j.ID, AgentID: j.AgentID}
		if err := s.q.CreateSNMPRun(ctx, run); err != nil {
			return err
		}
		if j.AgentID != 0 {
			s.log.Info("scheduled SNMP run queued for its agent", "snmp_run_id", run.ID, "agent_id", j.AgentID)
			return nil
		}
		p.RunID = run.ID
	}
	return s.execute(ctx, p.RunID)
}

// execute runs a discovery: the sweep, then the inventory of each SNMP
// device found, imported or kept for a technician. A run interrupted by a
// shutdown stays running and starts over when its job is claimed again.
func (s *Service) execute(ctx context.Context, runID int64) error {
	run, err := s.q.GetSNMPRun(ctx, runID)
	if errors.Is(err, store.ErrNotFound) {
		return jobs.Permanent(err) // the job was deleted meanwhile
	}
	if err != nil {
		return err
	}
	if run.Finished() {
		return nil
	}
	if run.State == store.SNMPRunQueued {
		if _, err := s.q.StartSNMPRun(ctx, runID, s.now()); err != nil {
			return err
		}
	}
	log := s.log.With("snmp_run_id", runID, "snmp_job_id", run.JobID)
	// The sweep stops when the run is cancelled from any collector: its
	// progress writer checks the run and cancels this context.
	runCtx, cancelRun := context.WithCancelCause(ctx)
	defer cancelRun(nil)
	j, err := s.q.GetSNMPJob(ctx, run.JobID)
	if err == nil {
		var creds []snmp.Credential
		if creds, err = s.jobCredentials(ctx, s.q, j); err == nil {
			err = s.sweep(runCtx, run, j, creds, cancelRun)
		}
	}
	if ctx.Err() != nil {
		log.Info("SNMP run interrupted; it starts over when a collector takes it again")
		return ctx.Err()
	}
	if errors.Is(context.Cause(runCtx), errRunCancelled) {
		log.Info("SNMP run stopped: it was cancelled")
		return nil
	}
	state, reason := store.SNMPRunDone, ""
	if err != nil {
		state, reason = store.SNMPRunFailed, err.Error()
		log.Warn("SNMP run failed", "err", err)
	}
	if ferr := s.q.FinishSNMPRun(ctx, runID, state, reason, s.now()); ferr != nil {
		return ferr
	}
	log.Info("SNMP run finished", "state", state)
	if err != nil {
		return jobs.Permanent(err) // the run records why; retrying is the admin's call
	}
	return nil
}

// counters are a run's progress, written to the database by one goroutine
// at most every progressEvery.
type counters struct{ done, total, found atomic.Int64 }

// errRunCancelled is the cause of a run's context when a user cancelled
// the run.
var errRunCancelled = errors.New("SNMP run cancelled")

// flushProgress writes the counters every progressEvery; it is also the
// run's heartbeat: when the run was cancelled (on any collector: the mark
// is in the database) it calls cancel.
func (s *Service) flushProgress(ctx context.Context, runID int64, c *counters, stop <-chan struct{}, cancel context.CancelCauseFunc) {
	t := time.NewTicker(progressEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		err := s.q.SetSNMPRunProgress(ctx, runID, int(c.done.Load()), int(c.total.Load()), int(c.found.Load()))
		if errors.Is(err, store.ErrNotFound) && s.watchCancel(ctx, runID) {
			cancel(errRunCancelled)
			return
		}
		if err != nil && ctx.Err() == nil {
			s.log.Warn("record SNMP run progress", "snmp_run_id", runID, "err", err)
		}
	}
}

// sweep discovers j's targets, then inventories each device found.
func (s *Service) sweep(ctx context.Context, run *store.SNMPRun, j *store.SNMPJob, creds []snmp.Credential, cancel context.CancelCauseFunc) error {
	var c counters
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); s.flushProgress(context.WithoutCancel(ctx), run.ID, &c, stop, cancel) }()
	defer func() {
		close(stop)
		wg.Wait()
		_ = s.q.SetSNMPRunProgress(context.WithoutCancel(ctx), run.ID, int(c.done.Load()), int(c.total.Load()), int(c.found.Load()))
	}()
	db := s.sysObjectDB()
	sess := snmp.Options{Port: uint16(j.Port), Timeout: time.Duration(j.TimeoutMS) * time.Millisecond, Retries: j.Retries,
		Logger: s.log}
	arp := s.opts.ARPTable
	if arp == "" {
		arp = "/proc/net/arp"
	}
	found, err := snmp.Discover(ctx, snmp.DiscoverOptions{Targets: j.Targets, Credentials: creds, Session: sess,
		Workers: j.Workers, DB: db, Meta: s.meta(j.ID), Probe: &snmp.ARPProbe{Path: arp}, Progress: func(p snmp.Progress) {
			c.done.Store(int64(p.Done))
			c.total.Store(int64(p.Total))
			c.found.Store(int64(p.Found))
		}})
	if err != nil {
		if errors.Is(context.Cause(ctx), errRunCancelled) {
			s.keepFound(context.WithoutCancel(ctx), run.ID, found)
		}
		return fmt.Errorf("discovery: %w", err)
	}
	var devices []snmp.Result
	for _, r := range found {
		if r.Identity != nil && r.Credential >= 0 {
			devices = append(devices, r)
			continue
		}
		if err := s.recordUnmanaged(ctx, run.ID, r); err != nil {
			return err
		}
	}
	c.total.Add(int64(len(devices)))
	err = s.inventoryAll(ctx, run, j, creds, devices, db, sess, &c)
	if err != nil && errors.Is(context.Cause(ctx), errRunCancelled) {
		s.keepFound(context.WithoutCancel(ctx), run.ID, devices)
	}
	return err
}

// keepFound records, after a cancel, the hosts the run found but had not
// recorded yet: SNMP devices with their discovery report, for a
// technician to import, the others as unmanaged. The cancelled run then
// lists everything it learnt.
func (s *Service) keepFound(ctx context.Context, runID int64, found []snmp.Result) {
	have, err := s.q.ListSNMPResults(ctx, runID)
	if err != nil {
		s.log.Warn("keep a cancelled run's hosts", "snmp_run_id", runID, "err", err)
		return
	}
	recorded := map[string]bool{}
	for _, r := range have {
		recorded[r.IP] = true
	}
	for _, r := range found {
		if recorded[r.IP] {
			continue
		}
		var err error
		if r.Identity == nil || r.Credential < 0 || r.Report == nil {
			err = s.recordUnmanaged(ctx, runID, r)
		} else {
			res := &store.SNMPResult{RunID: runID, IP: r.IP, Type: r.Identity.Type, Name: r.Identity.Name,
				Reason: "not inventoried: the run was cancelled"}
			err = s.record(ctx, res, r.Report, false)
		}
		if err != nil {
			s.log.Warn("keep a cancelled run's host", "snmp_run_id", runID, "ip", r.IP, "err", err)
		}
	}
}

// recordUnmanaged lists a host that is there but could not be read (no
// SNMP answer, or credentials refused). It is never imported by itself:
// a PC seen in the neighbour table must not enter the park a second time
// as an unknown device; a technician decides.
func (s *Service) recordUnmanaged(ctx context.Context, runID int64, r snmp.Result) error {
	data, err := json.Marshal(r.Report)
	if err != nil {
		return err
	}
	return s.q.PutSNMPResult(ctx, &store.SNMPResult{RunID: runID, IP: r.IP, Type: snmp.TypeUnmanaged,
		Status: store.SNMPUnmanaged, Reason: strings.Join(r.Reasons, "; "), Report: string(data)})
}
