package e2e

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/snmppoll/snmppolltest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

// TestAgentRunsNetworkTask gives a discovery job to an agent serving a
// remote site: the real agent takes the discovery from its contact answer,
// sweeps the simulated site, then inventories what it found, and the
// collector ends the run with both devices imported into the park.
func TestAgentRunsNetworkTask(t *testing.T) {
	site := snmppolltest.Start(t, snmppolltest.Walks)
	data, listen := t.TempDir(), freePort(t)
	// The collector's copy of sysobject.ids, which the agent downloads.
	ids, err := os.ReadFile("../../../shared/fixtures/sysobject.ids")
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	if err := os.WriteFile(filepath.Join(data, snmppoll.SysObjectFile), ids, 0o644); err != nil {
		t.Fatal(err)
	}
	col := startCollector(t, data, listen)
	secret := col.enrollSecret()

	state, status := t.TempDir(), freePort(t)
	agent := startAgent(t, "run", "--server", "http://"+listen, "--enroll-secret", secret, "--state-dir", state,
		"--status-listen", status, "--jitter", "0", "--retry-min", "1s", "--retry-max", "2s")

	ctx := t.Context()
	st, err := store.Open(ctx, store.Options{DSN: filepath.Join(data, "parc.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var agentID int64
	waitUntil(t, "the agent's enrolment", 30*time.Second, func() bool {
		agents, err := st.ListAgents(ctx)
		if err == nil && len(agents) == 1 {
			agentID = agents[0].ID
		}
		return agentID != 0
	}, agent)

	svc := snmpService(t, st, data)
	cred, err := svc.CreateCredential(ctx, "remote site", snmp.Credential{Version: "2c", Community: snmppolltest.Community})
	if err != nil {
		t.Fatal(err)
	}
	job := &store.SNMPJob{Name: "annexe", Targets: []string{site.Range}, CredentialIDs: []int64{cred.ID},
		TimeoutMS: 2000, Retries: 1, Port: site.Port, AgentID: agentID, AutoImport: true}
	if err := svc.SaveJob(ctx, job); err != nil {
		t.Fatal(err)
	}
	runID, err := svc.RunNow(ctx, job.ID)
	if err != nil {
		t.Fatal(err)
	}

	// The agent learns of the task at its next contact; /now asks for one
	// (and an inventory of this machine, hence not too often).
	var run *store.SNMPRun
	var asked time.Time
	waitUntil(t, "the run's end", 3*time.Minute, func() bool {
		if time.Since(asked) > 2*time.Second {
			httpOK("http://" + status + "/now")
			asked = time.Now()
		}
		run, err = svc.Run(ctx, runID)
		return err == nil && run.Finished()
	}, agent)
	if run.State != store.SNMPRunDone || run.Found != 2 || run.Error != "" {
		t.Fatalf("got run %s, found %d, error %q; want done with 2 devices", run.State, run.Found, run.Error)
	}
	results, err := svc.Results(ctx, runID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results {
		got = append(got, r.IP+" "+r.Type+" "+r.Status)
		if r.AssetID == 0 && r.Type != "Unmanaged" {
			t.Errorf("%s (%s) not in the park: %s %s", r.IP, r.Type, r.Status, r.Reason)
		}
	}
	slices.Sort(got)
	t.Logf("results: %q", got)
	for _, ip := range []string{site.Printer, site.Switch} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, ip+" ") }) {
			t.Errorf("no result for %s in %q", ip, got)
		}
	}

	// The agent's status page lists both phases, delivered.
	var snap struct {
		Tasks []struct {
			ID, Kind, State string
			Delivered       bool
		} `json:"network_tasks"`
	}
	waitUntil(t, "the status page", 10*time.Second, func() bool {
		resp, err := http.Get("http://" + status + "/status.json")
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(&snap) == nil && len(snap.Tasks) == 2 && snap.Tasks[0].Delivered
	}, agent)
	for i, kind := range []string{"netinventory", "netdiscovery"} {
		if tk := snap.Tasks[i]; tk.Kind != kind || tk.State != "finished" || !tk.Delivered {
			t.Errorf("status task %d: got %+v; want %s finished and delivered", i, tk, kind)
		}
	}
	if _, err := os.Stat(filepath.Join(state, "sysobject.ids")); err != nil {
		t.Errorf("the agent did not keep the collector's sysobject.ids: %v", err)
	}
}

// agentProc is a running parc-agent daemon.
type agentProc struct {
	cmd  *exec.Cmd
	logs *strings.Builder
	done chan struct{}
}

func startAgent(t *testing.T, args ...string) *agentProc {
	t.Helper()
	a := &agentProc{cmd: exec.Command(agentBin, args...), logs: &strings.Builder{}, done: make(chan struct{})}
	a.cmd.Stdout = &syncWriter{b: a.logs}
	a.cmd.Stderr = a.cmd.Stdout
	if err := a.cmd.Start(); err != nil {
		t.Fatalf("start agent: %v", err)
	}
	go func() { a.cmd.Wait(); close(a.done) }()
	t.Cleanup(func() {
		a.cmd.Process.Signal(os.Interrupt)
		select {
		case <-a.done:
		case <-time.After(10 * time.Second):
			a.cmd.Process.Kill()
			<-a.done
		}
	})
	return a
}

// waitUntil polls cond, failing with the agent's logs at the deadline or
// when the agent exits.
func waitUntil(t *testing.T, what string, d time.Duration, cond func() bool, a *agentProc) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		select {
		case <-a.done:
			t.Fatalf("the agent exited while waiting for %s; its output:\n%s", what, a.logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; the agent's output:\n%s", what, a.logs.String())
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// snmpService opens the running collector's SNMP jobs with its key, as its
// web UI would.
func snmpService(t *testing.T, st store.Store, data string) *snmppoll.Service {
	t.Helper()
	key, err := snmppoll.LoadKey(data, "")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ing, err := ingest.New(st, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := snmppoll.New(st, ing, log, snmppoll.Options{DataDir: data, Key: key})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}
