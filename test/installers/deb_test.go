package installers

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

// noPreset clears the PARC_* variables the test process might have.
var noPreset = []string{"PARC_SERVER=", "PARC_ENROLL_SECRET=", "PARC_TAG="}

// TestDebLifecycle is the newcomer's path with the .deb packages: install
// the collector, read its enrolment secret, install the agent with the
// server from /etc/default/parc-agent and the secret from the environment,
// enrol, upgrade the agent (configuration and identity kept), remove it
// (kept too), purge it (gone), and purge the collector (database kept).
func TestDebLifecycle(t *testing.T) {
	root := debRoot(t)
	collDeb := buildPkg(t, "parc-collector.nfpm.yaml", "deb", "v1.0.0", collector(t))
	agentV1 := buildPkg(t, "parc-agent.nfpm.yaml", "deb", "v1.0.0", agentLinux(t))
	agentV2 := buildPkg(t, "parc-agent.nfpm.yaml", "deb", "v1.1.0", agentLinux(t))

	out := inRoot(t, root, noPreset, "dpkg", "-i", copyIn(t, root, collDeb))
	checkCollectorInstalled(t, root, out)
	server := startCollector(t, root)
	secret := strings.TrimSpace(run(t, nil, "chroot", "--userspec=parc:parc", root,
		"/usr/bin/parc-collector", "enroll-secret", "--config", "/etc/parc/collector.yaml"))
	if !strings.HasPrefix(secret, "parc_e_") {
		t.Fatalf("got enrolment secret %q; want parc_e_...", secret)
	}

	// Install: the preset file gives the server and a tag, the environment
	// the secret and a tag that wins over the file's.
	preset := filepath.Join(root, "etc/default/parc-agent")
	writeFile(t, preset, fmt.Sprintf("PARC_SERVER=%s\nPARC_TAG=from-preset\n", server))
	inRoot(t, root, []string{"PARC_SERVER=", "PARC_ENROLL_SECRET=" + secret, "PARC_TAG=mairie 'annexe'"},
		"dpkg", "-i", copyIn(t, root, agentV1))
	config := filepath.Join(root, "etc/parc/agent.yaml")
	cfg := readFile(t, config)
	for _, want := range []string{"server: '" + server + "'", "enroll_secret: '" + secret + "'", "tag: 'mairie ''annexe'''"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("agent.yaml lacks %q:\n%s", want, cfg)
		}
	}
	if m := mode(t, config); m != 0o600 {
		t.Errorf("got agent.yaml mode %v; want 0600", m)
	}
	// GLPI's sysobject.ids ships beside each binary, in its own folder so
	// the two packages never own the same file.
	for _, p := range []string{"usr/share/parc/sysobject.ids", "usr/share/parc-collector/sysobject.ids",
		"usr/share/doc/parc-agent/sysobject.ids.copyright", "usr/share/doc/parc-collector/sysobject.ids.copyright"} {
		if !exists(filepath.Join(root, p)) {
			t.Errorf("/%s not installed", p)
		}
	}
	if got := dpkgStatus(root, "parc-agent"); got != "install ok installed 1.0.0" {
		t.Errorf("got status %q; want installed 1.0.0", got)
	}
	if out, err := runErr(nil, "chroot", root, "env", "PARC_SERVER=parc.example.org",
		"/usr/lib/parc-agent/setup", "configure"); err == nil || !strings.Contains(out, "is not a URL") {
		t.Errorf("setup configure with a server that is not a URL: got %v, %q; want an error", err, out)
	}

	// Enrol and send, as the service would: the configuration file is all it has.
	agentInRoot(t, root, "run", "--once")
	identityPath := filepath.Join(root, "var/lib/parc-agent/identity.json")
	identity := readFile(t, identityPath)

	// Upgrade: no environment, a preset file that now says something else,
	// and a hand edit; none of them may be lost or applied.
	writeFile(t, config, cfg+"log_level: debug\n")
	cfg = readFile(t, config)
	writeFile(t, preset, "PARC_SERVER=http://elsewhere.example.org\n")
	inRoot(t, root, noPreset, "dpkg", "-i", copyIn(t, root, agentV2))
	if got := readFile(t, config); got != cfg {
		t.Errorf("upgrade changed agent.yaml:\n%s\nwant:\n%s", got, cfg)
	}
	if got := dpkgStatus(root, "parc-agent"); got != "install ok installed 1.1.0" {
		t.Errorf("got status %q; want installed 1.1.0", got)
	}
	agentInRoot(t, root, "run", "--once")
	if got := readFile(t, identityPath); got != identity {
		t.Errorf("upgrade changed the identity: got %s; want %s", got, identity)
	}
	checkInventory(t, root, "1.1.0")

	// Remove keeps the configuration and the identity; purge removes them.
	inRoot(t, root, nil, "dpkg", "-r", "parc-agent")
	if exists(filepath.Join(root, "usr/bin/parc-agent")) {
		t.Error("dpkg -r left /usr/bin/parc-agent")
	}
	if !exists(config) || !exists(identityPath) {
		t.Error("dpkg -r removed agent.yaml or the identity; want them kept")
	}
	inRoot(t, root, nil, "dpkg", "--purge", "parc-agent")
	for _, p := range []string{config, filepath.Join(root, "var/lib/parc-agent")} {
		if exists(p) {
			t.Errorf("dpkg --purge left %s", p)
		}
	}
	if got := dpkgStatus(root, "parc-agent"); got != "" && !strings.HasPrefix(got, "unknown") {
		t.Errorf("got status %q after purge; want unknown", got)
	}

	stopCollector(t)
	out = inRoot(t, root, nil, "dpkg", "--purge", "parc-collector")
	if exists(filepath.Join(root, "etc/parc/collector.yaml")) {
		t.Error("purge left collector.yaml")
	}
	if !exists(filepath.Join(root, "var/lib/parc/parc.db")) || !strings.Contains(out, "was kept") {
		t.Errorf("purge of the collector: want the database kept and said so; got:\n%s", out)
	}
}

