package web

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
)

// withNetwork gives e's web UI a network discovery service on e's store.
func (e *env) withNetwork() *snmppoll.Service {
	e.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(e.st, nil, log)
	if err != nil {
		e.t.Fatal(err)
	}
	key, err := snmppoll.LoadKey(e.t.TempDir(), "")
	if err != nil {
		e.t.Fatal(err)
	}
	svc, err := snmppoll.New(e.st, ing, log, snmppoll.Options{DataDir: e.t.TempDir(), Key: key,
		SysObjectIDs: "../../../shared/fixtures/sysobject.ids"})
	if err != nil {
		e.t.Fatal(err)
	}
	srv, err := New(e.st, log, Options{Network: svc})
	if err != nil {
		e.t.Fatal(err)
	}
	e.srv = srv
	e.ts = httptest.NewServer(srv.Handler())
	e.t.Cleanup(e.ts.Close)
	return svc
}

func wantIn(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

// TestNetworkForms creates credentials and jobs through the forms: wrong
// fields are named and keep what was typed, secrets never come back.
func TestNetworkForms(t *testing.T) {
	e := newEnv(t)
	svc := e.withNetwork()
	admin := e.as(store.RoleAdmin)
	admin.get("/network/credentials")
	resp, body := admin.post("/network/credentials", url.Values{"name": {"v3 core"}, "version": {"3"}, "auth_protocol": {"SHA"},
		"auth_passphrase": {"short"}})
	wantStatus(t, resp, http.StatusBadRequest)
	wantIn(t, body, `id="err-username"`, `value="v3 core"`)
	resp, _ = admin.post("/network/credentials", url.Values{"name": {"lan"}, "version": {"2c"}, "community": {"n0t-public"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = admin.get("/network/credentials")
	wantIn(t, body, "lan", "v2c")
	if strings.Contains(body, "n0t-public") {
		t.Error("the credentials page shows the community; secrets must be write-only")
	}
	creds, _ := svc.Credentials(ctx)
	if len(creds) != 1 || strings.Contains(creds[0].Secret, "n0t-public") {
		t.Fatalf("got %+v; want one credential with its community sealed", creds)
	}
	credID := fmt.Sprint(creds[0].ID)

	_, _ = admin.get("/network/jobs/new")
	resp, body = admin.post("/network/jobs", url.Values{"name": {"printers"}, "targets": {"10.0.0.0/33"}, "credential1": {credID},
		"mode": {"daily"}, "daily_at": {"25:00"}, "workers": {"0"}, "timeout": {"50"}, "retries": {"1"}, "port": {"70000"}})
	wantStatus(t, resp, http.StatusBadRequest)
	wantIn(t, body, `id="err-targets"`, `id="err-daily_at"`, `id="err-timeout"`, `id="err-port"`, `value="printers"`)
	resp, _ = admin.post("/network/jobs", url.Values{"name": {"printers"}, "targets": {"10.0.0.0/24\n10.0.1.5"}, "credential1": {credID},
		"mode": {"hours"}, "every_hours": {"6"}, "workers": {"64"}, "timeout": {"800"}, "retries": {"2"}, "port": {"161"}, "auto_import": {"1"}})
	wantStatus(t, resp, http.StatusSeeOther)
	jobs, _ := svc.Jobs(ctx)
	if len(jobs) != 1 || jobs[0].Schedule != "every 6h" || len(jobs[0].Targets) != 2 || !jobs[0].AutoImport || jobs[0].Workers != 64 {
		t.Fatalf("got %+v; want the job as typed", jobs)
	}
	jobID := fmt.Sprint(jobs[0].ID)
	_, body = admin.get("/network/jobs/" + jobID + "/edit")
	wantIn(t, body, `value="6"`, "10.0.1.5", `value="800"`)
	resp, body = admin.post("/network/jobs", url.Values{"name": {"printers"}, "targets": {"10.0.2.1"}, "credential1": {credID},
		"mode": {"manual"}, "workers": {"0"}, "timeout": {"1000"}, "retries": {"1"}, "port": {"161"}})
	wantStatus(t, resp, http.StatusBadRequest)
	wantIn(t, body, `id="err-name"`)

	resp, body = admin.post("/network/credentials/"+credID+"/delete", nil)
	wantStatus(t, resp, http.StatusConflict)
	wantIn(t, body, `id="in-use"`)

	tech := e.as(store.RoleTechnician)
	_, body = tech.get("/network")
	wantIn(t, body, "printers", "every 6h", `id="run-`+jobID+`"`)
	if strings.Contains(body, "/network/jobs/"+jobID+"/edit") {
		t.Error("a technician sees the edit link of a job; only administrators manage jobs")
	}
	resp, _ = tech.post("/network/jobs/"+jobID+"/run", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	runPath := resp.Header.Get("Location")
	resp, _ = tech.post("/network/jobs/"+jobID+"/run", nil)
	if again := resp.Header.Get("Location"); again != runPath {
		t.Errorf("run now while a run waits: went to %q; want the waiting run %q", again, runPath)
	}
	_, body = tech.get(runPath)
	wantIn(t, body, `<noscript><meta http-equiv="refresh"`, `id="run-progress"`, "js/network_run.", "printers")
	_, body = tech.get(runPath + "/progress")
	var p runProgress
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.State != store.SNMPRunQueued || p.Finished {
		t.Errorf("progress: got %q (%v); want a queued run as JSON", body, err)
	}
	tech.post("/lang", url.Values{"lang": {"fr"}})
	_, body = tech.get(runPath)
	wantIn(t, body, "Découverte réseau", "Progression", "En attente", `id="cancel-run"`, "Annuler")

	// The technician cancels the waiting run: it reads cancelled, with no
	// cancel button any more; a second cancel is refused.
	resp, _ = tech.post(runPath+"/cancel", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != runPath {
		t.Errorf("cancel went to %q; want the run %q", loc, runPath)
	}
	_, body = tech.get(runPath)
	wantIn(t, body, `data-state="cancelled"`, "Annulée", "cancelled by "+store.RoleTechnician)
	if strings.Contains(body, `id="cancel-run"`) {
		t.Error("a cancelled run still offers to cancel it")
	}
	_, body = tech.get(runPath + "/progress")
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.State != "cancelled" || !p.Finished {
		t.Errorf("progress after cancel: got %q (%v); want cancelled and finished", body, err)
	}
	_, body = tech.get("/network")
	wantIn(t, body, `id="run-list"`, "Annulée")
	resp, _ = tech.post(runPath+"/cancel", nil)
	wantStatus(t, resp, http.StatusConflict)
	resp, _ = tech.post("/network/runs/999999/cancel", nil)
	wantStatus(t, resp, http.StatusNotFound)

	resp, _ = admin.post("/network/jobs/"+jobID+"/delete", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = tech.get(runPath)
	wantStatus(t, resp, http.StatusNotFound)
}

// TestNetworkImport imports a device a run kept for a technician.
func TestNetworkImport(t *testing.T) {
	e := newEnv(t)
	e.withNetwork()
	q, _ := store.SNMP(e.st)
	cred := &store.SNMPCredential{Name: "c", Version: "2c", Secret: "x"}
	if err := q.CreateSNMPCredential(ctx, cred); err != nil {
		t.Fatal(err)
	}
	j := &store.SNMPJob{Name: "j", Targets: []string{"10.9.0.5"}, CredentialIDs: []int64{cred.ID}, TimeoutMS: 1000, Port: 161}
	if err := q.CreateSNMPJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	run := &store.SNMPRun{JobID: j.ID}
	if err := q.CreateSNMPRun(ctx, run); err != nil {
		t.Fatal(err)
	}
	res := &store.SNMPResult{RunID: run.ID, IP: "10.9.0.5", Type: "Printer", Name: "HP-4F", CredentialID: cred.ID, Status: store.SNMPUnmanaged,
		Report: `{"action":"netinventory","deviceid":"parc-collector-test","itemtype":"Printer","content":{"versionclient":"Parc-Collector_vdev",
		"network_device":{"type":"Printer","ips":["10.9.0.5"],"name":"HP-4F","serial":"CNB7K12345","mac":"00:17:c8:aa:bb:cc","manufacturer":"Hewlett-Packard"}}}`}
	if err := q.PutSNMPResult(ctx, res); err != nil {
		t.Fatal(err)
	}
	tech := e.as(store.RoleTechnician)
	_, body := tech.get(fmt.Sprintf("/network/runs/%d", run.ID))
	wantIn(t, body, "10.9.0.5", "HP-4F", fmt.Sprintf(`action="/network/results/%d/import"`, res.ID))
	resp, _ := tech.post(fmt.Sprintf("/network/results/%d/import", res.ID), nil)
	wantStatus(t, resp, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/assets/") {
		t.Fatalf("got location %q; want the imported asset", loc)
	}
	got, _ := q.GetSNMPResult(ctx, res.ID)
	if got.Status != store.SNMPImported || got.AssetID == 0 || got.Report != "" {
		t.Errorf("got %+v; want imported with its asset, report dropped", got)
	}
	resp, _ = tech.post(fmt.Sprintf("/network/results/%d/import", res.ID), nil)
	wantStatus(t, resp, http.StatusConflict)
}
