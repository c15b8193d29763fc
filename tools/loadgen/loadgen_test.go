package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/apiserver"
	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

const testSecret = "parc_e_loadgen-test-secret"

// collectorServer starts the collector's agent API on a fresh SQLite store.
func collectorServer(t *testing.T) (*httptest.Server, store.Store) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t, "sqlite")
	if err := st.SetSetting(ctx, store.SettingEnrollSecret, testSecret); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	api := apiserver.New(st, ing, log, apiserver.Options{ContactEvery: time.Hour, FullEvery: 24 * time.Hour})
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	return srv, st
}

// TestRunAgainstCollector runs 20 agents against a real collector: every
// enrolment, full, partial and second full report is accepted, and the park holds the
// 20 computers and their monitors.
func TestRunAgainstCollector(t *testing.T) {
	srv, st := collectorServer(t)
	ctx := context.Background()
	const agents, partials = 20, 3
	var out strings.Builder
	res, err := runLoad(ctx, runConfig{URL: srv.URL, Secret: testSecret, Agents: agents, Seed: 7,
		Concurrency: 4, Partials: partials, Refulls: 1, SWChange: 50, Contact: true, Timeout: 30 * time.Second,
		CollectorPID: os.Getpid()}, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	// The collector runs in this process: both CPU figures are this
	// process's, and twenty full reports take well over /proc's 10 ms.
	if res.Full.CollectorCPUMS <= 0 || res.Full.LoadgenCPUMS <= 0 {
		t.Errorf("full: got CPU per request collector %v ms, loadgen %v ms; want both > 0", res.Full.CollectorCPUMS, res.Full.LoadgenCPUMS)
	}
	if !strings.Contains(out.String(), "full     CPU per request: collector ") {
		t.Errorf("output lacks the full phase's CPU line:\n%s", out.String())
	}
	for _, s := range []struct {
		got  Summary
		want int
	}{{res.Enroll, agents}, {res.Full, agents}, {res.Partial, agents * partials},
		{res.Refull, agents}, {res.Contact, agents * (2 + partials)}} {
		if s.got.OK != s.want || len(s.got.Errors) != 0 {
			t.Errorf("%s: got %d ok, errors %v; want %d ok, no error", s.got.Phase, s.got.OK, s.got.Errors, s.want)
		}
	}
	by, err := st.CountAssetsByType(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := testParkSeed(t, 7, agents)
	monitors := 0
	for i := range agents {
		monitors += len(p.Machine(i).Full.Content.Monitors)
	}
	if by[store.TypeComputer] != agents || by[store.TypeMonitor] != monitors {
		t.Errorf("park holds %d computers, %d monitors; want %d, %d", by[store.TypeComputer], by[store.TypeMonitor], agents, monitors)
	}
	page, err := st.ListAssets(ctx, store.AssetFilter{Type: store.TypeComputer, Query: p.Machine(0).Host})
	if err != nil || page.Total != 1 {
		t.Fatalf("list %s: got %d assets, %v; want 1", p.Machine(0).Host, page.Total, err)
	}
	a := page.Assets[0]
	if a.Serial == "" || a.Manufacturer == "" || a.OSName == "" || a.IP == "" {
		t.Errorf("asset %s: got serial %q, manufacturer %q, os %q, ip %q; want them all set", a.Name, a.Serial, a.Manufacturer, a.OSName, a.IP)
	}
	ins, err := st.Installations(ctx, a.ID)
	if err != nil || len(ins) < 100 {
		t.Errorf("asset %s: got %d installations (%v); want about 150", a.Name, len(ins), err)
	}

	// A second run with the same seed is the same machines: the collector
	// refuses to enrol deviceids that already report.
	res, err = runLoad(ctx, runConfig{URL: srv.URL, Secret: testSecret, Agents: 2, Seed: 7, Concurrency: 2, Timeout: 30 * time.Second}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if res.Enroll.Errors["409"] != 2 || res.Full.OK != 0 {
		t.Errorf("second run: got enrol errors %v, %d full reports; want 2 conflicts (409), none sent", res.Enroll.Errors, res.Full.OK)
	}
}

// TestSeedAndList fills a store of each dialect through the seed path
// (several writers on PostgreSQL), then lists it.
func TestSeedAndList(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) { testSeedAndList(t, storetest.Open(t, d)) })
	}
}

func testSeedAndList(t *testing.T, st store.Store) {
	ctx := context.Background()
	n, err := seedPark(ctx, st, 3, 500, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	total, computers, err := countAssets(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if total < 500 || total > 503 || n.added != total || computers == 0 {
		t.Errorf("got %d assets (%d computers, %d added); want 500 to 503", total, computers, n.added)
	}
	figs, err := measureList(ctx, st, 2)
	if err != nil {
		t.Fatal(err)
	}
	if figs[0].Total != total {
		t.Errorf("first page: got total %d; want %d", figs[0].Total, total)
	}
	// Seeding again continues the park: no duplicate host names.
	if _, err := seedPark(ctx, st, 3, 700, 100, 0); err != nil {
		t.Fatal(err)
	}
	p := testParkSeed(t, 3, 1)
	page, err := st.ListAssets(ctx, store.AssetFilter{Query: p.Machine(0).Host})
	if err != nil || page.Total != 1 {
		t.Errorf("%s after two seeds: got %d assets (%v); want 1", p.Machine(0).Host, page.Total, err)
	}
}

func testParkSeed(t testing.TB, seed uint64, n int) *Park {
	t.Helper()
	p, err := NewPark(seed, n)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
