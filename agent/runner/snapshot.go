package runner

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/agent/tasks"
	"github.com/parcproject/parc/pkg/version"
)

// Snapshot is the agent's state as `parc-agent status` and the status page
// show it.
type Snapshot struct {
	Version      string    `json:"version"`
	DeviceID     string    `json:"deviceid"`
	Server       string    `json:"server,omitempty"`
	StateDir     string    `json:"state_dir"`
	LastFull     time.Time `json:"last_full_inventory,omitzero"`
	LastPartial  time.Time `json:"last_partial_inventory,omitzero"`
	LastSent     time.Time `json:"last_delivered,omitzero"`
	LastContact  time.Time `json:"last_contact,omitzero"`
	NextRun      time.Time `json:"next_run,omitzero"`
	LastError    string    `json:"last_error,omitempty"`
	LastErrorAt  time.Time `json:"last_error_at,omitzero"`
	SpoolReports int       `json:"spool_reports"`
	SpoolBytes   int64     `json:"spool_bytes"`
	Running      bool      `json:"running"` // an inventory or a send is under way
	// Tasks are the recent network tasks, newest first.
	Tasks []tasks.Record `json:"network_tasks,omitempty"`
	// TaskReports counts device reports of network tasks not yet delivered.
	TaskReports int `json:"network_task_reports,omitempty"`
}

// LastInventory is the later of the last full and partial inventories.
func (s Snapshot) LastInventory() time.Time {
	if s.LastPartial.After(s.LastFull) {
		return s.LastPartial
	}
	return s.LastFull
}

// ReadSnapshot reads the snapshot from a state directory, for `parc-agent
// status` while the service runs in another process.
func ReadSnapshot(store *state.Store, server string) (Snapshot, error) {
	st, err := store.Status()
	if err != nil {
		return Snapshot{}, err
	}
	id, err := store.Identity()
	if err != nil {
		return Snapshot{}, err
	}
	if id.DeviceID == "" {
		id.DeviceID, _ = state.DeriveDeviceID()
	}
	n, size, _ := spool.StatDir(filepath.Join(store.Dir(), state.SpoolDir))
	tdir := filepath.Join(store.Dir(), TasksDir)
	recs, _ := tasks.ReadHistory(tdir) // a missing or broken history shows no task
	return Snapshot{
		Version: version.Version, DeviceID: id.DeviceID, Server: server, StateDir: store.Dir(),
		LastFull: st.LastFull, LastPartial: st.LastPartial, LastSent: st.LastSent,
		LastContact: st.LastContact, NextRun: st.NextRun, LastError: st.LastError, LastErrorAt: st.LastErrorAt,
		SpoolReports: n, SpoolBytes: size, Tasks: recs, TaskReports: tasks.PendingReports(tdir),
	}, nil
}

// Snapshot returns the running agent's state.
func (r *Runner) Snapshot() Snapshot {
	s, err := ReadSnapshot(r.store, r.cfg.Server)
	if err != nil {
		r.log.Warn("cannot read state", "err", err)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s.DeviceID = r.deviceID
	s.Running = r.running
	if r.tasks != nil {
		s.Tasks = r.tasks.Status()
	}
	if !r.nextRun.IsZero() {
		s.NextRun = r.nextRun
	}
	return s
}

func (r *Runner) setRunning(b bool) {
	r.mu.Lock()
	r.running = b
	r.mu.Unlock()
}

func (r *Runner) recordError(err error) {
	now := r.now()
	if e := r.store.UpdateStatus(func(s *state.Status) { s.LastError, s.LastErrorAt = err.Error(), now }); e != nil {
		r.log.Warn("cannot save state", "err", e)
	}
}

func (r *Runner) clearError() {
	if e := r.store.UpdateStatus(func(s *state.Status) { s.LastError, s.LastErrorAt = "", time.Time{} }); e != nil {
		r.log.Warn("cannot save state", "err", e)
	}
}

func versionString() string { return version.Version }

func shortHost(h string) string {
	h, _, _ = strings.Cut(h, ".")
	return h
}
