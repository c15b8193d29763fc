package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/tasks"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// taskCollector wraps fakeCollector: its contact answers carry tasks, and
// it records the progress posted per task.
type taskCollector struct {
	*fakeCollector
	tasks []api.Task

	pmu      sync.Mutex
	progress map[string][]api.TaskProgress
}

func (c *taskCollector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == api.PathContact:
		rec := httptest.NewRecorder()
		c.fakeCollector.ServeHTTP(rec, r)
		var resp api.ContactResponse
		if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &resp) != nil {
			w.WriteHeader(rec.Code)
			io.Copy(w, bytes.NewReader(rec.Body.Bytes()))
			return
		}
		resp.Tasks = c.tasks
		c.reply(w, 200, resp)
	case strings.HasPrefix(r.URL.Path, "/api/v1/tasks/") && strings.HasSuffix(r.URL.Path, "/progress"):
		if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
			c.reply(w, 401, api.Error{Error: "no token"})
			return
		}
		var p api.TaskProgress
		json.NewDecoder(r.Body).Decode(&p)
		id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/api/v1/tasks/"), "/progress")
		c.pmu.Lock()
		c.progress[id] = append(c.progress[id], p)
		c.pmu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	case r.URL.Path == api.PathSysObjectIDs:
		c.reply(w, 404, api.Error{Error: "no sysobject.ids here"})
	default:
		c.fakeCollector.ServeHTTP(w, r)
	}
}

func (c *taskCollector) posts(id string) []api.TaskProgress {
	c.pmu.Lock()
	defer c.pmu.Unlock()
	return append([]api.TaskProgress(nil), c.progress[id]...)
}

func newTaskCollector(t *testing.T, ts ...api.Task) (*taskCollector, *httptest.Server) {
	c := &taskCollector{fakeCollector: newFakeCollector(t), tasks: ts, progress: map[string][]api.TaskProgress{}}
	srv := httptest.NewServer(c)
	t.Cleanup(srv.Close)
	return c, srv
}

// badTask cannot run (no target): the agent ends it at once, with the
// reason, without any network access to devices.
var badTask = api.Task{ID: "17", Kind: api.TaskNetDiscovery,
	Credentials: []snmp.Credential{{Version: "2c", Community: "public"}}}

// TestNetworkTasksDisabled refuses the collector's tasks, telling it once.
func TestNetworkTasksDisabled(t *testing.T) {
	col, srv := newTaskCollector(t, badTask)
	h := newHarness(t, srv.URL, func(c *config.Config) { c.NetworkTasks = false })
	for range 2 {
		if err := h.r.Once(t.Context(), false); err != nil {
			t.Fatal(err)
		}
	}
	got := col.posts("17")
	if len(got) != 1 || !got[0].Finished || !strings.Contains(got[0].Error, "network_tasks: false") {
		t.Errorf("got progress %+v; want one finished post saying network tasks are off", got)
	}
	if h.r.tasks != nil {
		t.Error("a task manager exists with network_tasks false")
	}
}

// TestNetworkTaskFromContact takes a task from the contact answer, runs it
// (here it ends at once: it has no target) and reports its end; the status
// snapshot shows it.
func TestNetworkTaskFromContact(t *testing.T) {
	col, srv := newTaskCollector(t, badTask)
	h := newHarness(t, srv.URL, func(c *config.Config) { c.ContactInterval = 50 * time.Millisecond })
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- h.r.Run(ctx) }()
	waitFor(t, "the task's end", func() bool { return len(col.posts("17")) > 0 })
	got := col.posts("17")
	if !got[0].Finished || !strings.HasPrefix(got[0].Error, "targets: ") {
		t.Errorf("got progress %+v; want the end with a targets error", got)
	}
	waitFor(t, "the snapshot", func() bool {
		s := h.r.Snapshot()
		return len(s.Tasks) == 1 && s.Tasks[0].State == tasks.StateFailed && s.Tasks[0].Delivered
	})
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := len(col.posts("17")); n != 1 {
		t.Errorf("got %d end posts; want 1 although every contact repeats the task", n)
	}
	snap, err := ReadSnapshot(h.store, h.cfg.Server)
	if err != nil || len(snap.Tasks) != 1 || snap.Tasks[0].ID != "17" {
		t.Errorf("status from another process: got %+v, %v; want task 17", snap.Tasks, err)
	}
}

// TestOnceRunsNetworkTasks: `run --once` runs the task the contact gave
// and delivers its end before it returns, instead of keeping it for the
// next daemon start.
func TestOnceRunsNetworkTasks(t *testing.T) {
	col, srv := newTaskCollector(t, badTask)
	h := newHarness(t, srv.URL, nil)
	if err := h.r.Once(t.Context(), false); err != nil {
		t.Fatal(err)
	}
	got := col.posts("17")
	if len(got) != 1 || !got[0].Finished || !strings.HasPrefix(got[0].Error, "targets: ") {
		t.Fatalf("got progress %+v; want the task's end delivered before Once returned", got)
	}
	if s := h.r.Snapshot(); len(s.Tasks) != 1 || !s.Tasks[0].Delivered {
		t.Errorf("got tasks %+v; want the one task delivered", s.Tasks)
	}
}
