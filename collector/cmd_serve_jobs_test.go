package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/snmp"
)

// TestTwoServesRunAScheduledJobOnce starts two real `parc-collector serve`
// processes on one PostgreSQL with the same secret key, while a discovery
// job's occurrence is due: it is enqueued and run once, by one of them,
// which can open the credentials the test sealed.
func TestTwoServesRunAScheduledJobOnce(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	st, err := store.Open(ctx, store.Options{DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	const keyB64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
	key, _ := snmppoll.ParseKey(keyB64)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, _ := ingest.New(st, nil, log)
	svc, err := snmppoll.New(st, ing, log, snmppoll.Options{DataDir: t.TempDir(), Key: key})
	if err != nil {
		t.Fatal(err)
	}
	cred, err := svc.CreateCredential(ctx, "lan", snmp.Credential{Version: "2c", Community: "public"})
	if err != nil {
		t.Fatal(err)
	}
	// 127.0.3.99 answers nothing: the run ends after one short timeout.
	j := &store.SNMPJob{Name: "nightly", Targets: []string{"127.0.3.99"}, CredentialIDs: []int64{cred.ID}, Schedule: "every 1h",
		TimeoutMS: 100, Port: 161}
	if err := svc.SaveJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	jq, _ := store.Jobs(st)
	name := "snmp.job:" + strconv.FormatInt(j.ID, 10)
	sc, err := jq.GetSchedule(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	sc.NextRun = time.Now().Add(-time.Minute) // due: both schedulers tick at start
	if err := jq.PutSchedule(ctx, sc); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PARC_DATABASE", dsn)
	t.Setenv("PARC_SECRET_KEY", keyB64)
	// Both start at once, so their first ticks race for the occurrence.
	var addrs []string
	for range 2 {
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		addr := ln.Addr().String()
		ln.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "PARC_CRASH_CHILD=1", "PARC_DATA="+t.TempDir(), "PARC_LISTEN="+addr)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		addrs = append(addrs, addr)
	}
	for _, addr := range addrs {
		waitReady(t, addr)
	}
	deadline := time.Now().Add(30 * time.Second)
	var runs []store.SNMPRun
	for {
		runs, err = svc.Runs(ctx, j.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) > 0 && runs[0].Finished() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("got runs %+v; want one finished run of the due occurrence", runs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if len(runs) != 1 || runs[0].State != store.SNMPRunDone || runs[0].Total != 1 {
		t.Errorf("got runs %+v; want one run, done, of its one address (the other collector opened the sealed credential)", runs)
	}
	after, err := jq.GetSchedule(ctx, name)
	if err != nil || !after.NextRun.After(time.Now()) {
		t.Errorf("got schedule %+v, %v; want its next run moved to the next occurrence", after, err)
	}
}

// waitReady polls a collector's /readyz until it answers.
func waitReady(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if resp, err := http.Get("http://" + addr + "/readyz"); err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("collector on %s did not start", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
