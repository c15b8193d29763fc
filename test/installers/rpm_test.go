package installers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRPMLifecycle runs the .rpm scriptlets with the host's rpm in a
// Debian root (rpm --root chroots into it for them): %post writes the
// preset on install ($1 = 1) and only the environment on upgrade ($1 = 2),
// the identity survives the upgrade, and erase ($1 = 0) keeps the
// configuration and the identity, rpm having no purge.
func TestRPMLifecycle(t *testing.T) {
	needTool(t, "rpm")
	root := debRoot(t)
	v1 := buildPkg(t, "parc-agent.nfpm.yaml", "rpm", "v1.0.0", agentLinux(t))
	v2 := buildPkg(t, "parc-agent.nfpm.yaml", "rpm", "v1.1.0", agentLinux(t))
	rpm := func(env []string, args ...string) string {
		return run(t, env, "rpm", append([]string{"--root", root}, args...)...)
	}
	rpm(nil, "--initdb")
	// RHEL's preset directory, which Debian lacks.
	if err := os.MkdirAll(filepath.Join(root, "etc/sysconfig"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "etc/sysconfig/parc-agent"), "PARC_TAG=from-sysconfig\n")
	rpm([]string{"PARC_SERVER=https://parc.example.org", "PARC_ENROLL_SECRET=s3cret", "PARC_TAG="},
		"-i", "--nodeps", v1)
	config := filepath.Join(root, "etc/parc/agent.yaml")
	cfg := readFile(t, config)
	for _, want := range []string{"server: 'https://parc.example.org'", "enroll_secret: 's3cret'", "tag: 'from-sysconfig'"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("agent.yaml lacks %q:\n%s", want, cfg)
		}
	}
	if m := mode(t, config); m != 0o600 {
		t.Errorf("got agent.yaml mode %v; want 0600", m)
	}

	// An identity as the agent writes it on enrolment.
	identity := filepath.Join(root, "var/lib/parc-agent/identity.json")
	writeFile(t, identity, `{"deviceid":"pc-1"}`)
	writeFile(t, filepath.Join(root, "etc/sysconfig/parc-agent"), "PARC_SERVER=https://elsewhere.example.org\n")
	rpm([]string{"PARC_SERVER=", "PARC_ENROLL_SECRET=", "PARC_TAG=new-tag"}, "-U", "--nodeps", v2)
	got := readFile(t, config)
	if !strings.Contains(got, "server: 'https://parc.example.org'") || !strings.Contains(got, "tag: 'new-tag'") {
		t.Errorf("after the upgrade with PARC_TAG=new-tag, agent.yaml is:\n%s\nwant the same server and tag new-tag", got)
	}
	if v := strings.TrimSpace(rpm(nil, "-q", "--qf", "%{VERSION}", "parc-agent")); v != "1.1.0" {
		t.Errorf("got version %q installed; want 1.1.0", v)
	}
	if readFile(t, identity) != `{"deviceid":"pc-1"}` {
		t.Error("the upgrade changed the identity")
	}

	rpm(nil, "-e", "parc-agent")
	if exists(filepath.Join(root, "usr/bin/parc-agent")) {
		t.Error("rpm -e left /usr/bin/parc-agent")
	}
	if !exists(config) || !exists(identity) {
		t.Error("rpm -e removed agent.yaml or the identity; want them kept (no purge in rpm)")
	}
}
