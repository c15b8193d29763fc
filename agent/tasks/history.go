package tasks

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/parcproject/parc/agent/state"
)

// States of a task in Record.State.
const (
	StateQueued   = "queued"
	StateRunning  = "running"
	StateFinished = "finished" // ran to its end
	StateFailed   = "failed"   // ended early, see Record.Error
)

// Record is one task as the status page shows it. It holds no credential.
type Record struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`    // netdiscovery or netinventory
	Targets  int       `json:"targets"` // number of target specifications
	State    string    `json:"state"`
	Received time.Time `json:"received,omitzero"`
	Started  time.Time `json:"started,omitzero"`
	Ended    time.Time `json:"ended,omitzero"`
	Done     int       `json:"done"`  // hosts finished
	Total    int       `json:"total"` // hosts in the task
	Found    int       `json:"found"` // device reports made
	Error    string    `json:"error,omitempty"`
	// Delivered is set once every report and the last progress reached
	// the collector.
	Delivered bool `json:"delivered,omitempty"`
}

// historyFile is tasks/history.json.
const historyFile = "history.json"

// Bounds of the history: records shown, and IDs remembered so a task the
// collector repeats is not run twice.
const (
	maxRecords = 20
	maxSeen    = 500
)

type history struct {
	Records []Record `json:"tasks"` // newest first
	Seen    []string `json:"seen"`  // "kind/ID" of tasks received, newest last
}

func loadHistory(dir string) (*history, error) {
	h := &history{}
	data, err := os.ReadFile(filepath.Join(dir, historyFile))
	if errors.Is(err, fs.ErrNotExist) {
		return h, nil
	}
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal(data, h); err != nil {
		return &history{}, fmt.Errorf("%s: %w", filepath.Join(dir, historyFile), err)
	}
	return h, nil
}

// ReadHistory returns the recent tasks recorded in a tasks directory,
// newest first, for `parc-agent status` in another process than the
// service; a missing history is empty.
func ReadHistory(dir string) ([]Record, error) {
	h, err := loadHistory(dir)
	return h.Records, err
}

func (h *history) seen(kind, id string) bool { return slices.Contains(h.Seen, kind+"/"+id) }

// add puts r first, replacing an older record of the same task.
func (h *history) add(r Record) {
	h.Records = slices.DeleteFunc(h.Records, func(o Record) bool { return o.ID == r.ID && o.Kind == r.Kind })
	h.Records = append([]Record{r}, h.Records...)
	if len(h.Records) > maxRecords {
		h.Records = h.Records[:maxRecords]
	}
	if !h.seen(r.Kind, r.ID) {
		h.Seen = append(h.Seen, r.Kind+"/"+r.ID)
		if len(h.Seen) > maxSeen {
			h.Seen = h.Seen[len(h.Seen)-maxSeen:]
		}
	}
}

func (h *history) update(kind, id string, fn func(*Record)) {
	for i := range h.Records {
		if h.Records[i].ID == id && h.Records[i].Kind == kind {
			fn(&h.Records[i])
			return
		}
	}
}

// saveHistoryLocked writes the history; m.mu is held.
func (m *Manager) saveHistoryLocked() {
	data, err := json.Marshal(m.hist)
	if err == nil {
		err = state.WriteFile(filepath.Join(m.opts.Dir, historyFile), data, 0o600)
	}
	if err != nil {
		m.log.Warn("cannot save the task history", "err", err)
	}
}

// updateHistory changes a task's record and saves the history.
func (m *Manager) updateHistory(kind, id string, fn func(*Record)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.hist.update(kind, id, fn)
	m.saveHistoryLocked()
}

// Status returns the recent tasks, newest first, with the running task's
// live progress.
func (m *Manager) Status() []Record {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.hist.Records)
}
