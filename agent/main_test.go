package main

import (
	"bytes"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

// agentCmd runs the command line with an empty config file and a private
// state directory, and returns the exit status and both streams.
func agentCmd(t *testing.T, stateDir string, args ...string) (int, string, string) {
	t.Helper()
	cfgFile := filepath.Join(t.TempDir(), "agent.yaml")
	if err := os.WriteFile(cfgFile, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if len(args) > 0 && args[0] != "help" && !strings.HasPrefix(args[0], "-") {
		if !slices.Contains(args, "--config") {
			args = append(args, "--config", cfgFile)
		}
		args = append(args, "--state-dir", stateDir, "--status-listen", "")
	}
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

var deviceIDRe = regexp.MustCompile(`^[^.\s]+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}$`)

// TestInventoryOfThisMachine produces the real machine's inventory, as a
// newcomer would, and checks it against the GLPI schema.
func TestInventoryOfThisMachine(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "inv.json")
	code, _, stderr := agentCmd(t, dir, "inventory", "-o", file)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(data); err != nil {
		t.Errorf("the machine's inventory does not pass the GLPI schema: %v", err)
	}
	var rep inventory.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Action != "inventory" || rep.ItemType != "Computer" || !deviceIDRe.MatchString(rep.DeviceID) {
		t.Errorf("envelope: got action %q itemtype %q deviceid %q", rep.Action, rep.ItemType, rep.DeviceID)
	}
	if !strings.HasPrefix(rep.Content.VersionClient, "Parc-Agent_v") || rep.Content.AccessLog == nil {
		t.Errorf("versionclient %q, accesslog %v", rep.Content.VersionClient, rep.Content.AccessLog)
	}
	if rep.Content.Parc == nil || len(rep.Content.Parc.Collectors) == 0 {
		t.Error("content.parc.collectors missing")
	}

	// The same device ID on the next run, from the state directory...
	code, out, _ := agentCmd(t, dir, "inventory", "--only", "hardware")
	if code != 0 {
		t.Fatalf("second run: exit %d", code)
	}
	var rep2 inventory.Report
	if err := json.Unmarshal([]byte(out), &rep2); err != nil {
		t.Fatal(err)
	}
	if rep2.DeviceID != rep.DeviceID {
		t.Errorf("device ID: got %q then %q; want the same", rep.DeviceID, rep2.DeviceID)
	}
	if len(rep2.Content.Parc.Collectors) != 1 {
		t.Errorf("--only hardware ran %d collectors; want 1", len(rep2.Content.Parc.Collectors))
	}
	// ...and --partial against the stored checksums is a partial report
	// once a previous report exists (none was handed over yet: full).
	code, out, stderr = agentCmd(t, dir, "inventory", "--partial")
	if code != 0 || !strings.Contains(stderr, "no previous report") {
		t.Errorf("--partial without history: exit %d, stderr %q; want a full report and a warning", code, stderr)
	}
	if err := schema.Validate([]byte(out)); err != nil {
		t.Errorf("--partial output: %v", err)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"help", "run"}, {"run", "--help"}, {"inventory", "-h"}, {"service", "--help"}, {"status", "--help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(args, &out, &errb); code != 0 {
				t.Fatalf("exit %d; stderr %s", code, errb.String())
			}
			for _, k := range config.Keys {
				for _, want := range []string{k.Name, "--" + k.Flag(), k.Env(), k.Help} {
					if !strings.Contains(out.String(), want) {
						t.Errorf("help lacks %q", want)
					}
				}
			}
		})
	}
	var out bytes.Buffer
	run([]string{"run", "--help"}, &out, &out)
	for _, want := range []string{"--once", "--force-full"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("run --help lacks %q", want)
		}
	}
}

func TestCommandErrors(t *testing.T) {
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := closed.Addr().String()
	closed.Close()
	badCfg := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(badCfg, []byte("contact_interval: often\n"), 0o600)

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  []string
	}{
		{"unknown command", []string{"frobnicate"}, 2, []string{`unknown command "frobnicate"`}},
		{"unknown flag", []string{"inventory", "--frob"}, 2, []string{"flag provided but not defined: -frob"}},
		{"bad flag value", []string{"inventory", "--contact-interval", "often"}, 1,
			[]string{`contact_interval: want a positive duration such as "1h", "30m" or "7d", got "often"`}},
		{"bad config file", []string{"inventory", "--config", badCfg}, 1, []string{"bad.yaml:1: contact_interval: want"}},
		{"unknown collector", []string{"inventory", "--only", "nope"}, 2, []string{`unknown collector "nope"`}},
		{"run without server", []string{"run", "--once"}, 1, []string{"set server in the configuration file, PARC_SERVER or --server"}},
		{"collector unreachable", []string{"run", "--once", "--server", "http://" + addr, "--enroll-secret", "s"}, 1,
			[]string{"cannot reach the collector at http://" + addr, "connection refused", "the report is spooled in", "will be retried in"}},
		{"service without action", []string{"service"}, 2, []string{"want one action"}},
		{"service bad action", []string{"service", "dance"}, 2, []string{`unknown action "dance"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := agentCmd(t, t.TempDir(), tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit: got %d; want %d (stderr %s)", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

func TestStatusAfterFailedRun(t *testing.T) {
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := closed.Addr().String()
	closed.Close()
	dir := t.TempDir()
	agentCmd(t, dir, "run", "--once", "--server", "http://"+addr, "--enroll-secret", "s")
	code, out, stderr := agentCmd(t, dir, "status")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Device ID:", "Spool:", "1 report(s)", "Last error:", "cannot reach the collector", "Last full inventory:"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = agentCmd(t, dir, "status", "--json")
	var snap map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &snap) != nil || snap["spool_reports"] != float64(1) {
		t.Errorf("status --json: exit %d, %s", code, out)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := agentCmd(t, t.TempDir(), "version")
	if code != 0 || !strings.HasPrefix(out, "parc-agent ") {
		t.Errorf("got %d %q", code, out)
	}
}
