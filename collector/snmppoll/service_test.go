package snmppoll_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/snmppoll/snmppolltest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/snmp"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// newService returns a service on a fresh SQLite store with a 32-byte key.
func newService(t *testing.T) (*snmppoll.Service, store.Store) {
	t.Helper()
	st := storetest.Open(t, "sqlite")
	ing, err := ingest.New(st, nil, quiet)
	if err != nil {
		t.Fatal(err)
	}
	key, err := snmppoll.LoadKey(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	// The neighbour table has seen 127.0.3.5, which answers no SNMP.
	arp := filepath.Join(t.TempDir(), "arp")
	os.WriteFile(arp, []byte("IP address       HW type     Flags       HW address            Mask     Device\n"+
		"127.0.3.5        0x1         0x2         00:1b:21:3a:4f:5e     *        lo\n"), 0o644)
	svc, err := snmppoll.New(st, ing, quiet, snmppoll.Options{DataDir: t.TempDir(), Key: key,
		SysObjectIDs: "../../../shared/fixtures/sysobject.ids", ARPTable: arp})
	if err != nil {
		t.Fatal(err)
	}
	return svc, st
}

// waitRun polls the run until it has finished.
func waitRun(t *testing.T, svc *snmppoll.Service, id int64) *store.SNMPRun {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		r, err := svc.Run(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Finished() {
			return r
		}
		if time.Now().After(deadline) {
			t.Fatalf("run %d still %s at %d/%d after 60 s", id, r.State, r.Done, r.Total)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestLocalRun sweeps the simulated site with a wrong then a right
// community: both devices are found with the right one, inventoried and
// imported, and the run's progress ends at 100 %.
func TestLocalRun(t *testing.T) {
	site := snmppolltest.Start(t, snmppolltest.Walks)
	svc, st := newService(t)
	ctx := context.Background()
	wrong, err := svc.CreateCredential(ctx, "wrong", snmp.Credential{Version: "2c", Community: "nope"})
	if err != nil {
		t.Fatal(err)
	}
	right, err := svc.CreateCredential(ctx, "site", snmp.Credential{Version: "2c", Community: snmppolltest.Community})
	if err != nil {
		t.Fatal(err)
	}
	j := &store.SNMPJob{Name: "site", Targets: []string{site.Range}, CredentialIDs: []int64{wrong.ID, right.ID},
		TimeoutMS: 300, Port: site.Port, AutoImport: true}
	if err := svc.SaveJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	w, err := jobs.NewWorker(st, quiet, jobs.WorkerOptions{Poll: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	svc.Register(w)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { w.Run(wctx); close(done) }()
	defer func() { cancel(); <-done }()
	runID, err := svc.RunNow(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	run := waitRun(t, svc, runID)
	if run.State != store.SNMPRunDone || run.Found != 3 || run.Done != run.Total || run.Total != 30+2 {
		t.Fatalf("got run %+v; want done, 3 found, 32 of 32 (30 hosts of the /27, 2 inventories)", run)
	}
	t.Logf("run of 30 addresses took %v", run.FinishedAt.Sub(run.StartedAt))
	results, err := svc.Results(ctx, runID)
	if err != nil {
		t.Fatal(err)
	}
	byIP := map[string]store.SNMPResult{}
	for _, r := range results {
		byIP[r.IP] = r
	}
	if u := byIP["127.0.3.5"]; u.Type != snmp.TypeUnmanaged || u.Status != store.SNMPUnmanaged || !strings.Contains(u.Report, "00:1b:21:3a:4f:5e") {
		t.Errorf("got %+v; want 127.0.3.5 listed as unmanaged with its MAC, not imported", u)
	}
	for ip, typ := range map[string]string{site.Printer: snmp.TypePrinter, site.Switch: snmp.TypeNetworking} {
		r, ok := byIP[ip]
		if !ok {
			t.Errorf("no result for %s; got %+v", ip, results)
			continue
		}
		if r.Type != typ || r.CredentialID != right.ID || r.Status != store.SNMPImported || r.AssetID == 0 {
			t.Errorf("%s: got %+v; want a %s found with credential %d and imported", ip, r, typ, right.ID)
		}
	}
}

// TestScheduledRuns: a due schedule makes a run of its job; a job given
// to an agent only queues the run for the agent.
func TestScheduledRuns(t *testing.T) {
	svc, st := newService(t)
	ctx := context.Background()
	cred, err := svc.CreateCredential(ctx, "c", snmp.Credential{Version: "2c", Community: "public"})
	if err != nil {
		t.Fatal(err)
	}
	agent := &store.Agent{DeviceID: "remote-2026", Hostname: "remote", TokenHash: "h"}
	if err := st.CreateAgent(ctx, agent); err != nil {
		t.Fatal(err)
	}
	// 127.0.3.99 answers nothing: the local run ends at once, empty.
	local := &store.SNMPJob{Name: "local", Targets: []string{"127.0.3.99"}, CredentialIDs: []int64{cred.ID}, Schedule: "every 6h",
		TimeoutMS: 100, Port: 161}
	remote := &store.SNMPJob{Name: "remote", Targets: []string{"10.9.0.0/29"}, CredentialIDs: []int64{cred.ID}, Schedule: "daily 02:30",
		TimeoutMS: 1000, Port: 161, AgentID: agent.ID}
	for _, j := range []*store.SNMPJob{local, remote} {
		if err := svc.SaveJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	jq, _ := store.Jobs(st)
	sc, err := jq.GetSchedule(ctx, "snmp.job:"+strconv.FormatInt(local.ID, 10))
	if err != nil || sc.Spec != "every 6h0m0s" {
		t.Fatalf("got schedule %+v, %v; want every 6h", sc, err)
	}
	// Make both occurrences due now, as if the time had come.
	for _, j := range []*store.SNMPJob{local, remote} {
		sc, err := jq.GetSchedule(ctx, "snmp.job:"+strconv.FormatInt(j.ID, 10))
		if err != nil {
			t.Fatal(err)
		}
		sc.NextRun = time.Now().Add(-time.Minute)
		if err := jq.PutSchedule(ctx, sc); err != nil {
			t.Fatal(err)
		}
	}
	n, err := jobs.NewScheduler(st, quiet, time.Hour).Tick(ctx, time.Now())
	if err != nil || n != 2 {
		t.Fatalf("tick: got %d, %v; want both jobs enqueued", n, err)
	}
	w, _ := jobs.NewWorker(st, quiet, jobs.WorkerOptions{Poll: 20 * time.Millisecond})
	svc.Register(w)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { w.Run(wctx); close(done) }()
	defer func() { cancel(); <-done }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		runs, _ := svc.Runs(ctx, 0, 10)
		var localDone, remoteQueued bool
		for _, r := range runs {
			localDone = localDone || (r.JobID == local.ID && r.State == store.SNMPRunDone && r.Found == 0)
			remoteQueued = remoteQueued || (r.JobID == remote.ID && r.State == store.SNMPRunQueued && r.AgentID == agent.ID)
		}
		if localDone && remoteQueued {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("got runs %+v; want the local one done and the remote one queued for its agent", runs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	tasks, err := svc.AgentTasks(ctx, agent.ID)
	if err != nil || len(tasks) != 1 || tasks[0].Targets[0] != "10.9.0.0/29" {
		t.Errorf("got tasks %+v, %v; want the remote job's sweep", tasks, err)
	}
	if err := svc.DeleteJob(ctx, local.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := jq.GetSchedule(ctx, "snmp.job:"+strconv.FormatInt(local.ID, 10)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("schedule of a deleted job: got %v; want it gone", err)
	}
}
