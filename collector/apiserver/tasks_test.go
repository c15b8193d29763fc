package apiserver

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// taskEnv is env with an SNMP task broker.
func taskEnv(t *testing.T, d string) (*env, *snmppoll.Service) {
	st := storetest.Open(t, d)
	ctx := context.Background()
	if err := st.SetSetting(ctx, store.SettingEnrollSecret, secret); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := snmppoll.LoadKey(t.TempDir(), "")
	svc, err := snmppoll.New(st, ing, log, snmppoll.Options{DataDir: t.TempDir(), Key: key})
	if err != nil {
		t.Fatal(err)
	}
	s := New(st, ing, log, Options{ContactEvery: time.Hour, FullEvery: 24 * time.Hour, Tasks: svc})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &env{t: t, st: st, srv: srv}, svc
}

func (e *env) contactTasks(tok, deviceid string) []api.Task {
	e.t.Helper()
	var got api.ContactResponse
	body, _ := json.Marshal(api.ContactRequest{DeviceID: deviceid, Version: "0.1.0"})
	if code := e.do("POST", api.PathContact, bearer(tok, ""), body, &got); code != 200 {
		e.t.Fatalf("contact %s: got %d", deviceid, code)
	}
	return got.Tasks
}

func (e *env) progress(tok, taskID string, p api.TaskProgress) int {
	body, _ := json.Marshal(p)
	return e.do("POST", "/api/v1/tasks/"+taskID+"/progress", bearer(tok, ""), body, nil)
}

func netReport(action, deviceid, ip string, credID int64) []byte {
	return []byte(fmt.Sprintf(`{"action":%q,"deviceid":%q,"itemtype":"Printer","content":{"versionclient":"Parc-Agent_v0.1.0",
		"network_device":{"type":"Printer","ips":[%q],"name":"HP-4F","serial":"CNB7K12345","mac":"00:17:c8:aa:bb:cc",
		"manufacturer":"Hewlett-Packard","model":"LaserJet M507","credentials":%d}}}`, action, deviceid, ip, credID))
}

// TestAgentTasks walks an agent's network task through both phases, and
// checks another agent can neither see it, report progress nor send
// devices for it.
func TestAgentTasks(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) { testAgentTasks(t, d) })
	}
}

func testAgentTasks(t *testing.T, d string) {
	e, svc := taskEnv(t, d)
	ctx := context.Background()
	tokA, tokB := e.enroll("site-a-2026"), e.enroll("site-b-2026")
	agentA, err := e.st.GetAgentByDeviceID(ctx, "site-a-2026")
	if err != nil {
		t.Fatal(err)
	}
	cred, err := svc.CreateCredential(ctx, "site", snmp.Credential{Version: "2c", Community: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	j := &store.SNMPJob{Name: "remote", Targets: []string{"10.9.0.0/29"}, CredentialIDs: []int64{cred.ID}, TimeoutMS: 800,
		Port: 161, AgentID: agentA.ID, AutoImport: true}
	if err := svc.SaveJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	runID, err := svc.RunNow(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := e.contactTasks(tokB, "site-b-2026"); len(got) != 0 {
		t.Fatalf("agent B got tasks %+v; want none", got)
	}
	tasks := e.contactTasks(tokA, "site-a-2026")
	if len(tasks) != 1 || tasks[0].Kind != api.TaskNetDiscovery || tasks[0].Targets[0] != "10.9.0.0/29" ||
		len(tasks[0].Credentials) != 1 || tasks[0].Credentials[0].Community != "s3cret" || tasks[0].Credentials[0].ID != cred.ID {
		t.Fatalf("agent A got %+v; want one discovery task with the job's targets and community", tasks)
	}
	id := tasks[0].ID
	if again := e.contactTasks(tokA, "site-a-2026"); len(again) != 0 {
		t.Errorf("second contact got %+v; want the task handed out once", again)
	}
	if code := e.progress(tokB, id, api.TaskProgress{Done: 1, Total: 6}); code != 403 {
		t.Errorf("progress from agent B: got %d; want 403", code)
	}
	if code := e.progress(tokA, id, api.TaskProgress{Done: 7, Total: 6}); code != 400 {
		t.Errorf("progress done > total: got %d; want 400", code)
	}
	if code := e.progress(tokA, id, api.TaskProgress{Done: 3, Total: 6, Found: 1}); code != 204 {
		t.Errorf("progress: got %d; want 204", code)
	}
	taskHdr := func(tok, rid string) map[string]string { return bearer(tok, rid, api.HeaderTaskID, id) }
	if code := e.do("POST", api.PathInventory, taskHdr(tokB, "r-b"), netReport("netdiscovery", "site-b-2026", "10.9.0.5", cred.ID), nil); code != 403 {
		t.Errorf("report from agent B for A's task: got %d; want 403", code)
	}
	if code := e.do("POST", api.PathInventory, taskHdr(tokA, "r-0"), netReport("netdiscovery", "site-a-2026", "192.168.1.9", cred.ID), nil); code != 400 {
		t.Errorf("report of a device outside the task's targets: got %d; want 400", code)
	}
	if code := e.do("POST", api.PathInventory, taskHdr(tokA, "r-1"), netReport("netdiscovery", "site-a-2026", "10.9.0.5", cred.ID), nil); code != 200 {
		t.Fatalf("discovery report: got %d; want 200", code)
	}
	if code := e.progress(tokA, id, api.TaskProgress{Done: 6, Total: 6, Found: 1, Finished: true}); code != 204 {
		t.Fatalf("last discovery progress: got %d; want 204", code)
	}
	inv := e.contactTasks(tokA, "site-a-2026")
	if len(inv) != 1 || inv[0].Kind != api.TaskNetInventory || len(inv[0].Targets) != 1 || inv[0].Targets[0] != "10.9.0.5" {
		t.Fatalf("after discovery got %+v; want an inventory task of 10.9.0.5", inv)
	}
	var resp api.InventoryResponse
	if code := e.do("POST", api.PathInventory, taskHdr(tokA, "r-2"), netReport("netinventory", "site-a-2026", "10.9.0.5", cred.ID), &resp); code != 200 || resp.AssetID == "" {
		t.Fatalf("inventory report: got %d %+v; want 200 and the imported asset", code, resp)
	}
	if code := e.progress(tokA, id, api.TaskProgress{Done: 1, Total: 1, Finished: true}); code != 204 {
		t.Fatalf("last inventory progress: got %d; want 204", code)
	}
	run, err := svc.Run(ctx, runID)
	if err != nil {
		t.Fatal(err)
	}
	if run.State != store.SNMPRunDone || run.Found != 1 || run.Done != 1 {
		t.Errorf("got run %+v; want done with 1 device found", run)
	}
	results, _ := svc.Results(ctx, runID)
	if len(results) != 1 || results[0].Status != store.SNMPImported || fmt.Sprint(results[0].AssetID) != resp.AssetID {
		t.Errorf("got results %+v; want 10.9.0.5 imported as asset %s", results, resp.AssetID)
	}
	if code := e.progress(tokA, id, api.TaskProgress{Done: 1, Total: 1}); code != 409 {
		t.Errorf("progress on a finished task: got %d; want 409", code)
	}
	if code := e.progress(tokA, "999", api.TaskProgress{}); code != 404 {
		t.Errorf("progress on an unknown task: got %d; want 404", code)
	}
}
