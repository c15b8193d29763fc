package tasks

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/snmp"
	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

// One snmpsimd serves the walks on a few addresses of 127.0.4.0/28 (the
// pkg/snmp tests use other ones); the rest of the range is silent.
var (
	sim      *snmptest.Sim
	simErr   error
	simIPs   = []string{"127.0.4.2", "127.0.4.5"}
	simRange = "127.0.4.0/28"
)

const sysObjectIDsPath = "../../../shared/fixtures/sysobject.ids"

func TestMain(m *testing.M) {
	flag.Parse()
	var stop func()
	if f := flag.Lookup("test.fuzz"); f != nil && f.Value.String() != "" {
		// Fuzzing needs no device, and each fuzz worker runs TestMain.
		simErr = errors.New("no simulator while fuzzing")
	} else {
		sim, stop, simErr = snmptest.LaunchSim(snmptest.Walks, simIPs...)
	}
	code := m.Run()
	if stop != nil {
		stop()
	}
	os.Exit(code)
}

func needSim(t *testing.T) *snmptest.Sim {
	t.Helper()
	if simErr != nil {
		if errors.Is(simErr, snmptest.ErrMissing) {
			snmptest.Missing(t, simErr.Error())
		}
		t.Fatal(simErr)
	}
	return sim
}

// collector implements the collector's side of the task contract: task
// reports (exactly once per report ID), progress, sysobject.ids with an
// ETag. down makes it answer 503, as a collector being upgraded does.
type collector struct {
	mu       sync.Mutex
	down     bool
	reports  map[string][]*inventory.Report // by task ID, in arrival order
	ids      map[string]bool                // report IDs stored
	progress map[string][]api.TaskProgress  // by task ID
	events   []string                       // "report <task>" / "end <task>", in order
	sysobj   []byte
	sysGets  int
	sysSent  int // answers with the file (not 304)
	// cancelled tasks are refused their progress with 409, as the
	// collector refuses a cancelled run's.
	cancelled map[string]bool
}

func newCollector(t *testing.T) (*collector, *httptest.Server) {
	data, err := os.ReadFile(sysObjectIDsPath)
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	c := &collector{reports: map[string][]*inventory.Report{}, ids: map[string]bool{},
		progress: map[string][]api.TaskProgress{}, sysobj: data, cancelled: map[string]bool{}}
	ts := httptest.NewServer(c)
	t.Cleanup(ts.Close)
	return c, ts
}

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.down {
		http.Error(w, `{"error":"upgrading"}`, http.StatusServiceUnavailable)
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == api.PathSysObjectIDs:
		c.sysGets++
		if c.sysobj == nil {
			http.Error(w, `{"error":"this collector has no sysobject.ids"}`, 404)
			return
		}
		sum := sha256.Sum256(c.sysobj)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		c.sysSent++
		w.Header().Set("ETag", etag)
		w.Write(c.sysobj)
	case r.Method == http.MethodPost && r.URL.Path == api.PathInventory:
		c.report(w, r)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/v1/tasks/"):
		id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/api/v1/tasks/"), "/progress")
		var p api.TaskProgress
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			http.Error(w, `{"error":"not JSON"}`, 400)
			return
		}
		if c.cancelled[id] {
			http.Error(w, `{"error":"this task is not running any more"}`, http.StatusConflict)
			return
		}
		c.progress[id] = append(c.progress[id], p)
		if p.Finished {
			c.events = append(c.events, "end "+id)
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, `{"error":"no such endpoint"}`, 404)
	}
}

func (c *collector) report(w http.ResponseWriter, r *http.Request) {
	task, id := r.Header.Get(api.HeaderTaskID), r.Header.Get(api.HeaderReportID)
	zr, err := gzip.NewReader(r.Body)
	if err != nil || task == "" || id == "" {
		http.Error(w, `{"error":"want gzip, a task ID and a report ID"}`, 400)
		return
	}
	var rep inventory.Report
	if err := json.NewDecoder(zr).Decode(&rep); err != nil {
		http.Error(w, `{"error":"not a report"}`, 400)
		return
	}
	dup := c.ids[id]
	if !dup {
		c.ids[id] = true
		c.reports[task] = append(c.reports[task], &rep)
		c.events = append(c.events, "report "+task)
	}
	json.NewEncoder(w).Encode(api.InventoryResponse{AssetID: "1", Duplicate: dup})
}

func (c *collector) setDown(b bool) { c.mu.Lock(); c.down = b; c.mu.Unlock() }

// cancel makes the collector refuse task's progress from now on.
func (c *collector) cancel(task string) { c.mu.Lock(); c.cancelled[task] = true; c.mu.Unlock() }

// ended returns the finished progress of a task, if posted.
func (c *collector) ended(task string) (api.TaskProgress, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.progress[task] {
		if p.Finished {
			return p, true
		}
	}
	return api.TaskProgress{}, false
}

// conn is the agent's side: the real api.Client with a fixed token.
type conn struct {
	c *api.Client
}

func (k conn) SendReport(ctx context.Context, taskID, reportID string, gz []byte) (*api.InventoryResponse, error) {
	return k.c.SendTaskReport(ctx, "tok", taskID, reportID, gz)
}

func (k conn) PostProgress(ctx context.Context, taskID string, p api.TaskProgress) error {
	return k.c.PostTaskProgress(ctx, "tok", taskID, p)
}

func (k conn) SysObjectIDs(ctx context.Context, etag string) (*api.SysObjectIDs, error) {
	return k.c.SysObjectIDs(ctx, "tok", etag)
}

func newManager(t *testing.T, dir, server string) *Manager {
	t.Helper()
	cl, err := api.NewClient(api.ClientOptions{Server: server, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(Options{
		Dir: dir, Conn: conn{cl}, Meta: snmp.Meta{DeviceID: "site-agent-2026-11-23-10-00-00", VersionClient: "Parc-Agent_vtest"},
		RetryMin: 20 * time.Millisecond, RetryMax: 100 * time.Millisecond, ProgressEvery: 50 * time.Millisecond,
		Probe:  func() snmp.Probe { return &snmp.ARPProbe{Path: "testdata/proc_net_arp"} },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// start runs m until the test ends (or stop is called).
func start(t *testing.T, m *Manager) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		m.Run(ctx)
		close(done)
	}()
	stop = func() {
		cancel()
		<-done
	}
	t.Cleanup(stop)
	return stop
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, d time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// simTask is a task on the simulator: its port, a generous timeout
// (snmpsimd is Python, slow on a loaded machine), and a wrong community
// tried first.
func simTask(s *snmptest.Sim, id, kind string, targets ...string) api.Task {
	return api.Task{ID: id, Kind: kind, Targets: targets, Port: s.Port, TimeoutMillis: 2000, Retries: 1,
		Credentials: []snmp.Credential{
			{ID: 1, Version: "2c", Community: "wrong-first"},
			{ID: 2, Version: "2c", Community: "librenms/brother"},
		}}
}
