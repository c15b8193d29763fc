package tasks

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// TestDiscoveryTask sweeps a range where two addresses answer SNMP and one
// is only in the neighbour table: three reports reach the collector with
// the task's ID, before the task's end, whose counts match.
func TestDiscoveryTask(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	dir := t.TempDir()
	m := newManager(t, dir, ts.URL)
	start(t, m)
	m.Submit([]api.Task{simTask(s, "42", api.TaskNetDiscovery, simRange)})
	waitFor(t, "the task's end", time.Minute, func() bool { _, ok := col.ended("42"); return ok })

	end, _ := col.ended("42")
	if end.Done != 14 || end.Total != 14 || end.Found != 3 || end.Error != "" {
		t.Errorf("got end %+v; want done 14/14, found 3, no error", end)
	}
	col.mu.Lock()
	defer col.mu.Unlock()
	var snmpIPs, unmanaged []string
	for _, r := range col.reports["42"] {
		nd := r.Content.NetworkDevice
		if r.Action != inventory.ActionNetDiscovery || r.DeviceID != "site-agent-2026-11-23-10-00-00" || r.JobID != 42 {
			t.Errorf("got action %q, deviceid %q, jobid %d; want netdiscovery from the agent, job 42", r.Action, r.DeviceID, r.JobID)
		}
		if r.ItemType == "Unmanaged" {
			unmanaged = append(unmanaged, nd.IPs[0])
			if nd.MAC != "52:54:00:ab:cd:07" {
				t.Errorf("unmanaged MAC: got %q; want the neighbour table's", nd.MAC)
			}
			continue
		}
		snmpIPs = append(snmpIPs, nd.IPs[0])
		if r.ItemType != "Printer" || nd.Serial != "000A5J431816" || nd.Credentials != 2 || nd.Manufacturer != "Brother" {
			t.Errorf("got %s %q serial %q credential %d; want a Brother Printer 000A5J431816 read with credential 2",
				r.ItemType, nd.Manufacturer, nd.Serial, nd.Credentials)
		}
	}
	slices.Sort(snmpIPs)
	if !slices.Equal(snmpIPs, simIPs) || !slices.Equal(unmanaged, []string{"127.0.4.7"}) {
		t.Errorf("got SNMP devices %v and unmanaged %v; want %v and [127.0.4.7]", snmpIPs, unmanaged, simIPs)
	}
	if n := len(col.events); n == 0 || col.events[n-1] != "end 42" {
		t.Errorf("got events %v; want the end after every report", col.events)
	}
	for _, p := range col.progress["42"][:len(col.progress["42"])-1] {
		if p.Finished || p.Total != 14 {
			t.Errorf("got an intermediate progress %+v; want unfinished, of 14 hosts", p)
		}
	}
}

// TestInventoryTask reads one device in full through the second
// credential, and names the host that answers nothing.
func TestInventoryTask(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	m := newManager(t, t.TempDir(), ts.URL)
	start(t, m)
	task := simTask(s, "inv-7", api.TaskNetInventory, s.Addrs[0])
	m.Submit([]api.Task{task})
	waitFor(t, "the task's end", time.Minute, func() bool { _, ok := col.ended("inv-7"); return ok })
	end, _ := col.ended("inv-7")
	if end.Done != 1 || end.Total != 1 || end.Found != 1 || end.Error != "" {
		t.Errorf("got end %+v; want 1/1, found 1, no error", end)
	}
	col.mu.Lock()
	reps := col.reports["inv-7"]
	col.mu.Unlock()
	if len(reps) != 1 {
		t.Fatalf("got %d reports; want 1", len(reps))
	}
	r := reps[0]
	if r.Action != inventory.ActionNetInventory || r.ItemType != "Printer" || r.Content.NetworkDevice.Serial != "000A5J431816" {
		t.Errorf("got %s %s serial %q; want a netinventory of the Brother printer", r.Action, r.ItemType, r.Content.NetworkDevice.Serial)
	}
	if ips := r.Content.NetworkDevice.IPs; len(ips) == 0 || ips[0] != simIPs[0] {
		t.Errorf("got ips %q; want the address inventoried first (the printer lists none itself)", ips)
	}
	if len(r.Content.NetworkPorts) == 0 || r.Content.Cartridges == nil {
		t.Errorf("got %d ports, cartridges %s; want the printer's ports and toner", len(r.Content.NetworkPorts), r.Content.Cartridges)
	}

	// A host where nothing answers fails the task, with the reason per
	// credential and never the community itself.
	silent := simTask(s, "inv-8", api.TaskNetInventory, "127.0.4.3")
	silent.TimeoutMillis, silent.Retries = 200, 0
	m.Submit([]api.Task{silent})
	waitFor(t, "the failed task's end", time.Minute, func() bool { _, ok := col.ended("inv-8"); return ok })
	end, _ = col.ended("inv-8")
	if !strings.Contains(end.Error, "127.0.4.3") || !strings.Contains(end.Error, "no answer") || strings.Contains(end.Error, "brother") {
		t.Errorf("got error %q; want the host and \"no answer\", without the community", end.Error)
	}
	recs := m.Status()
	if len(recs) != 2 || recs[0].ID != "inv-8" || recs[0].State != StateFailed || recs[1].State != StateFinished || !recs[1].Delivered {
		t.Errorf("got history %+v; want inv-8 failed then inv-7 finished and delivered", recs)
	}
}

// TestCollectorDownThenRestart keeps a task's reports through a collector
// outage and an agent restart, and delivers them, then the end, once the
// collector is back.
func TestCollectorDownThenRestart(t *testing.T) {
	t.Parallel()
	s := needSim(t)
	col, ts := newCollector(t)
	col.setDown(true)
	dir := t.TempDir()
	m := newManager(t, dir, ts.URL)
	stop := start(t, m)
	task := simTask(s, "9", api.TaskNetInventory, s.Addrs...)
	m.Submit([]api.Task{task})
	waitFor(t, "the task's end on disk", time.Minute, func() bool {
		recs := m.Status()
		return len(recs) == 1 && recs[0].State == StateFinished
	})
	stop()
	if n := PendingReports(dir); n != 2 {
		t.Fatalf("got %d spooled reports; want 2", n)
	}
	names, _ := listDirs(dir)
	if len(names) != 1 {
		t.Fatalf("got task dirs %v; want one", names)
	}
	if _, err := os.Stat(filepath.Join(dir, names[0], taskFileName)); !os.IsNotExist(err) {
		t.Errorf("task.json (with the credentials) outlives the task: %v", err)
	}

	col.setDown(false)
	m2 := newManager(t, dir, ts.URL)
	start(t, m2)
	waitFor(t, "delivery after the restart", time.Minute, func() bool { _, ok := col.ended("9"); return ok })
	col.mu.Lock()
	got, events := len(col.reports["9"]), slices.Clone(col.events)
	col.mu.Unlock()
	if got != 2 || events[len(events)-1] != "end 9" {
		t.Errorf("got %d reports, events %v; want 2 reports then the end", got, events)
	}
	waitFor(t, "the task directory's removal", 10*time.Second, func() bool { n, _ := listDirs(dir); return len(n) == 0 })

	// The collector repeats the task: it is not run again.
	m2.Submit([]api.Task{task})
	if recs := m2.Status(); len(recs) != 1 || recs[0].State != StateFinished {
		t.Errorf("got history %+v; want the one finished task", recs)
	}
	if names, _ := listDirs(dir); len(names) != 0 {
		t.Errorf("a repeated task was queued again: %v", names)
	}
}
