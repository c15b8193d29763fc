package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"testing"
	"time"
)

func TestConfig(t *testing.T) {
	c := Config("/etc/parc/agent.yaml")
	if c.Name != Name() || c.DisplayName != DisplayName || c.Description == "" {
		t.Errorf("got %q %q %q", c.Name, c.DisplayName, c.Description)
	}
	if want := []string{"service", "run", "--config", "/etc/parc/agent.yaml"}; !slices.Equal(c.Arguments, want) {
		t.Errorf("arguments: got %v; want %v", c.Arguments, want)
	}
	if c.Option["Restart"] != "on-failure" || c.Option["OnFailure"] != "restart" {
		t.Errorf("restart options: got %v", c.Option)
	}
	if !slices.Contains(c.Dependencies, "After=network-online.target") {
		t.Errorf("dependencies: got %v; want After=network-online.target", c.Dependencies)
	}
	if got := Config("").Arguments; !slices.Equal(got, []string{"service", "run"}) {
		t.Errorf("no config path: got %v", got)
	}
}

func TestProgramStartStop(t *testing.T) {
	started := make(chan struct{})
	p := &program{log: slog.Default(), run: func(ctx context.Context) error {
		close(started)
		<-ctx.Done()
		return nil
	}}
	if err := p.Start(nil); err != nil {
		t.Fatal(err)
	}
	<-started
	start := time.Now()
	if err := p.Stop(nil); err != nil {
		t.Errorf("stop: got %v; want nil", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("stop took %v; want immediate", d)
	}
}

func TestProgramFailure(t *testing.T) {
	failed := make(chan error, 1)
	p := &program{log: slog.Default(),
		run:    func(ctx context.Context) error { return errors.New("state dir is gone") },
		failed: func(err error) { failed <- err }}
	p.Start(nil)
	select {
	case err := <-failed:
		if err.Error() != "state dir is gone" {
			t.Errorf("got %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("failure not reported")
	}
}

type fakeLogger struct{ lines []string }

func (f *fakeLogger) Error(v ...any) error {
	f.lines = append(f.lines, "E "+fmt.Sprint(v...))
	return nil
}
func (f *fakeLogger) Warning(v ...any) error {
	f.lines = append(f.lines, "W "+fmt.Sprint(v...))
	return nil
}
func (f *fakeLogger) Info(v ...any) error {
	f.lines = append(f.lines, "I "+fmt.Sprint(v...))
	return nil
}
func (f *fakeLogger) Errorf(string, ...any) error   { return nil }
func (f *fakeLogger) Warningf(string, ...any) error { return nil }
func (f *fakeLogger) Infof(string, ...any) error    { return nil }

func TestLineWriter(t *testing.T) {
	fl := &fakeLogger{}
	w := &lineWriter{log: fl}
	w.Write([]byte("time=x level=INFO msg=a\ntime=x level=WA"))
	w.Write([]byte("RN msg=b\n{\"level\":\"ERROR\",\"msg\":\"c\"}\n"))
	want := []string{"I time=x level=INFO msg=a", "W time=x level=WARN msg=b", `E {"level":"ERROR","msg":"c"}`}
	if !slices.Equal(fl.lines, want) {
		t.Errorf("got %q; want %q", fl.lines, want)
	}
}
