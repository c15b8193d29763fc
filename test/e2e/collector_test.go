package e2e

import (
	"bufio"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// collector is a running parc-collector process on SQLite.
type collector struct {
	t      *testing.T
	data   string
	listen string
	cmd    *exec.Cmd
	logs   *strings.Builder
	done   chan struct{} // closed when the process has exited
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startCollector starts parc-collector serve on data and listen and waits
// until /readyz answers.
func startCollector(t *testing.T, data, listen string) *collector {
	t.Helper()
	c := &collector{t: t, data: data, listen: listen, logs: &strings.Builder{}}
	c.cmd = exec.Command(collectorBin, "serve", "--data", data, "--listen", listen)
	c.cmd.Stdout = &syncWriter{b: c.logs}
	c.cmd.Stderr = c.cmd.Stdout
	if err := c.cmd.Start(); err != nil {
		t.Fatalf("start collector: %v", err)
	}
	c.done = make(chan struct{})
	go func() { c.cmd.Wait(); close(c.done) }()
	t.Cleanup(c.stop)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok := httpOK("http://" + listen + "/readyz"); ok {
			return c
		}
		select {
		case <-c.done:
			t.Fatalf("collector exited before becoming ready; its output:\n%s", c.logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatalf("collector did not become ready on %s; its output:\n%s", listen, c.logs.String())
	return nil
}

// kill stops the collector with SIGKILL, as a crash would.
func (c *collector) kill() {
	c.cmd.Process.Kill()
	<-c.done
}

func (c *collector) stop() {
	select {
	case <-c.done:
		return
	default:
	}
	c.cmd.Process.Signal(os.Interrupt)
	select {
	case <-c.done:
	case <-time.After(10 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
	}
}

func (c *collector) enrollSecret() string {
	c.t.Helper()
	out, err := exec.Command(collectorBin, "enroll-secret", "--data", c.data).Output()
	if err != nil {
		c.t.Fatalf("enroll-secret: %v", err)
	}
	s := strings.TrimSpace(string(out))
	if s == "" || strings.ContainsAny(s, " \n") {
		c.t.Fatalf("enroll-secret printed %q; want the secret alone", s)
	}
	return s
}

func runAgent(ctx context.Context, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, agentBin, args...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func spoolFiles(t *testing.T, stateDir string) []string {
	t.Helper()
	var files []string
	root := filepath.Join(stateDir, "spool")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Dir(p) == root && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, d.Name())
		}
		return nil
	})
	return files
}

// firstLine returns the first line of s, for short failure messages.
func firstLine(s string) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	if sc.Scan() {
		return sc.Text()
	}
	return ""
}

func mustContain(t *testing.T, what, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("%s: got %q; want it to contain %q", what, firstLine(s), sub)
	}
}
