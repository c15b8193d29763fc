package tasks

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// TestInterruptedTaskRunsAgain stops the agent during a task: the next
// start runs it again; a task the agent stopped during maxAttempts times
// ends with an error instead.
func TestInterruptedTaskRunsAgain(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	dir := t.TempDir()
	m := newManager(t, dir, ts.URL)
	stop := start(t, m)
	// A silent host and a long timeout: the task is still running when
	// the agent stops.
	task := simTask(s, "slow", api.TaskNetInventory, "127.0.4.3")
	task.TimeoutMillis, task.Retries = 1500, 0
	m.Submit([]api.Task{task})
	waitFor(t, "the task to start", 10*time.Second, func() bool {
		r := m.Status()
		return len(r) == 1 && r[0].State == StateRunning
	})
	stop()
	if _, ended := col.ended("slow"); ended {
		t.Fatal("an interrupted task was reported ended")
	}

	m2 := newManager(t, dir, ts.URL)
	start(t, m2)
	waitFor(t, "the second run's end", time.Minute, func() bool { _, ok := col.ended("slow"); return ok })
	end, _ := col.ended("slow")
	if !strings.Contains(end.Error, "no answer") || end.Done != 1 {
		t.Errorf("got end %+v; want the host done, with no answer", end)
	}

	// The agent stopped during "crashy" maxAttempts times already.
	m3 := newManager(t, t.TempDir(), ts.URL)
	crashy := simTask(s, "crashy", api.TaskNetInventory, "127.0.4.3")
	m3.Submit([]api.Task{crashy})
	d := m3.taskDirs()[0]
	tf, err := d.loadTask()
	if err != nil {
		t.Fatal(err)
	}
	tf.Attempts = maxAttempts
	if err := d.saveTask(tf); err != nil {
		t.Fatal(err)
	}
	m4 := newManager(t, m3.opts.Dir, ts.URL)
	start(t, m4)
	waitFor(t, "the given-up task's end", 10*time.Second, func() bool { _, ok := col.ended("crashy"); return ok })
	if end, _ := col.ended("crashy"); !strings.Contains(end.Error, "stopped 3 times") {
		t.Errorf("got error %q; want the agent to give up after 3 starts", end.Error)
	}
}

// A task the collector cancelled is refused its next progress post: the
// agent stops it (the heartbeat post finds out even while the task waits
// out a timeout with nothing new to say) and ends it as cancelled, with no
// retry at the next start.
func TestCancelledTaskStops(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	m := newManager(t, t.TempDir(), ts.URL)
	start(t, m)
	// Hosts that read and never answer, 20 s timeouts and retries:
	// minutes if nothing stops it.
	for _, ip := range []string{"127.0.4.9", "127.0.4.10"} {
		c, err := net.ListenPacket("udp", net.JoinHostPort(ip, strconv.Itoa(s.Port)))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
	}
	task := simTask(s, "cancelme", api.TaskNetInventory, "127.0.4.9", "127.0.4.10")
	task.TimeoutMillis, task.Retries, task.Workers = 20000, 3, 1
	m.Submit([]api.Task{task})
	waitFor(t, "the task to start", 10*time.Second, func() bool {
		r := m.Status()
		return len(r) == 1 && r[0].State == StateRunning
	})
	col.cancel("cancelme")
	waitFor(t, "the task to stop", 30*time.Second, func() bool {
		r := m.Status()
		return len(r) == 1 && r[0].State == StateFailed
	})
	if r := m.Status(); !strings.Contains(r[0].Error, "cancelled") || r[0].Done != 0 {
		t.Errorf("got %+v; want the task failed as cancelled with no host done", r[0])
	}
	if _, ended := col.ended("cancelme"); ended {
		t.Error("the collector recorded the end of a task it had cancelled")
	}
}

