// Package service runs parc-agent under the system's service manager
// through kardianos/service: a Windows service named ParcAgent, a systemd
// unit parc-agent.service, or a launchd daemon. The service manager starts
// `parc-agent service run --config <file>`, which runs the same loop as
// `parc-agent run` and stops it cleanly when the manager asks.
package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	ksvc "github.com/kardianos/service"
)

// Names of the service.
const (
	WindowsName = "ParcAgent"
	UnixName    = "parc-agent"
	DisplayName = "Parc Agent"
	Description = "Inventories this computer for Parc (GLPI-compatible) and sends it to the Parc collector."
)

// stopTimeout bounds how long Stop waits for the loop; service managers
// kill a service that takes much longer (Windows: about 20 s).
const stopTimeout = 15 * time.Second

// Name is the service name on this system.
func Name() string {
	if runtime.GOOS == "windows" {
		return WindowsName
	}
	return UnixName
}

// Config is the service definition: what the manager runs and how.
// configPath is passed as --config so the service reads the same file the
// installer wrote, wherever it is.
func Config(configPath string) *ksvc.Config {
	args := []string{"service", "run"}
	if configPath != "" {
		args = append(args, "--config", configPath)
	}
	return &ksvc.Config{
		Name:        Name(),
		DisplayName: DisplayName,
		Description: Description,
		Arguments:   args,
		// systemd: start once the network is up; the collector is remote.
		Dependencies: []string{"After=network-online.target", "Wants=network-online.target"},
		Option: ksvc.KeyValue{
			"Restart":                "on-failure", // systemd
			"StartType":              "automatic",  // Windows
			"DelayedAutoStart":       true,
			"OnFailure":              "restart",
			"OnFailureDelayDuration": "1m",
			"OnFailureResetPeriod":   86400,
			"KeepAlive":              true, // launchd
			"RunAtLoad":              true,
		},
	}
}

// RunFunc is the agent's loop; it returns when ctx is cancelled.
type RunFunc func(ctx context.Context) error

// program adapts a RunFunc to kardianos' Start/Stop.
type program struct {
	run    RunFunc
	log    *slog.Logger
	cancel context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex
	err    error
	failed func(error) // called when the loop ends by itself with an error
}

// Start runs the loop in the background, as kardianos requires.
func (p *program) Start(ksvc.Service) error {
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	p.done = make(chan struct{})
	go func() {
		defer close(p.done)
		err := p.run(ctx)
		p.mu.Lock()
		p.err = err
		p.mu.Unlock()
		if err != nil && ctx.Err() == nil && p.failed != nil {
			// The loop died on its own: let the manager restart us.
			p.failed(err)
		}
	}()
	return nil
}

// Stop cancels the loop and waits for it, at most stopTimeout.
func (p *program) Stop(ksvc.Service) error {
	if p.cancel == nil {
		return nil
	}
	p.cancel()
	select {
	case <-p.done:
	case <-time.After(stopTimeout):
		p.log.Warn("the agent did not stop in time", "timeout", stopTimeout)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

// New builds the service around run. failed is called when run returns an
// error by itself (not on Stop), typically to log it and exit(1) so that
// the manager's restart-on-failure applies.
func New(configPath string, run RunFunc, log *slog.Logger, failed func(error)) (ksvc.Service, error) {
	if log == nil {
		log = slog.Default()
	}
	s, err := ksvc.New(&program{run: run, log: log, failed: failed}, Config(configPath))
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	return s, nil
}

// Actions accepted by Control.
var Actions = []string{"install", "uninstall", "start", "stop", "restart"}

// Control installs, uninstalls, starts, stops or restarts the service,
// with errors that say what to do.
func Control(s ksvc.Service, action string) error {
	if err := checkPrivileges(); err != nil {
		return fmt.Errorf("service %s: %w", action, err)
	}
	err := ksvc.Control(s, action)
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case action == "install" && strings.Contains(msg, "already exists"):
		return fmt.Errorf("service %s: already installed; run `parc-agent service uninstall` first to reinstall", Name())
	case errors.Is(err, ksvc.ErrNotInstalled) || strings.Contains(msg, "not installed") || strings.Contains(msg, "does not exist"):
		return fmt.Errorf("service %s is not installed; run `parc-agent service install` first", Name())
	}
	return fmt.Errorf("service %s: %w", action, err)
}

// Status says whether the service is installed and running.
func Status(s ksvc.Service) (string, error) {
	st, err := s.Status()
	switch {
	case errors.Is(err, ksvc.ErrNotInstalled):
		return "not installed", nil
	case err != nil:
		// SysV init scripts answer "not installed" and "stopped" alike,
		// with a failing exit status.
		return "", fmt.Errorf("service status: the %s service manager answered %q: the service is stopped or not installed", s.Platform(), err)
	case st == ksvc.StatusRunning:
		return "running", nil
	case st == ksvc.StatusStopped:
		return "stopped", nil
	}
	return "unknown", nil
}

// Interactive reports whether the process runs from a terminal rather than
// under the service manager.
func Interactive() bool { return ksvc.Interactive() }
