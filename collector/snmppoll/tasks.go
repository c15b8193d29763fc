package snmppoll

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/snmp"
)

// StaleAgentRun is how long an agent has to finish a task it was given.
const StaleAgentRun = 24 * time.Hour

// AgentTasks hands agentID its queued runs as tasks, marking them running.
// A run is handed out once even when the agent calls two collectors at the
// same time. Credentials travel decrypted: only to the agent that runs the
// job, over its authenticated API.
func (s *Service) AgentTasks(ctx context.Context, agentID int64) ([]api.Task, error) {
	// Every contact asks, and almost always there is nothing: one read
	// says so without taking the writer (on SQLite, without waiting for
	// the batch of reports being written).
	staleBefore := s.now().Add(-StaleAgentRun)
	queued, stale, err := s.q.AgentRunsDue(ctx, agentID, staleBefore)
	if err != nil {
		return nil, err
	}
	// A task the agent never finished (it was reinstalled, or lost its
	// state) must not show as running for ever.
	if stale > 0 {
		if n, err := s.q.FailStaleAgentRuns(ctx, agentID, staleBefore, "the agent did not finish the task within "+StaleAgentRun.String(), s.now()); err != nil {
			return nil, err
		} else if n > 0 {
			s.log.Warn("agent runs failed: not finished in time", "agent_id", agentID, "count", n)
		}
	}
	if queued == 0 {
		return nil, nil
	}
	runs, err := s.q.QueuedAgentRuns(ctx, agentID)
	if err != nil {
		return nil, err
	}
	var out []api.Task
	for _, run := range runs {
		ok, err := s.q.StartSNMPRun(ctx, run.ID, s.now())
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		t, err := s.task(ctx, &run)
		if err != nil {
			// A job whose credentials cannot be opened would fail on every
			// contact: end the run with the reason instead.
			s.log.Warn("SNMP task not handed out", "snmp_run_id", run.ID, "agent_id", agentID, "err", err)
			if ferr := s.q.FinishSNMPRun(ctx, run.ID, store.SNMPRunFailed, err.Error(), s.now()); ferr != nil {
				return nil, ferr
			}
			continue
		}
		s.log.Info("SNMP task handed to agent", "snmp_run_id", run.ID, "agent_id", agentID, "kind", t.Kind)
		out = append(out, *t)
	}
	return out, nil
}

// task builds the task of a run's current phase: the sweep of the job's
// targets, then the inventory of the devices the sweep found.
func (s *Service) task(ctx context.Context, run *store.SNMPRun) (*api.Task, error) {
	j, err := s.q.GetSNMPJob(ctx, run.JobID)
	if err != nil {
		return nil, err
	}
	creds, err := s.jobCredentials(ctx, s.q, j)
	if err != nil {
		return nil, err
	}
	t := &api.Task{ID: strconv.FormatInt(run.ID, 10), Kind: api.TaskNetDiscovery, Targets: j.Targets, Credentials: creds,
		Port: j.Port, TimeoutMillis: j.TimeoutMS, Retries: j.Retries, Workers: j.Workers}
	if run.Phase == store.SNMPPhaseInventory {
		results, err := s.q.ListSNMPResults(ctx, run.ID)
		if err != nil {
			return nil, err
		}
		t.Kind, t.Targets = api.TaskNetInventory, nil
		for _, r := range results {
			if r.Status != store.SNMPFailed && r.Type != "" && r.Type != "Unmanaged" {
				t.Targets = append(t.Targets, r.IP)
			}
		}
	}
	return t, nil
}

// agentRun returns the running run of taskID if it is agentID's.
func (s *Service) agentRun(ctx context.Context, agentID int64, taskID string) (*store.SNMPRun, error) {
	id, err := strconv.ParseInt(taskID, 10, 64)
	if err != nil || id <= 0 {
		return nil, fmt.Errorf("task %q: %w", taskID, store.ErrNotFound)
	}
	run, err := s.q.GetSNMPRun(ctx, id)
	if err != nil {
		return nil, err
	}
	if run.AgentID != agentID {
		return nil, ErrForbidden
	}
	if run.State != store.SNMPRunRunning {
		return nil, ErrNotRunning
	}
	return run, nil
}

