package runner

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// machine is the content the test's collectors return; tests change it.
type machine struct {
	mu sync.Mutex
	c  inventory.Content
}

func newMachine() *machine {
	return &machine{c: inventory.Content{
		Hardware:  &inventory.Hardware{Name: "PC-ACCUEIL-02", UUID: "4c4c4544-0034-3010-8048-b6c04f503732"},
		Bios:      &inventory.Bios{SSN: "640HP72", SManufacturer: "Dell Inc."},
		Softwares: []inventory.Software{{Name: "firefox", Version: "128.0"}, {Name: "vim", Version: "9.0"}},
		Batteries: []inventory.Battery{{Name: "DELL RWT1R43", Capacity: 56000}},
	}}
}

func (m *machine) collect(context.Context) inventory.Content {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.c
	c.Softwares = slices.Clone(m.c.Softwares)
	c.Batteries = slices.Clone(m.c.Batteries)
	return c
}

func (m *machine) change(fn func(c *inventory.Content)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fn(&m.c)
}

type harness struct {
	r     *Runner
	cfg   *config.Config
	store *state.Store
	spool *spool.Spool
	logs  *syncBuffer
	m     *machine
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newHarness builds a runner against server (empty: no collector) with
// short retry intervals; tweak changes the config first.
func newHarness(t *testing.T, server string, tweak func(*config.Config)) *harness {
	t.Helper()
	cfg := config.Default()
	cfg.Server = server
	cfg.EnrollSecret = "site-secret"
	cfg.StateDir = t.TempDir()
	cfg.RetryMin, cfg.RetryMax = 20*time.Millisecond, 100*time.Millisecond
	cfg.Jitter = config.Jitter{}
	cfg.RequestTimeout = 5 * time.Second
	if tweak != nil {
		tweak(cfg)
	}
	store, err := state.Open(cfg.StateDir)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	sp, err := spool.Open(filepath.Join(cfg.StateDir, state.SpoolDir), spool.Options{
		MaxReports: cfg.SpoolMaxReports, MaxBytes: cfg.SpoolMaxBytes, MaxRejected: cfg.RejectedMax, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	var client *api.Client
	if server != "" {
		client, err = api.NewClient(api.ClientOptions{Server: server, Version: "test", Timeout: cfg.RequestTimeout})
		if err != nil {
			t.Fatal(err)
		}
	}
	m := newMachine()
	r, err := New(Deps{Config: cfg, Store: store, Spool: sp, Client: client, Collect: m.collect, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("agent logs:\n%s", logs)
		}
	})
	return &harness{r: r, cfg: cfg, store: store, spool: sp, logs: logs, m: m}
}

func listen(t *testing.T) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func spoolLen(t *testing.T, s *spool.Spool) int {
	n, _, err := s.Stats()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func sectionsOf(r inventory.Report) []string {
	secs, _ := sections(&r.Content)
	var out []string
	for k := range secs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
