package tasks

import (
	"cmp"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/pkg/api"
)

// sendLoop delivers spooled device reports, then each ended task's last
// progress, whenever something new is spooled or the backoff allows.
func (m *Manager) sendLoop(ctx context.Context) {
	for {
		var retry <-chan time.Time
		var timer *time.Timer
		if u := m.backoff.Until(); !u.IsZero() {
			timer = time.NewTimer(max(u.Sub(m.opts.Now()), 0))
			retry = timer.C
		}
		select {
		case <-ctx.Done():
		case <-m.send:
		case <-retry:
		}
		if timer != nil {
			timer.Stop()
		}
		if ctx.Err() != nil {
			return
		}
		if !m.backoff.Ready(m.opts.Now()) {
			continue
		}
		if err := m.deliver(ctx); err != nil && ctx.Err() == nil {
			wait := m.backoff.Failure(m.opts.Now(), retryAfter(err))
			m.log.Warn("network task results not delivered; they stay spooled",
				"err", err, "retry_in", wait.Round(time.Second))
		}
	}
}

func retryAfter(err error) time.Duration {
	var se *api.StatusError
	if errors.As(err, &se) {
		return se.RetryAfter
	}
	return 0
}

// taskDirs returns the task directories oldest first.
func (m *Manager) taskDirs() []*taskDir {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*taskDir, 0, len(m.dirs))
	for _, d := range m.dirs {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *taskDir) int { return cmp.Compare(a.seq, b.seq) })
	return out
}

// deliver sends what every task has spooled, oldest task first, and the
// last progress of each ended task once its reports are all delivered. It
// stops at the first error worth retrying.
func (m *Manager) deliver(ctx context.Context) error {
	for _, d := range m.taskDirs() {
		// Read the end before the reports: finished.json is written after
		// the task's last report, so once it is seen, the listing below
		// holds every report.
		final, ended := d.finished()
		items, err := d.spool.List()
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := m.sendItem(ctx, d, it); err != nil {
				return err
			}
		}
		if !ended {
			continue
		}
		err = m.opts.Conn.PostProgress(ctx, d.taskID, final)
		var se *api.StatusError
		switch {
		case err == nil:
		case errors.As(err, &se) && !se.Retryable() && !se.Unauthorized():
			m.log.Error("the collector refused the end of a network task; dropping it",
				"task", d.taskID, "status", se.StatusCode, "error", se.Body.Error)
		default:
			return err
		}
		m.backoff.Success()
		m.retire(d)
	}
	return nil
}

// sendItem delivers one device report. A report the collector refuses for
// good is set aside in the rejected directory, with the answer beside it.
func (m *Manager) sendItem(ctx context.Context, d *taskDir, it spool.Item) error {
	body, err := d.spool.Read(it)
	if err != nil {
		return err
	}
	resp, err := m.opts.Conn.SendReport(ctx, d.taskID, it.ID, body)
	var se *api.StatusError
	switch {
	case err == nil:
		m.backoff.Success()
		m.log.Debug("device report delivered", "task", d.taskID, "report", it.ID, "asset_id", resp.AssetID)
		return d.spool.Remove(it)
	case errors.As(err, &se) && !se.Retryable() && !se.Unauthorized():
		m.log.Error("the collector refused a device report; it is kept in the rejected directory",
			"task", d.taskID, "report", it.ID, "status", se.StatusCode, "error", se.Body.Error)
		return d.spool.Reject(it, se.Error())
	}
	return err
}

// retire removes a delivered task's directory, keeping refused reports.
func (m *Manager) retire(d *taskDir) {
	m.keepRejected(d)
	if err := os.RemoveAll(d.path); err != nil {
		m.log.Warn("cannot remove a delivered task's directory", "path", d.path, "err", err)
	}
	m.mu.Lock()
	delete(m.dirs, d.key)
	m.hist.update(d.kind, d.taskID, func(r *Record) { r.Delivered = true })
	m.saveHistoryLocked()
	m.mu.Unlock()
	m.log.Info("network task delivered", "task", d.taskID)
}

// PendingReports counts the device reports waiting in a tasks directory,
// for `parc-agent status` in another process than the service.
func PendingReports(dir string) int {
	names, err := listDirs(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, name := range names {
		c, _, _ := spool.StatDir(filepath.Join(dir, name))
		n += c
	}
	return n
}