// TestInvalidTask ends at once, naming the field, without touching the
// network and without keeping the credentials.
func TestInvalidTask(t *testing.T) {
	t.Parallel()
	col, ts := newCollector(t)
	dir := t.TempDir()
	m := newManager(t, dir, ts.URL)
	start(t, m)
	m.Submit([]api.Task{{ID: "bad", Kind: api.TaskNetDiscovery, Targets: []string{"10.0.0.0/8"},
		Credentials: []snmp.Credential{{Version: "2c", Community: "secret-community"}}}})
	waitFor(t, "the refusal", 10*time.Second, func() bool { _, ok := col.ended("bad"); return ok })
	end, _ := col.ended("bad")
	if !strings.HasPrefix(end.Error, "targets: ") || end.Done != 0 {
		t.Errorf("got end %+v; want a targets error", end)
	}
	waitFor(t, "the task directory's removal", 10*time.Second, func() bool { n, _ := listDirs(dir); return len(n) == 0 })
	hist, err := os.ReadFile(filepath.Join(dir, historyFile))
	if err != nil || strings.Contains(string(hist), "secret-community") {
		t.Errorf("history %s (%v) must exist and hold no community", hist, err)
	}
}

// TestSysObjectIDsCache downloads the collector's sysobject.ids once,
// revalidates it with its ETag after a restart, and falls back to the
// installed copy when the collector has none.
func TestSysObjectIDsCache(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	dir := t.TempDir()
	m := newManager(t, dir, ts.URL)
	start(t, m)
	for _, id := range []string{"a", "b"} {
		m.Submit([]api.Task{simTask(s, id, api.TaskNetInventory, s.Addrs[0])})
		waitFor(t, "task "+id, time.Minute, func() bool { _, ok := col.ended(id); return ok })
	}
	col.mu.Lock()
	gets, sent := col.sysGets, col.sysSent
	manufacturer := col.reports["a"][0].Content.NetworkDevice.Manufacturer
	col.mu.Unlock()
	if gets != 1 || sent != 1 {
		t.Errorf("got %d requests, %d downloads; want one of each for two tasks in a day", gets, sent)
	}
	if manufacturer != "Brother" {
		t.Errorf("got manufacturer %q; want Brother", manufacturer)
	}
	if _, err := os.Stat(filepath.Join(dir, SysObjectIDsFile)); err != nil {
		t.Errorf("no cached copy: %v", err)
	}

	m2 := newManager(t, dir, ts.URL)
	if db := m2.sysObjectDB(t.Context()); db.Len() < 1000 {
		t.Errorf("after a restart: got %d entries; want the cached file", db.Len())
	}
	col.mu.Lock()
	gets, sent = col.sysGets, col.sysSent
	col.sysobj = nil // from now on the collector has none
	col.mu.Unlock()
	if gets != 2 || sent != 1 {
		t.Errorf("got %d requests, %d downloads; want a 304 after the restart", gets, sent)
	}

	m3 := newManager(t, t.TempDir(), ts.URL)
	m3.opts.SysObjectIDs = []string{filepath.Join(t.TempDir(), "absent"), sysObjectIDsPath}
	if db := m3.sysObjectDB(t.Context()); db.Len() < 1000 {
		t.Errorf("collector without a file: got %d entries; want the installed copy", db.Len())
	}
	m4 := newManager(t, t.TempDir(), ts.URL)
	m4.opts.SysObjectIDs = nil
	if db := m4.sysObjectDB(t.Context()); db != nil {
		t.Errorf("nothing anywhere: got %d entries; want none", db.Len())
	}
}

