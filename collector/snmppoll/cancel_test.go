package snmppoll_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/snmppoll/snmppolltest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

// blackholes binds n loopback addresses from 127.0.5.1 on port: they read
// requests and never answer, so a sweep of them waits out every timeout.
func blackholes(t *testing.T, n, port int) {
	t.Helper()
	var conns []net.PacketConn
	for i := 1; i <= n; i++ {
		c, err := net.ListenPacket("udp", net.JoinHostPort(fmt.Sprintf("127.0.5.%d", i), strconv.Itoa(port)))
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		go func() {
			buf := make([]byte, 2048)
			for {
				if _, _, err := c.ReadFrom(buf); err != nil {
					return
				}
			}
		}()
		t.Cleanup(func() { c.Close() })
	}
}

// A run cancelled through another collector (another Service on the same
// database) ends as cancelled, and the collector running it stops its
// sweep at its next progress: with one job slot, a second run can only
// finish once the first has let go, long before the cancelled sweep's
// timeouts would have ended it.
func TestCancelRunAcrossCollectors(t *testing.T) {
	site := snmppolltest.Start(t, snmppolltest.Walks)
	svc, st := newService(t)
	key, err := snmppoll.LoadKey(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	other, err := snmppoll.New(st, nil, quiet, snmppoll.Options{DataDir: t.TempDir(), Key: key})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	blackholes(t, 30, site.Port)
	cred, err := svc.CreateCredential(ctx, "site", snmp.Credential{Version: "2c", Community: snmppolltest.Community})
	if err != nil {
		t.Fatal(err)
	}
	// The printer answers at once; 30 silent hosts, a 50 s timeout and 2
	// retries: 150 s if nothing stops it.
	slow := &store.SNMPJob{Name: "slow", Targets: []string{site.Printer, "127.0.5.0/27"}, CredentialIDs: []int64{cred.ID},
		TimeoutMS: 50_000, Retries: 2, Port: site.Port}
	fast := &store.SNMPJob{Name: "fast", Targets: []string{site.Printer}, CredentialIDs: []int64{cred.ID},
		TimeoutMS: 300, Port: site.Port}
	for _, j := range []*store.SNMPJob{slow, fast} {
		if err := svc.SaveJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	w, err := jobs.NewWorker(st, quiet, jobs.WorkerOptions{Poll: 20 * time.Millisecond, Slots: 1})
	if err != nil {
		t.Fatal(err)
	}
	svc.Register(w)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { w.Run(wctx); close(done) }()
	defer func() { cancel(); <-done }()

	runID, err := svc.RunNow(ctx, slow.ID)
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		r, err := svc.Run(ctx, runID)
		if err != nil {
			t.Fatal(err)
		}
		if r.State == store.SNMPRunRunning && r.Found >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the slow run never found the printer: %+v", r)
		}
	}
	if err := other.CancelRun(ctx, runID, "tech"); err != nil {
		t.Fatal(err)
	}
	run, err := svc.Run(ctx, runID)
	if err != nil || !run.Cancelled() || !run.Finished() || run.Error != "cancelled by tech" {
		t.Fatalf("got %+v, %v; want the run cancelled by tech", run, err)
	}
	if err := other.CancelRun(ctx, runID, "tech"); !errors.Is(err, snmppoll.ErrFinished) {
		t.Errorf("cancel twice: got %v; want ErrFinished", err)
	}
	// The printer the sweep had found stays listed, with its discovery
	// report for a technician to import.
	var kept []store.SNMPResult
	for deadline := time.Now().Add(30 * time.Second); len(kept) == 0; time.Sleep(20 * time.Millisecond) {
		if kept, err = svc.Results(ctx, runID); err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			t.Fatal("the cancelled run lists nothing; want the printer it had found")
		}
	}
	if len(kept) != 1 || kept[0].IP != site.Printer || kept[0].Status != store.SNMPUnmanaged || kept[0].Type != snmp.TypePrinter {
		t.Errorf("cancelled run's results: %+v; want the printer, waiting for import", kept)
	}
	second, err := svc.RunNow(ctx, fast.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r := waitRun(t, svc, second); r.State != store.SNMPRunDone || r.Found != 1 {
		t.Errorf("second run: %+v; want done with the printer found", r)
	}
	if r, _ := svc.Run(ctx, runID); !r.Cancelled() {
		t.Errorf("the cancelled run became %+v; want it still cancelled", r)
	}
}
