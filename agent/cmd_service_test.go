package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// service configure writes the given keys into the file, keeps the others,
// refuses bad values, and needs no server.
func TestServiceConfigure(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "agent.yaml")
	os.WriteFile(cfg, []byte("# site settings\ntag: mairie\n"), 0o600)

	code, _, stderr := configureCmd("service", "configure", "--config", cfg, "--enroll-secret", "s3cret")
	if code != 0 {
		t.Fatalf("configure without server: exit %d; want 0 (%s)", code, stderr)
	}
	code, _, stderr = configureCmd("service", "configure", "--config", cfg, "--server", "https://parc.mairie.local")
	if code != 0 {
		t.Fatalf("configure --server: exit %d; want 0 (%s)", code, stderr)
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# site settings", "tag: mairie", "enroll_secret: s3cret", "server: https://parc.mairie.local"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("agent.yaml: got\n%s\nwant it to contain %q", data, want)
		}
	}
	if st, _ := os.Stat(cfg); st.Mode().Perm() != 0o600 {
		t.Errorf("agent.yaml mode: got %v; want 0600", st.Mode().Perm())
	}

	code, _, stderr = configureCmd("service", "configure", "--config", cfg, "--contact-interval", "often")
	if code == 0 || !strings.Contains(stderr, "contact_interval") {
		t.Errorf("bad value: exit %d, stderr %q; want a failure naming contact_interval", code, stderr)
	}
	code, _, _ = configureCmd("service", "configure", "--config", cfg)
	if code != 2 {
		t.Errorf("no flag: exit %d; want 2 (usage)", code)
	}
}

// configureCmd runs the agent with exactly these arguments (agentCmd would
// add --state-dir and --status-listen, which configure would write too).
func configureCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}