// TestNextPhaseSameID runs a run's inventory after its discovery: the
// collector gives both under the run's ID.
func TestNextPhaseSameID(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	m := newManager(t, t.TempDir(), ts.URL)
	start(t, m)
	finished := func() int {
		col.mu.Lock()
		defer col.mu.Unlock()
		n := 0
		for _, p := range col.progress["5"] {
			if p.Finished {
				n++
			}
		}
		return n
	}
	disc := simTask(s, "5", api.TaskNetDiscovery, simIPs[0])
	m.Submit([]api.Task{disc})
	waitFor(t, "the discovery's end", time.Minute, func() bool { return finished() == 1 })
	m.Submit([]api.Task{disc, simTask(s, "5", api.TaskNetInventory, s.Addrs[0])})
	waitFor(t, "the inventory's end", time.Minute, func() bool { return finished() == 2 })
	col.mu.Lock()
	var actions []string
	for _, r := range col.reports["5"] {
		actions = append(actions, r.Action)
	}
	col.mu.Unlock()
	if want := []string{"netdiscovery", "netinventory"}; !slices.Equal(actions, want) {
		t.Errorf("got reports %v; want %v (the discovery once, then the inventory)", actions, want)
	}
}

// RunPending (`parc-agent run --once`) runs a submitted task and delivers
// its report and end before it returns, with no Run loop; with the
// collector down it says so and keeps them for the next start.
func TestRunPending(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	m := newManager(t, t.TempDir(), ts.URL)
	m.Submit([]api.Task{simTask(s, "once-1", api.TaskNetInventory, s.Addrs[0])})
	if err := m.RunPending(context.Background()); err != nil {
		t.Fatal(err)
	}
	end, ok := col.ended("once-1")
	col.mu.Lock()
	reps := len(col.reports["once-1"])
	col.mu.Unlock()
	if !ok || end.Done != 1 || end.Found != 1 || reps != 1 {
		t.Fatalf("after RunPending: end %+v (%v), %d reports; want the printer's report and the end delivered", end, ok, reps)
	}

	col.setDown(true)
	m.Submit([]api.Task{simTask(s, "once-2", api.TaskNetInventory, s.Addrs[0])})
	if err := m.RunPending(context.Background()); err == nil {
		t.Fatal("RunPending with the collector down: got no error")
	}
	if r := m.Status(); len(r) != 2 || r[0].ID != "once-2" || r[0].State != StateFinished || r[0].Delivered {
		t.Errorf("got %+v; want once-2 finished, not delivered", r)
	}
	col.setDown(false)
	if err := m.RunPending(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, ok := col.ended("once-2"); !ok {
		t.Error("once-2's end was not delivered once the collector was back")
	}
}

// An inventory interrupted by the agent stopping goes on from where it
// stopped at the next start: the device read before the stop is not read
// (nor reported) again, and the end counts it.
func TestInterruptedTaskResumes(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	// A host that reads and never answers keeps the task running.
	c, err := net.ListenPacket("udp", net.JoinHostPort("127.0.4.11", strconv.Itoa(s.Port)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	dir := t.TempDir()
	m := newManager(t, dir, ts.URL)
	stop := start(t, m)
	task := simTask(s, "resume", api.TaskNetInventory, s.Addrs[0], "127.0.4.11")
	task.TimeoutMillis, task.Retries, task.Workers = 1500, 0, 1
	m.Submit([]api.Task{task})
	reports := func() int {
		col.mu.Lock()
		defer col.mu.Unlock()
		return len(col.reports["resume"])
	}
	waitFor(t, "the first device's report", time.Minute, func() bool { return reports() == 1 })
	stop()
	if _, ended := col.ended("resume"); ended {
		t.Fatal("the interrupted task was reported ended")
	}

	m2 := newManager(t, dir, ts.URL)
	start(t, m2)
	waitFor(t, "the resumed task's end", time.Minute, func() bool { _, ok := col.ended("resume"); return ok })
	end, _ := col.ended("resume")
	if n := reports(); n != 1 {
		t.Errorf("got %d reports; want 1: the device read before the stop is not read again", n)
	}
	if end.Done != 2 || end.Total != 2 || end.Found != 1 || end.Error != "" {
		t.Errorf("got end %+v; want 2 of 2 done, 1 found, no error (one device was read)", end)
	}
}
