package tasks

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/api"
)

// Files of a task directory.
const (
	taskFileName     = "task.json"
	finishedFileName = "finished.json"
	// RejectedDir keeps the reports the collector refused for good, from
	// every task, for an administrator to read.
	RejectedDir = "rejected"
	// maxRejected bounds RejectedDir.
	maxRejected = 20
)

// taskDir is one task's directory: its task, its spool, its end.
type taskDir struct {
	path   string
	key    string // hex of the kind and task ID: any ID makes a safe file name
	kind   string // the task's kind, as the collector gave it
	taskID string
	seq    uint64
	spool  *spool.Spool
}

// taskFile is task.json.
type taskFile struct {
	Task     api.Task  `json:"task"`
	Received time.Time `json:"received"`
	Attempts int       `json:"attempts"` // how many times the task was started
}

// job is a task to run.
type job struct {
	dir *taskDir
	tf  taskFile
}

// keyOf names a task by its kind and ID: the collector gives one run's
// discovery and then its inventory under the same ID.
func keyOf(kind, taskID string) string {
	return hex.EncodeToString([]byte(kind)) + "-" + hex.EncodeToString([]byte(taskID))
}

// parseDirName reads "<seq>-<hex kind>-<hex task ID>".
func parseDirName(name string) (seq uint64, kind, taskID string, ok bool) {
	parts := strings.SplitN(name, "-", 3)
	if len(parts) != 3 {
		return 0, "", "", false
	}
	n, err := strconv.ParseUint(parts[0], 10, 64)
	if err != nil {
		return 0, "", "", false
	}
	k, err1 := hex.DecodeString(parts[1])
	id, err2 := hex.DecodeString(parts[2])
	if err1 != nil || err2 != nil || len(id) == 0 {
		return 0, "", "", false
	}
	return n, string(k), string(id), true
}

// openDir opens (creating it if needed) the directory of a task.
func (m *Manager) openDir(seq uint64, kind, taskID string) (*taskDir, error) {
	key := keyOf(kind, taskID)
	path := filepath.Join(m.opts.Dir, fmt.Sprintf("%010d-%s", seq, key))
	sp, err := spool.Open(path, spool.Options{MaxReports: 1 << 20, MaxBytes: m.opts.MaxBytes, Logger: m.opts.Logger})
	if err != nil {
		return nil, fmt.Errorf("task %q: %w", taskID, err)
	}
	return &taskDir{path: path, key: key, kind: kind, taskID: taskID, seq: seq, spool: sp}, nil
}

func (d *taskDir) saveTask(tf taskFile) error {
	data, err := json.Marshal(tf)
	if err != nil {
		return err
	}
	return state.WriteFile(filepath.Join(d.path, taskFileName), data, 0o600)
}

func (d *taskDir) loadTask() (taskFile, error) {
	var tf taskFile
	data, err := os.ReadFile(filepath.Join(d.path, taskFileName))
	if err != nil {
		return tf, err
	}
	if err := json.Unmarshal(data, &tf); err != nil {
		return tf, fmt.Errorf("%s: %w", filepath.Join(d.path, taskFileName), err)
	}
	return tf, nil
}

// finished returns the task's last progress, and false while it runs.
func (d *taskDir) finished() (api.TaskProgress, bool) {
	var p api.TaskProgress
	data, err := os.ReadFile(filepath.Join(d.path, finishedFileName))
	if err != nil || json.Unmarshal(data, &p) != nil {
		return p, false
	}
	return p, true
}

// finish records the task's last progress and forgets its credentials.
func (d *taskDir) finish(p api.TaskProgress) error {
	p.Finished = true
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if err := state.WriteFile(filepath.Join(d.path, finishedFileName), data, 0o600); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(d.path, taskFileName)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// listDirs returns the task directories under dir, oldest first.
func listDirs(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if _, _, _, ok := parseDirName(e.Name()); ok && e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names) // zero-padded sequence numbers sort in order
	return names, nil
}

// keepRejected moves a finished task's refused reports into RejectedDir,
// dropping the oldest beyond maxRejected, before the task's directory goes.
func (m *Manager) keepRejected(d *taskDir) {
	items, err := d.spool.Rejected()
	if err != nil || len(items) == 0 {
		return
	}
	dst := filepath.Join(m.opts.Dir, RejectedDir)
	if err := os.MkdirAll(dst, 0o700); err != nil {
		m.log.Warn("cannot keep refused reports", "err", err)
		return
	}
	for _, it := range items {
		src := filepath.Join(d.path, spool.RejectedDir, it.Name)
		name := d.key + "-" + it.Name
		os.Rename(src, filepath.Join(dst, name))
		os.Rename(src+".txt", filepath.Join(dst, name+".txt"))
	}
	ents, err := os.ReadDir(dst)
	if err != nil {
		return
	}
	var reports []os.DirEntry
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".json.gz") {
			reports = append(reports, e)
		}
	}
	slices.SortFunc(reports, func(a, b os.DirEntry) int { return modTime(a).Compare(modTime(b)) })
	for len(reports) > maxRejected {
		os.Remove(filepath.Join(dst, reports[0].Name()))
		os.Remove(filepath.Join(dst, reports[0].Name()+".txt"))
		reports = reports[1:]
	}
}

func modTime(e os.DirEntry) time.Time {
	fi, err := e.Info()
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}