// TaskProgress records an agent's progress on its task. The last post of a
// discovery that found devices queues their inventory for the agent's next
// contact; otherwise the run ends.
func (s *Service) TaskProgress(ctx context.Context, agentID int64, taskID string, p api.TaskProgress) error {
	run, err := s.agentRun(ctx, agentID, taskID)
	if err != nil {
		return err
	}
	if p.Done < 0 || p.Total < 0 || p.Found < 0 || p.Done > p.Total {
		return fmt.Errorf("progress %d/%d, found %d: counters must be positive and done at most total: %w", p.Done, p.Total, p.Found, ErrInvalid)
	}
	found := p.Found
	if run.Phase == store.SNMPPhaseInventory {
		found = run.Found // the inventory finds nothing new
	}
	if err := s.q.SetSNMPRunProgress(ctx, run.ID, p.Done, p.Total, found); err != nil {
		return err
	}
	if !p.Finished {
		return nil
	}
	switch {
	case p.Error != "":
		return s.q.FinishSNMPRun(ctx, run.ID, store.SNMPRunFailed, "agent: "+p.Error, s.now())
	case run.Phase == store.SNMPPhaseDiscovery && found > 0:
		return s.q.NextSNMPRunPhase(ctx, run.ID, store.SNMPPhaseInventory)
	}
	return s.q.FinishSNMPRun(ctx, run.ID, store.SNMPRunDone, "", s.now())
}

// TaskReport records a network device's report an agent sent for its task
// and returns the asset when it was imported (0 otherwise). Only
// netdiscovery and netinventory reports are accepted.
func (s *Service) TaskReport(ctx context.Context, agentID int64, taskID string, rep *inventory.Report) (int64, error) {
	run, err := s.agentRun(ctx, agentID, taskID)
	if err != nil {
		return 0, err
	}
	nd := rep.Content.NetworkDevice
	if (rep.Action != inventory.ActionNetDiscovery && rep.Action != inventory.ActionNetInventory) || nd == nil || len(nd.IPs) == 0 {
		return 0, fmt.Errorf("a task's report must be a netdiscovery or netinventory report with network_device.ips: %w", ErrInvalid)
	}
	j, err := s.q.GetSNMPJob(ctx, run.JobID)
	if err != nil {
		return 0, err
	}
	ip, err := s.taskAddress(ctx, run, j, nd.IPs)
	if err != nil {
		return 0, err
	}
	res := &store.SNMPResult{RunID: run.ID, IP: ip, Type: nd.Type, Name: nd.Name, CredentialID: nd.Credentials}
	if res.CredentialID != 0 && !slices.Contains(j.CredentialIDs, res.CredentialID) {
		res.CredentialID = 0 // not one of the job's: do not trust it
	}
	// A discovery report is kept for the inventory phase; only the
	// inventory is imported.
	autoImport := j.AutoImport && rep.Action == inventory.ActionNetInventory
	if err := s.record(ctx, res, rep, autoImport); err != nil {
		return 0, err
	}
	return res.AssetID, nil
}

// taskAddress picks, among a reported device's addresses, the one the task
// reached: one of the job's targets for a discovery, one of the devices
// the discovery found for an inventory. A device with none of them is not
// the task's to report.
func (s *Service) taskAddress(ctx context.Context, run *store.SNMPRun, j *store.SNMPJob, ips []string) (string, error) {
	allowed := map[string]bool{}
	if run.Phase == store.SNMPPhaseInventory {
		results, err := s.q.ListSNMPResults(ctx, run.ID)
		if err != nil {
			return "", err
		}
		for _, r := range results {
			allowed[r.IP] = true
		}
	} else {
		addrs, err := snmp.ParseTargets(j.Targets)
		if err != nil {
			return "", err
		}
		for _, a := range addrs {
			allowed[a.String()] = true
		}
	}
	for _, ip := range ips {
		if a, err := netip.ParseAddr(ip); err == nil && allowed[a.String()] {
			return a.String(), nil
		}
	}
	return "", fmt.Errorf("none of the device's addresses %v is among the task's targets: %w", ips, ErrInvalid)
}
