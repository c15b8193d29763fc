package storetest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunSNMP runs the conformance suite of store.SNMPQueries; open must
// return a fresh, migrated store.
func RunSNMP(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, q store.SNMPQueries)
	}{
		{"Credentials", testSNMPCredentials},
		{"Jobs", testSNMPJobs},
		{"Runs", testSNMPRuns},
		{"CancelRun", testSNMPCancelRun},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			q, err := store.SNMP(st)
			must(t, err)
			tc.fn(t, st, q)
		})
	}
}

// PostgresDSN returns the DSN of a fresh, empty PostgreSQL schema dropped
// at cleanup, for tests that open several stores (several collectors) on
// one database.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	return postgresSchema(t)
}

func snmpCred(t *testing.T, q store.SNMPQueries, name string) *store.SNMPCredential {
	t.Helper()
	c := &store.SNMPCredential{Name: name, Version: "2c", Secret: "sealed:" + name}
	must(t, q.CreateSNMPCredential(ctx, c))
	return c
}

func testSNMPCredentials(t *testing.T, _ store.Store, q store.SNMPQueries) {
	v3 := &store.SNMPCredential{Name: "core v3", Version: "3", Username: "ops", AuthProtocol: "SHA", PrivProtocol: "AES", Secret: "s3"}
	must(t, q.CreateSNMPCredential(ctx, v3))
	pub := snmpCred(t, q, "public")
	wantErr(t, q.CreateSNMPCredential(ctx, &store.SNMPCredential{Name: "public", Version: "1", Secret: "x"}), store.ErrConflict)
	got, err := q.GetSNMPCredential(ctx, v3.ID)
	must(t, err)
	if got.Username != "ops" || got.AuthProtocol != "SHA" || got.PrivProtocol != "AES" || got.Secret != "s3" {
		t.Errorf("got %+v; want %+v", got, v3)
	}
	list, err := q.ListSNMPCredentials(ctx)
	must(t, err)
	if len(list) != 2 || list[0].Name != "core v3" || list[1].Name != "public" {
		t.Errorf("got %+v; want core v3 then public", list)
	}
	j := &store.SNMPJob{Name: "lan", Targets: []string{"10.0.0.0/24"}, CredentialIDs: []int64{pub.ID}}
	must(t, q.CreateSNMPJob(ctx, j))
	wantErr(t, q.DeleteSNMPCredential(ctx, pub.ID), store.ErrConflict)
	must(t, q.DeleteSNMPCredential(ctx, v3.ID))
	wantErr(t, q.DeleteSNMPCredential(ctx, v3.ID), store.ErrNotFound)
}

func testSNMPJobs(t *testing.T, st store.Store, q store.SNMPQueries) {
	a, b := snmpCred(t, q, "a"), snmpCred(t, q, "b")
	agent := &store.Agent{DeviceID: "site-b-2026", Hostname: "site-b", TokenHash: "h-site-b"}
	must(t, st.CreateAgent(ctx, agent))
	j := &store.SNMPJob{Name: "printers", Targets: []string{"10.0.0.0/24", "10.0.1.5"}, CredentialIDs: []int64{b.ID, a.ID},
		Schedule: "daily 02:30", Workers: 64, TimeoutMS: 800, Retries: 2, Port: 1161, AgentID: agent.ID, AutoImport: true}
	must(t, q.CreateSNMPJob(ctx, j))
	wantErr(t, q.CreateSNMPJob(ctx, &store.SNMPJob{Name: "printers", Targets: []string{"x"}}), store.ErrConflict)
	wantErr(t, q.CreateSNMPJob(ctx, &store.SNMPJob{Name: "ghost", Targets: []string{"x"}, CredentialIDs: []int64{9999}}), store.ErrNotFound)
	got, err := q.GetSNMPJob(ctx, j.ID)
	must(t, err)
	if got.Name != "printers" || len(got.Targets) != 2 || got.Targets[1] != "10.0.1.5" || len(got.CredentialIDs) != 2 ||
		got.CredentialIDs[0] != b.ID || got.CredentialIDs[1] != a.ID || got.Schedule != "daily 02:30" || got.Workers != 64 ||
		got.TimeoutMS != 800 || got.Retries != 2 || got.Port != 1161 || got.AgentID != agent.ID || !got.AutoImport {
		t.Fatalf("got %+v; want %+v", got, j)
	}
	got.CredentialIDs, got.AgentID, got.AutoImport, got.Schedule = []int64{a.ID}, 0, false, ""
	must(t, q.UpdateSNMPJob(ctx, got))
	again, err := q.GetSNMPJob(ctx, j.ID)
	must(t, err)
	if len(again.CredentialIDs) != 1 || again.CredentialIDs[0] != a.ID || again.AgentID != 0 || again.AutoImport || again.Schedule != "" {
		t.Errorf("got %+v after update; want one credential, no agent, no auto-import, manual", again)
	}
	list, err := q.ListSNMPJobs(ctx)
	must(t, err)
	if len(list) != 1 || list[0].ID != j.ID {
		t.Errorf("got %+v; want the one job", list)
	}
	must(t, q.DeleteSNMPJob(ctx, j.ID))
	wantErr(t, q.DeleteSNMPJob(ctx, j.ID), store.ErrNotFound)
	must(t, q.DeleteSNMPCredential(ctx, a.ID)) // no job uses it any more
}

