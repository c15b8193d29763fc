// Package e2e runs the real binaries together: parc-agent against
// parc-collector on SQLite, with a proxy in between that can cut the
// connection or kill the collector mid-send.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

var (
	agentBin     string
	collectorBin string
)

// TestMain builds both binaries once, the way `make build` does.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parc-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	agentBin = filepath.Join(dir, "parc-agent")
	collectorBin = filepath.Join(dir, "parc-collector")
	builds := []struct {
		out, pkg string
		cgo      string
	}{
		{agentBin, "../../agent", "0"},
		{collectorBin, "../../collector", "1"},
	}
	for _, b := range builds {
		cmd := exec.Command("go", "build", "-o", b.out, b.pkg)
		cmd.Env = append(os.Environ(), "CGO_ENABLED="+b.cgo)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "build %s: %v\n", b.pkg, err)
			os.RemoveAll(dir)
			os.Exit(1)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestMainBuilt(t *testing.T) {
	for _, p := range []string{agentBin, collectorBin} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("got %v; want the binary %s built", err, p)
		}
	}
}
