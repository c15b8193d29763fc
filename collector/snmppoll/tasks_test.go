package snmppoll_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/snmp"
)

// TestAgentTasksStale: a queued run is handed out once; a contact while
// it runs gets nothing and leaves it running; once the agent has had it
// longer than StaleAgentRun, the next contact fails it with the reason.
func TestAgentTasksStale(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, "sqlite")
	ing, err := ingest.New(st, nil, quiet)
	if err != nil {
		t.Fatal(err)
	}
	key, err := snmppoll.LoadKey(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	svc, err := snmppoll.New(st, ing, quiet, snmppoll.Options{DataDir: t.TempDir(), Key: key,
		SysObjectIDs: "../../../shared/fixtures/sysobject.ids", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	cred, err := svc.CreateCredential(ctx, "c", snmp.Credential{Version: "2c", Community: "public"})
	if err != nil {
		t.Fatal(err)
	}
	agent := &store.Agent{DeviceID: "remote-2026", Hostname: "remote", TokenHash: "h"}
	if err := st.CreateAgent(ctx, agent); err != nil {
		t.Fatal(err)
	}
	q, err := store.SNMP(st)
	if err != nil {
		t.Fatal(err)
	}
	j := &store.SNMPJob{Name: "remote", Targets: []string{"10.9.0.0/29"}, CredentialIDs: []int64{cred.ID},
		TimeoutMS: 1000, Port: 161, AgentID: agent.ID}
	if err := q.CreateSNMPJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	run := &store.SNMPRun{JobID: j.ID, AgentID: agent.ID}
	if err := q.CreateSNMPRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	contact := func(want int) {
		t.Helper()
		tasks, err := svc.AgentTasks(ctx, agent.ID)
		if err != nil || len(tasks) != want {
			t.Fatalf("got tasks %+v, %v; want %d", tasks, err, want)
		}
	}
	contact(1)
	now = now.Add(snmppoll.StaleAgentRun - time.Minute)
	contact(0)
	if got, _ := q.GetSNMPRun(ctx, run.ID); got.State != store.SNMPRunRunning {
		t.Fatalf("got run %+v; want it still running within the delay", got)
	}
	now = now.Add(2 * time.Minute)
	contact(0)
	got, err := q.GetSNMPRun(ctx, run.ID)
	if err != nil || got.State != store.SNMPRunFailed || !strings.Contains(got.Error, "did not finish") {
		t.Fatalf("got run %+v, %v; want it failed as not finished in time", got, err)
	}
}
