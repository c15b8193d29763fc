package tasks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parcproject/parc/pkg/api"
)

// Submit queues the tasks of a contact answer. A task already queued,
// running, waiting for delivery or recently done is left alone, so a
// collector that repeats a task until its end is reported runs it once.
// A task that cannot be run (invalid, queue full) ends at once with an
// error the collector will read in its progress.
func (m *Manager) Submit(tasks []api.Task) {
	for _, t := range tasks {
		if t.ID == "" || len(t.ID) > maxTaskIDLen {
			m.log.Warn("the collector gave a task without a usable ID; ignored", "id_length", len(t.ID))
			continue
		}
		if err := m.submit(t); err != nil {
			m.log.Error("cannot queue network task", "task", t.ID, "err", err)
		}
	}
}

func (m *Manager) submit(t api.Task) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.dirs[keyOf(t.Kind, t.ID)]; ok || m.hist.seen(t.Kind, t.ID) {
		return nil
	}
	m.seq++
	d, err := m.openDir(m.seq, t.Kind, t.ID)
	if err != nil {
		return err
	}
	m.dirs[d.key] = d
	tf := taskFile{Task: t, Received: m.opts.Now()}
	m.hist.add(Record{ID: t.ID, Kind: t.Kind, Targets: len(t.Targets), State: StateQueued, Received: tf.Received})
	var refuse error
	switch {
	case len(m.queue) >= maxQueued:
		refuse = fmt.Errorf("the agent already has %d network tasks waiting; try again later", maxQueued)
	default:
		refuse = Validate(t)
	}
	if refuse != nil {
		m.log.Warn("network task refused", "task", t.ID, "kind", t.Kind, "err", refuse)
		m.endLocked(d, api.TaskProgress{Error: refuse.Error()})
		return nil
	}
	if err := d.saveTask(tf); err != nil {
		m.endLocked(d, api.TaskProgress{Error: "the agent cannot save the task: " + err.Error()})
		return err
	}
	m.queue = append(m.queue, &job{dir: d, tf: tf})
	m.log.Info("network task queued", "task", t.ID, "kind", t.Kind, "targets", len(t.Targets),
		"credentials", len(t.Credentials))
	m.poke(m.wake)
	return nil
}

// endLocked finishes a task: its last progress waits in finished.json for
// its reports to be delivered. m.mu is held.
func (m *Manager) endLocked(d *taskDir, p api.TaskProgress) {
	if err := d.finish(p); err != nil {
		m.log.Error("cannot record the end of a network task", "task", d.taskID, "err", err)
	}
	state := StateFinished
	if p.Error != "" {
		state = StateFailed
	}
	m.hist.update(d.kind, d.taskID, func(r *Record) {
		r.State, r.Ended, r.Error = state, m.opts.Now(), p.Error
		r.Done, r.Total, r.Found = p.Done, p.Total, p.Found
	})
	m.saveHistoryLocked()
	m.poke(m.send)
}

// recover reads the tasks directory at start: finished tasks wait for
// delivery, interrupted ones are queued again.
func (m *Manager) recover() error {
	if err := os.MkdirAll(m.opts.Dir, 0o700); err != nil {
		return fmt.Errorf("tasks dir: %w", err)
	}
	h, err := loadHistory(m.opts.Dir)
	if err != nil {
		m.log.Warn("task history unreadable; starting a new one", "err", err)
	}
	m.hist = h
	names, err := listDirs(m.opts.Dir)
	if err != nil {
		return fmt.Errorf("tasks dir: %w", err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, name := range names {
		seq, kind, id, _ := parseDirName(name)
		m.seq = max(m.seq, seq)
		d, err := m.openDir(seq, kind, id)
		if err != nil {
			return err
		}
		m.dirs[d.key] = d
		if _, ok := d.finished(); ok {
			continue
		}
		m.requeueLocked(d)
	}
	return nil
}

// requeueLocked queues a task the agent stopped during, unless it was
// started too often already.
func (m *Manager) requeueLocked(d *taskDir) {
	tf, err := d.loadTask()
	switch {
	case errors.Is(err, os.ErrNotExist):
		m.endLocked(d, api.TaskProgress{Error: "the agent stopped during the task and lost it (" +
			filepath.Join(d.path, taskFileName) + " is missing)"})
	case err != nil:
		m.endLocked(d, api.TaskProgress{Error: "the agent stopped during the task and cannot read it again: " + err.Error()})
	case tf.Attempts >= maxAttempts:
		m.endLocked(d, api.TaskProgress{Error: fmt.Sprintf("the agent stopped %d times during this task; it gives up", tf.Attempts)})
	default:
		m.hist.add(Record{ID: tf.Task.ID, Kind: tf.Task.Kind, Targets: len(tf.Task.Targets), State: StateQueued, Received: tf.Received})
		m.queue = append(m.queue, &job{dir: d, tf: tf})
		m.log.Info("network task queued again after a restart", "task", tf.Task.ID, "attempts", tf.Attempts)
	}
}