func testSNMPRuns(t *testing.T, st store.Store, q store.SNMPQueries) {
	c := snmpCred(t, q, "public")
	agent := &store.Agent{DeviceID: "remote-2026", Hostname: "remote", TokenHash: "h-remote"}
	must(t, st.CreateAgent(ctx, agent))
	j := &store.SNMPJob{Name: "site", Targets: []string{"10.0.0.0/30"}, CredentialIDs: []int64{c.ID}, AgentID: agent.ID}
	must(t, q.CreateSNMPJob(ctx, j))
	r := &store.SNMPRun{JobID: j.ID, AgentID: agent.ID}
	must(t, q.CreateSNMPRun(ctx, r))
	queued, err := q.QueuedAgentRuns(ctx, agent.ID)
	must(t, err)
	if len(queued) != 1 || queued[0].ID != r.ID || queued[0].JobName != "site" || queued[0].Phase != store.SNMPPhaseDiscovery {
		t.Fatalf("got queued %+v; want run %d of job site", queued, r.ID)
	}
	wantDue := func(before time.Time, queued, stale int) {
		t.Helper()
		gq, gs, err := q.AgentRunsDue(ctx, agent.ID, before)
		must(t, err)
		if gq != queued || gs != stale {
			t.Errorf("runs due before %v: got %d queued, %d stale; want %d, %d", before, gq, gs, queued, stale)
		}
	}
	wantDue(jt0.Add(time.Hour), 1, 0)
	if gq, gs, err := q.AgentRunsDue(ctx, agent.ID+1000, jt0.Add(time.Hour)); err != nil || gq != 0 || gs != 0 {
		t.Errorf("runs due for an unknown agent: got %d, %d, %v; want 0, 0, nil", gq, gs, err)
	}
	wantErr(t, q.SetSNMPRunProgress(ctx, r.ID, 1, 4, 0), store.ErrNotFound) // not started
	ok, err := q.StartSNMPRun(ctx, r.ID, jt0)
	must(t, err)
	twice, err := q.StartSNMPRun(ctx, r.ID, jt0)
	must(t, err)
	if !ok || twice {
		t.Errorf("start twice: got %v then %v; want true then false", ok, twice)
	}
	wantDue(jt0, 0, 0)                // started at jt0: not before it
	wantDue(jt0.Add(time.Hour), 0, 1) // started more than the delay ago
	must(t, q.SetSNMPRunProgress(ctx, r.ID, 4, 4, 1))
	must(t, q.NextSNMPRunPhase(ctx, r.ID, store.SNMPPhaseInventory))
	got, err := q.GetSNMPRun(ctx, r.ID)
	must(t, err)
	if got.State != store.SNMPRunQueued || got.Phase != store.SNMPPhaseInventory || got.Found != 1 || got.Total != 0 || !got.StartedAt.Equal(jt0) {
		t.Errorf("got %+v; want queued for inventory, found 1, started at jt0", got)
	}
	res := &store.SNMPResult{RunID: r.ID, IP: "10.0.0.2", Type: "printer", Name: "hp", CredentialID: c.ID,
		Status: store.SNMPUnmanaged, Report: `{"action":"netdiscovery"}`}
	must(t, q.PutSNMPResult(ctx, res))
	first := res.ID
	res.Report, res.Name = `{"action":"netinventory"}`, "HP-4F"
	must(t, q.PutSNMPResult(ctx, res))
	if res.ID != first {
		t.Errorf("got result ID %d on update; want %d (same run and IP)", res.ID, first)
	}
	asset := &store.Asset{Type: store.TypePrinter, Name: "HP-4F"}
	must(t, st.CreateAsset(ctx, asset))
	must(t, q.MarkSNMPResultImported(ctx, res.ID, asset.ID))
	wantErr(t, q.MarkSNMPResultImported(ctx, res.ID, asset.ID), store.ErrNotFound)
	list, err := q.ListSNMPResults(ctx, r.ID)
	must(t, err)
	if len(list) != 1 || list[0].Status != store.SNMPImported || list[0].AssetID != asset.ID || list[0].Report != "" || list[0].Name != "HP-4F" {
		t.Errorf("got %+v; want one imported result of asset %d", list, asset.ID)
	}
	must(t, q.FinishSNMPRun(ctx, r.ID, store.SNMPRunDone, "", jt0.Add(time.Minute)))
	wantErr(t, q.FinishSNMPRun(ctx, r.ID, store.SNMPRunFailed, "again", jt0), store.ErrNotFound)
	stale := &store.SNMPRun{JobID: j.ID, AgentID: agent.ID}
	must(t, q.CreateSNMPRun(ctx, stale))
	if _, err := q.StartSNMPRun(ctx, stale.ID, jt0); err != nil {
		t.Fatal(err)
	}
	n, err := q.FailStaleAgentRuns(ctx, agent.ID, jt0.Add(time.Hour), "lost", jt0.Add(2*time.Hour))
	must(t, err)
	if got, _ := q.GetSNMPRun(ctx, stale.ID); n != 1 || got.State != store.SNMPRunFailed || got.Error != "lost" {
		t.Errorf("stale run: failed %d, got %+v; want the one run failed with its reason", n, got)
	}
	runs, err := q.ListSNMPRuns(ctx, 0, 10)
	must(t, err)
	if len(runs) != 2 || !runs[1].Finished() || runs[1].FinishedAt.IsZero() || runs[0].ID != stale.ID {
		t.Errorf("got %+v; want both runs finished, newest first", runs)
	}
}