func checkCollectorInstalled(t *testing.T, root, out string) {
	t.Helper()
	if !strings.Contains(out, "parc-collector enroll-secret") || !strings.Contains(out, "First start") {
		t.Errorf("postinst does not say how to get the password and the secret:\n%s", out)
	}
	passwd := inRoot(t, root, nil, "getent", "passwd", "parc")
	if !strings.Contains(passwd, ":/var/lib/parc:") || !strings.Contains(passwd, "nologin") {
		t.Errorf("got parc user %q; want home /var/lib/parc, no login shell", passwd)
	}
	if got := strings.TrimSpace(inRoot(t, root, nil, "stat", "-c", "%U:%G %a", "/var/lib/parc", "/etc/parc/collector.yaml")); got != "parc:parc 750\nroot:parc 640" {
		t.Errorf("got owners and modes %q; want parc:parc 750 and root:parc 640", got)
	}
}

var collectorCmd *exec.Cmd

// startCollector runs the packaged collector as the parc user in root, on
// a free loopback port, as its systemd unit would, and returns its URL.
func startCollector(t *testing.T, root string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command("chroot", "--userspec=parc:parc", root,
		"/usr/bin/parc-collector", "serve", "--config", "/etc/parc/collector.yaml")
	cmd.Env = append(os.Environ(), "PARC_LISTEN="+addr)
	log, err := os.Create(filepath.Join(t.TempDir(), "collector.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	collectorCmd = cmd
	t.Cleanup(func() { stopCollector(t) })
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return "http://" + addr
		}
	}
	t.Fatalf("the collector did not listen on %s in 30s:\n%s", addr, readFile(t, log.Name()))
	return ""
}

func stopCollector(t *testing.T) {
	if collectorCmd == nil {
		return
	}
	collectorCmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- collectorCmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		collectorCmd.Process.Kill()
		<-done
	}
	collectorCmd = nil
}

// checkInventory runs the installed agent's inventory in root: it must
// pass the GLPI schema and list the parc-agent package at version.
func checkInventory(t *testing.T, root, version string) {
	t.Helper()
	cmd := exec.Command("chroot", root, "/usr/bin/parc-agent", "inventory")
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("parc-agent inventory: %v", err)
	}
	if err := schema.Validate(data); err != nil {
		t.Fatalf("inventory does not pass the schema: %v", err)
	}
	r, err := inventory.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Content.Softwares {
		if s.Name == "parc-agent" {
			if s.Version != version {
				t.Errorf("got parc-agent %s in the inventory; want %s", s.Version, version)
			}
			return
		}
	}
	t.Errorf("the inventory lists %d packages but not parc-agent", len(r.Content.Softwares))
}

// agentInRoot runs the installed agent in root with no PARC_* variable,
// as the service runs: the configuration file is all it has (an empty
// PARC_SERVER would override the file's server).
func agentInRoot(t *testing.T, root string, args ...string) string {
	t.Helper()
	unset := []string{"-u", "PARC_SERVER", "-u", "PARC_ENROLL_SECRET", "-u", "PARC_TAG"}
	return inRoot(t, root, nil, append(append([]string{"env"}, unset...), append([]string{"/usr/bin/parc-agent"}, args...)...)...)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
