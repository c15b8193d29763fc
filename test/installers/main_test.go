// Package installers tests what `make dist` ships: the .deb and .rpm
// packages installed, upgraded and removed in a minimal Debian root with
// their maintainer scripts run (the agent enrolled against the packaged
// collector), the MSI's tables, and the systemd units.
//
// The package lifecycle tests need root (chroot) and a Debian root made
// once by debootstrap (about 4 minutes, then cached in
// $XDG_CACHE_HOME/parc/debroot-bookworm-minbase): they run whenever that
// cache exists, and build it under CI=true or PARC_TEST_PACKAGES=1
// (make test-packages).
package installers

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// repo is the repository root; nfpm configurations name files relative to it.
var repo = func() string {
	abs, err := filepath.Abs("../..")
	if err != nil {
		panic(err)
	}
	return abs
}()

var binDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parc-installers-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// built builds a binary once per test binary run.
type built struct {
	once sync.Once
	path string
	err  error
}

var (
	packBin, agentBin, agentExe, collectorBin built
)

func (b *built) get(t *testing.T, build func() (string, error)) string {
	t.Helper()
	b.once.Do(func() { b.path, b.err = build() })
	if b.err != nil {
		t.Fatalf("build: %v", b.err)
	}
	return b.path
}

// goBuild runs go build in dir (a module) with extra environment.
func goBuild(dir, out, pkg string, env ...string) (string, error) {
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return out, nil
}

func pack(t *testing.T) string {
	return packBin.get(t, func() (string, error) {
		return goBuild(filepath.Join(repo, "tools/pack"), filepath.Join(binDir, "pack"), ".")
	})
}

func agentLinux(t *testing.T) string {
	return agentBin.get(t, func() (string, error) {
		return goBuild(repo, filepath.Join(binDir, "parc-agent"), "./agent", "CGO_ENABLED=0", "GOOS=linux")
	})
}

func agentWindows(t *testing.T) string {
	return agentExe.get(t, func() (string, error) {
		return goBuild(repo, filepath.Join(binDir, "parc-agent.exe"), "./agent",
			"CGO_ENABLED=0", "GOOS=windows", "GOARCH=amd64")
	})
}

func collector(t *testing.T) string {
	return collectorBin.get(t, func() (string, error) {
		return goBuild(repo, filepath.Join(binDir, "parc-collector"), "./collector", "CGO_ENABLED=1")
	})
}

// needTool skips the test when a command is missing, or fails it under
// CI=true, where scripts/test-deps.sh should have installed it.
func needTool(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; scripts/test-deps.sh installs it", n)
			}
			t.Skipf("%s is missing; run scripts/test-deps.sh (make test) to install it", n)
		}
	}
}

// run runs a command and returns its combined output, failing the test on error.
func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	out, err := runErr(env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func runErr(env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// buildPkg builds one package with tools/pack and returns its path. nfpm
// configurations name their files relative to the repository root.
func buildPkg(t *testing.T, config, packager, version, bin string) string {
	t.Helper()
	cmd := exec.Command(pack(t), "nfpm", "-config", filepath.Join("installers/linux", config),
		"-packager", packager, "-arch", runtime.GOARCH, "-version", version, "-bin", bin, "-out", t.TempDir())
	cmd.Dir = repo
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("pack nfpm %s %s: %v\n%s", config, packager, err, out)
	}
	return strings.TrimSpace(string(out))
}