// A queued or running run can be cancelled once; a finished one cannot,
// and a cancelled run takes no more progress nor end.
func testSNMPCancelRun(t *testing.T, st store.Store, q store.SNMPQueries) {
	c := snmpCred(t, q, "public")
	j := &store.SNMPJob{Name: "site", Targets: []string{"10.0.0.0/30"}, CredentialIDs: []int64{c.ID}}
	must(t, q.CreateSNMPJob(ctx, j))
	for _, start := range []bool{false, true} {
		r := &store.SNMPRun{JobID: j.ID}
		must(t, q.CreateSNMPRun(ctx, r))
		if start {
			if _, err := q.StartSNMPRun(ctx, r.ID, jt0); err != nil {
				t.Fatal(err)
			}
			must(t, q.SetSNMPRunProgress(ctx, r.ID, 2, 4, 1))
		}
		ok, err := q.CancelSNMPRun(ctx, r.ID, "cancelled by tech", jt0.Add(time.Minute))
		must(t, err)
		again, err := q.CancelSNMPRun(ctx, r.ID, "again", jt0.Add(time.Hour))
		must(t, err)
		if !ok || again {
			t.Errorf("started %v: cancel twice got %v then %v; want true then false", start, ok, again)
		}
		got, err := q.GetSNMPRun(ctx, r.ID)
		must(t, err)
		if !got.Cancelled() || !got.Finished() || got.Error != "cancelled by tech" || !got.FinishedAt.Equal(jt0.Add(time.Minute)) {
			t.Errorf("started %v: got %+v; want cancelled by tech at jt0+1m", start, got)
		}
		if start && (got.Done != 2 || got.Found != 1) {
			t.Errorf("cancelled run counters %d/%d found %d; want the 2/4 found 1 it had", got.Done, got.Total, got.Found)
		}
		wantErr(t, q.SetSNMPRunProgress(ctx, r.ID, 3, 4, 1), store.ErrNotFound)
		wantErr(t, q.FinishSNMPRun(ctx, r.ID, store.SNMPRunDone, "", jt0), store.ErrNotFound)
	}
	done := &store.SNMPRun{JobID: j.ID}
	must(t, q.CreateSNMPRun(ctx, done))
	must(t, q.FinishSNMPRun(ctx, done.ID, store.SNMPRunDone, "", jt0))
	if ok, err := q.CancelSNMPRun(ctx, done.ID, "late", jt0); err != nil || ok {
		t.Errorf("cancel a finished run: got %v, %v; want false, nil", ok, err)
	}
	if got, _ := q.GetSNMPRun(ctx, done.ID); got.State != store.SNMPRunDone || got.Cancelled() {
		t.Errorf("finished run after a late cancel: %+v; want still done", got)
	}
}
