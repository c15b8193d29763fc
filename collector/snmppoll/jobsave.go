package snmppoll

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

// Bounds of a job's settings; beyond them it is a typing mistake.
const (
	MaxWorkers   = 1024
	MaxTimeoutMS = 60_000
	MaxRetries   = 10
	MaxTargets   = 65536 // addresses in one job: a /16
)

// ValidateJob checks a job's fields and returns every wrong one.
func ValidateJob(j *store.SNMPJob) FieldErrors {
	var bad FieldErrors
	add := func(f, why string) { bad = append(bad, FieldError{f, why}) }
	j.Name = strings.TrimSpace(j.Name)
	if j.Name == "" || utf8.RuneCountInString(j.Name) > 100 {
		add("name", "give a name of 1 to 100 characters")
	}
	if len(j.Targets) == 0 {
		add("targets", "give at least one address, range (10.0.0.0/24, 10.0.0.1-10.0.0.50) or host")
	} else if addrs, err := snmp.ParseTargets(j.Targets); err != nil {
		add("targets", err.Error())
	} else if len(addrs) > MaxTargets {
		add("targets", fmt.Sprintf("%d addresses; a job sweeps at most %d (a /16)", len(addrs), MaxTargets))
	}
	if len(j.CredentialIDs) == 0 {
		add("credentials", "choose at least one credential set")
	}
	if j.Schedule != "" {
		if _, err := jobs.ParseSpec(j.Schedule); err != nil {
			add("schedule", err.Error())
		}
	}
	if j.Workers < 0 || j.Workers > MaxWorkers {
		add("workers", fmt.Sprintf("between 0 (default) and %d", MaxWorkers))
	}
	if j.TimeoutMS < 100 || j.TimeoutMS > MaxTimeoutMS {
		add("timeout", fmt.Sprintf("between 100 and %d milliseconds", MaxTimeoutMS))
	}
	if j.Retries < 0 || j.Retries > MaxRetries {
		add("retries", fmt.Sprintf("between 0 and %d", MaxRetries))
	}
	if j.Port < 1 || j.Port > 65535 {
		add("port", "between 1 and 65535")
	}
	return bad
}

// SaveJob validates and stores a job (new when ID is 0) with its
// schedule. Invalid fields return FieldErrors; a taken name
// store.ErrConflict; a missing credential or agent store.ErrNotFound.
func (s *Service) SaveJob(ctx context.Context, j *store.SNMPJob) error {
	if bad := ValidateJob(j); len(bad) > 0 {
		return bad
	}
	err := s.st.WithTx(ctx, func(tx store.Queries) error {
		q, err := store.SNMP(tx)
		if err != nil {
			return err
		}
		jq, err := store.Jobs(tx)
		if err != nil {
			return err
		}
		if j.ID == 0 {
			err = q.CreateSNMPJob(ctx, j)
		} else {
			err = q.UpdateSNMPJob(ctx, j)
		}
		if err != nil {
			return err
		}
		spec := j.Schedule
		return jobs.PutSchedule(ctx, jq, scheduleName(j.ID), KindRun, runPayload{JobID: j.ID}, spec, s.now())
	})
	if err != nil {
		return err
	}
	s.log.Info("SNMP job saved", "snmp_job_id", j.ID, "schedule", j.Schedule, "agent_id", j.AgentID)
	return nil
}

// DeleteJob removes a job, its schedule, runs and results.
func (s *Service) DeleteJob(ctx context.Context, id int64) error {
	return s.st.WithTx(ctx, func(tx store.Queries) error {
		q, err := store.SNMP(tx)
		if err != nil {
			return err
		}
		jq, err := store.Jobs(tx)
		if err != nil {
			return err
		}
		if err := q.DeleteSNMPJob(ctx, id); err != nil {
			return err
		}
		return jq.DeleteSchedule(ctx, scheduleName(id))
	})
}

// errRunning rolls RunNow's transaction back when the job already runs.
var errRunning = errors.New("the job is already running")

// RunNow starts a run of job: queued for this collector's workers, or for
// the job's agent to fetch at its next contact. It returns the run's ID;
// while a run of the job is queued or running, that run's.
func (s *Service) RunNow(ctx context.Context, jobID int64) (int64, error) {
	var run store.SNMPRun
	err := s.st.WithTx(ctx, func(tx store.Queries) error {
		q, err := store.SNMP(tx)
		if err != nil {
			return err
		}
		j, err := q.GetSNMPJob(ctx, jobID)
		if err != nil {
			return err
		}
		// One run of a job at a time: a second click shows the first run.
		if last, err := q.ListSNMPRuns(ctx, j.ID, 1); err != nil {
			return err
		} else if len(last) == 1 && !last[0].Finished() {
			run = last[0]
			return errRunning
		}
		run = store.SNMPRun{JobID: j.ID, AgentID: j.AgentID}
		if err := q.CreateSNMPRun(ctx, &run); err != nil {
			return err
		}
		if j.AgentID != 0 {
			return nil
		}
		jq, err := store.Jobs(tx)
		if err != nil {
			return err
		}
		_, err = jobs.Enqueue(ctx, jq, KindRun, runPayload{JobID: j.ID, RunID: run.ID}, s.now(), 1)
		return err
	})
	if errors.Is(err, errRunning) {
		return run.ID, nil
	}
	if err != nil {
		return 0, err
	}
	if run.AgentID == 0 && s.opts.Wake != nil {
		s.opts.Wake()
	}
	s.log.Info("SNMP run queued", "snmp_job_id", jobID, "snmp_run_id", run.ID, "agent_id", run.AgentID)
	return run.ID, nil
}
