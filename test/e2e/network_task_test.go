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

// remoteSite is a collector, an enrolled agent serving a remote site and
// the site's simulated printer and switch.
type remoteSite struct {
	site          *snmppolltest.Site
	data, listen  string
	col           *collector
	agent         *agentProc
	state, status string
	st            store.Store
	svc           *snmppoll.Service
	agentID       int64
	public, wrong int64 // credential IDs
}

// newRemoteSite starts the collector (with sysobject.ids in its data
// directory, which the agent downloads) and the agent, and waits for the
// agent's enrolment.
func newRemoteSite(t *testing.T) *remoteSite {
	t.Helper()
	rs := &remoteSite{site: snmppolltest.Start(t, snmppolltest.Walks), data: t.TempDir(), listen: freePort(t)}
	ids, err := os.ReadFile("../../../shared/fixtures/sysobject.ids")
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	if err := os.WriteFile(filepath.Join(rs.data, snmppoll.SysObjectFile), ids, 0o644); err != nil {
		t.Fatal(err)
	}
	rs.col = startCollector(t, rs.data, rs.listen)
	secret := rs.col.enrollSecret()
	rs.state, rs.status = t.TempDir(), freePort(t)
	rs.agent = startAgent(t, "run", "--server", "http://"+rs.listen, "--enroll-secret", secret, "--state-dir", rs.state,
		"--status-listen", rs.status, "--jitter", "0", "--retry-min", "1s", "--retry-max", "2s")
	ctx := t.Context()
	if rs.st, err = store.Open(ctx, store.Options{DSN: filepath.Join(rs.data, "parc.db")}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rs.st.Close() })
	waitUntil(t, "the agent's enrolment", 30*time.Second, func() bool {
		agents, err := rs.st.ListAgents(ctx)
		if err == nil && len(agents) == 1 {
			rs.agentID = agents[0].ID
		}
		return rs.agentID != 0
	}, rs.agent)
	rs.svc = snmpService(t, rs.st, rs.data)
	for name, c := range map[string]*int64{snmppolltest.Community: &rs.public, "not-this-one": &rs.wrong} {
		cred, err := rs.svc.CreateCredential(ctx, name, snmp.Credential{Version: "2c", Community: name})
		if err != nil {
			t.Fatal(err)
		}
		*c = cred.ID
	}
	return rs
}

// runJob saves a job of the site's range for the agent and runs it.
func (rs *remoteSite) runJob(t *testing.T, timeoutMS int, creds ...int64) int64 {
	t.Helper()
	job := &store.SNMPJob{Name: "annexe", Targets: []string{rs.site.Range}, CredentialIDs: creds,
		TimeoutMS: timeoutMS, Retries: 0, Port: rs.site.Port, AgentID: rs.agentID, AutoImport: true}
	if err := rs.svc.SaveJob(t.Context(), job); err != nil {
		t.Fatal(err)
	}
	runID, err := rs.svc.RunNow(t.Context(), job.ID)
	if err != nil {
		t.Fatal(err)
	}
	return runID
}

// waitRun waits until the run satisfies cond, asking the agent to contact
// the collector now and then (/now also makes an inventory of this
// machine, hence not too often).
func (rs *remoteSite) waitRun(t *testing.T, what string, runID int64, cond func(*store.SNMPRun) bool) *store.SNMPRun {
	t.Helper()
	var run *store.SNMPRun
	var asked time.Time
	waitUntil(t, what, 3*time.Minute, func() bool {
		if time.Since(asked) > 2*time.Second {
			httpOK("http://" + rs.status + "/now")
			asked = time.Now()
		}
		r, err := rs.svc.Run(t.Context(), runID)
		if err == nil {
			run = r
		}
		return err == nil && cond(r)
	}, rs.agent)
	return run
}

// checkImported checks the run ended with the printer and the switch in
// the park.
func (rs *remoteSite) checkImported(t *testing.T, run *store.SNMPRun) {
	t.Helper()
	if run.State != store.SNMPRunDone || run.Found != 2 || run.Error != "" {
		t.Fatalf("got run %s, found %d, error %q; want done with 2 devices", run.State, run.Found, run.Error)
	}
	results, err := rs.svc.Results(t.Context(), run.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results {
		got = append(got, r.IP+" "+r.Type+" "+r.Status)
		if r.AssetID == 0 {
			t.Errorf("%s (%s) not in the park: %s %s", r.IP, r.Type, r.Status, r.Reason)
		}
	}
	slices.Sort(got)
	want := []string{rs.site.Printer + " Printer imported", rs.site.Switch + " Networking imported"}
	if !slices.Equal(got, want) {
		t.Errorf("got results %q; want %q", got, want)
	}
}

// TestAgentRunsNetworkTask gives a discovery job to an agent serving a
// remote site: the real agent takes the discovery from its contact answer,
// sweeps the simulated site, then inventories what it found, and the
// collector ends the run with both devices imported into the park.
func TestAgentRunsNetworkTask(t *testing.T) {
	rs := newRemoteSite(t)
	runID := rs.runJob(t, 2000, rs.public)
	run := rs.waitRun(t, "the run's end", runID, func(r *store.SNMPRun) bool { return r.Finished() })
	rs.checkImported(t, run)
	agent, state := rs.agent, rs.state
	// The agent's status page lists both phases, delivered.
	var snap agentStatus
	waitUntil(t, "the status page", 10*time.Second, func() bool {
		snap = rs.agentStatus()
		return len(snap.Tasks) == 2 && snap.Tasks[0].Delivered
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

// agentStatus is what the agent's status.json says of its network tasks.
type agentStatus struct {
	Tasks []struct {
		ID, Kind, State string
		Delivered       bool
	} `json:"network_tasks"`
	TaskReports int `json:"network_task_reports"`
}

// agentStatus reads the agent's status page; zero when it does not answer.
func (rs *remoteSite) agentStatus() agentStatus {
	var s agentStatus
	resp, err := http.Get("http://" + rs.status + "/status.json")
	if err != nil {
		return s
	}
	defer resp.Body.Close()
	json.NewDecoder(resp.Body).Decode(&s)
	return s
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
