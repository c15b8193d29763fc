package snmptest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Sim is a running snmpsimd. Every address serves every walk: the v2c
// community picks the walk, as the path of its file below the data
// directory without extension ("snmpsim-data/cisco-c3560").
type Sim struct {
	Addrs []string // "127.0.0.2:16100"...
	Port  int
}

// Walks is the shared fixtures' folder of SNMP walks, relative to a test
// in pkg/snmp.
const Walks = "../../../shared/fixtures/snmp-walks"

// StartSim serves the .snmprec files found below walksDir on each of ips
// (all 127.0.0.0/8) at one free port, and stops the daemon when the test
// ends.
func StartSim(t testing.TB, walksDir string, ips ...string) *Sim {
	t.Helper()
	need(t, "snmpsimd", "snmpsim")
	s, stop, err := LaunchSim(walksDir, ips...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return s
}

// LaunchSim is StartSim for a TestMain: it returns a stop function and
// ErrMissing (wrapped) when snmpsimd is not installed. The data is copied
// to a stable folder under the temporary directory, so snmpsimd's index
// cache survives between runs (the first start indexes several megabytes
// of walks and takes seconds).
func LaunchSim(walksDir string, ips ...string) (*Sim, func(), error) {
	if _, err := lookup("snmpsimd"); err != nil {
		return nil, nil, fmt.Errorf("snmpsimd: %w: install the Debian package snmpsim (scripts/test-deps.sh does)", err)
	}
	if len(ips) == 0 {
		ips = []string{"127.0.0.1"}
	}
	root, err := stableDir(walksDir)
	if err != nil {
		return nil, nil, err
	}
	data, cache := filepath.Join(root, "data"), filepath.Join(root, "cache")
	if err := copyWalks(walksDir, data); err != nil {
		return nil, nil, err
	}
	port, err := freePort(ips[0])
	if err != nil {
		return nil, nil, err
	}
	s := &Sim{Port: port}
	for _, ip := range ips {
		s.Addrs = append(s.Addrs, net.JoinHostPort(ip, strconv.Itoa(port)))
	}
	stop, err := Launch(SimConfig{Data: data, Cache: cache, Endpoints: s.Addrs, V2CArch: true,
		Ready: "snmprec/glpi-agent-sample2"})
	if err != nil {
		return nil, nil, err
	}
	return s, stop, nil
}

// SimConfig is an snmpsimd to start on a prepared data folder.
type SimConfig struct {
	// Data is the data folder; with V2CArch a file's path below it (without
	// extension) is the community that selects it, and a file named
	// COMMUNITY/1.3.6.1.6.1.1.N.snmprec answers COMMUNITY only on the N-th
	// endpoint (counted from 0), so one community can serve a different
	// device on each address. Symbolic links work.
	Data string
	// Cache holds snmpsimd's index of each data file; keep it between runs
	// (indexing large walks takes seconds).
	Cache string
	// Endpoints are the "IP:PORT" UDP endpoints to listen on.
	Endpoints []string
	// V2CArch runs snmpsimd's v1/v2c-only architecture (--v2c-arch).
	V2CArch bool
	// Ready is a community that answers on Endpoints[0]: Launch returns
	// once it does.
	Ready string
}

// Launch starts snmpsimd as configured and waits until it answers. Under
// root, the process runs as nobody, which must read the data and write
// the cache: Launch gives the cache to nobody.
func Launch(c SimConfig) (stop func(), err error) {
	bin, err := lookup("snmpsimd")
	if err != nil {
		return nil, fmt.Errorf("snmpsimd: %w: install the Debian package snmpsim (scripts/test-deps.sh does)", err)
	}
	if len(c.Endpoints) == 0 {
		return nil, fmt.Errorf("snmpsimd: no endpoint")
	}
	args := []string{"--data-dir=" + c.Data, "--cache-dir=" + c.Cache, "--logging-method=null"}
	if c.V2CArch {
		args = append(args, "--v2c-arch")
	}
	if os.Geteuid() == 0 {
		// snmpsimd refuses to keep root; nobody must read the data and
		// write the cache.
		args = append(args, "--process-user=nobody", "--process-group=nogroup")
		if err := chownNobody(c.Cache); err != nil {
			return nil, err
		}
	}
	for _, e := range c.Endpoints {
		args = append(args, "--agent-udpv4-endpoint="+e)
	}
	cmd := exec.Command(bin, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start snmpsimd: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop = func() {
		_ = cmd.Process.Kill()
		<-exited
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if err := waitSNMP(ctx, c.Endpoints[0], c.Ready, exited); err != nil {
		stop()
		return nil, fmt.Errorf("snmpsimd: %w\n%s", err, out.String())
	}
	return stop, nil
}

// stableDir returns a folder for walksDir's copy that is the same for
// every run.
func stableDir(walksDir string) (string, error) {
	abs, err := filepath.Abs(walksDir)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(abs); err != nil {
		return "", fmt.Errorf("walks folder %s missing (the shared fixtures must sit beside the repository): %w", abs, err)
	}
	sum := sha256.Sum256([]byte(abs))
	dir := filepath.Join(os.TempDir(), "parc-snmpsim-"+hex.EncodeToString(sum[:6]))
	if err := os.MkdirAll(filepath.Join(dir, "cache"), 0o755); err != nil {
		return "", err
	}
	return dir, nil
}

// copyWalks copies the .snmprec files of src into dst, world-readable,
// skipping those already there with the same size.
func copyWalks(src, dst string) error {
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".snmprec") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		si, err := os.Stat(p)
		if err != nil {
			return err
		}
		if ti, err := os.Stat(target); err == nil && ti.Size() == si.Size() {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tmp := target + ".tmp"
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, target)
	})
	if err != nil {
		return fmt.Errorf("copy walks: %w", err)
	}
	_ = os.Chmod(dst, 0o755)
	_ = filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = os.Chmod(p, 0o755)
		}
		return nil
	})
	_ = os.Chmod(filepath.Dir(dst), 0o755)
	return nil
}

func chownNobody(dir string) error {
	u, err := user.Lookup("nobody")
	if err != nil {
		return fmt.Errorf("user nobody: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid := uid
	if g, err := user.LookupGroup("nogroup"); err == nil {
		gid, _ = strconv.Atoi(g.Gid)
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(p, uid, gid)
	})
}
