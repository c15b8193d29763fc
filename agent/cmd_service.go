package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/service"
	"github.com/parcproject/parc/agent/state"
)

func cmdService() *command {
	return &command{
		name:    "service",
		summary: "install|configure|uninstall|start|stop|restart|status|run the system service",
		usage:   "install|configure|uninstall|start|stop|restart|status|run [flags]",
		about: `Manages the agent as a system service: the Windows service "ParcAgent", the
systemd unit "parc-agent.service" (Restart=on-failure, after network-online),
or the launchd daemon "parc-agent". install, uninstall, start, stop and
restart need root or Administrator rights.

  install    registers the service to start at boot. Configuration flags given
             here (--server, --enroll-secret, --tag...) are written into the
             configuration file (created 0600 if missing), so the service
             uses them; --config names another file, which the service then
             reads. A server must be configured.
  configure  only writes the configuration flags given (--server,
             --enroll-secret, --tag...) into the configuration file, checking
             their values; it neither registers nor starts the service (the
             MSI installer uses it).
  uninstall  removes the service; the state directory and its spool stay.
  start, stop, restart
  status     prints running, stopped or not installed.
  run        what the service manager starts; the same loop as "parc-agent run".`,
		run: runService,
	}
}

func runService(ctx context.Context, a *app) error {
	if len(a.args) != 1 {
		return fmt.Errorf("%w: want one action: install, configure, uninstall, start, stop, restart, status or run", errUsage)
	}
	action := a.args[0]
	configPath := a.cli.configPath
	if configPath != "" {
		abs, err := filepath.Abs(configPath)
		if err != nil {
			return err
		}
		configPath = abs
	}
	switch {
	case action == "run":
		return serviceRun(a, configPath)
	case action == "install":
		if err := prepareInstall(a, configPath); err != nil {
			return err
		}
	case action == "configure":
		return configure(a, configPath)
	case action == "status":
		svc, err := service.New(configPath, nil, nil, nil)
		if err != nil {
			return err
		}
		st, err := service.Status(svc)
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "%s: %s\n", service.Name(), st)
		return nil
	case !slices.Contains(service.Actions, action):
		return fmt.Errorf("%w: unknown action %q; want install, uninstall, start, stop, restart, status or run", errUsage, action)
	}
	svc, err := service.New(configPath, nil, nil, nil)
	if err != nil {
		return err
	}
	if err := service.Control(svc, action); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s: %s done\n", service.Name(), action)
	return nil
}

// prepareInstall writes the configuration flags into the configuration
// file and checks that what the service will read is complete.
func prepareInstall(a *app, configPath string) error {
	path, err := writeOverrides(a, configPath)
	if err != nil {
		return err
	}
	// The service sees the file, not this shell's PARC_* variables.
	cfg, err := config.Load(config.Sources{File: path, LookupEnv: func(string) (string, bool) { return "", false }})
	if err != nil {
		return err
	}
	if cfg.Server == "" {
		return fmt.Errorf("no server in %s: pass --server https://parc.example.org (and --enroll-secret S for the first run) to install, or edit the file", path)
	}
	return nil
}

// configure writes the configuration flags into the configuration file and
// checks the whole file still loads; no server is required yet.
func configure(a *app, configPath string) error {
	if len(a.cli.overrides) == 0 {
		return fmt.Errorf("%w: service configure needs at least one configuration flag, e.g. --server https://parc.example.org", errUsage)
	}
	path, err := writeOverrides(a, configPath)
	if err != nil {
		return err
	}
	_, err = config.Load(config.Sources{File: path, LookupEnv: func(string) (string, bool) { return "", false }})
	return err
}

// writeOverrides writes the configuration flags of the command line into
// the configuration file (created 0600) and returns its path. On Windows
// the file sits in %ProgramData%\Parc, readable by every user by default,
// so the directory gets the state directory's SYSTEM/Administrators ACL
// first: the file holds the enrolment secret.
func writeOverrides(a *app, configPath string) (string, error) {
	path := configPath
	if path == "" {
		path = config.DefaultConfigPath()
	}
	if runtime.GOOS == "windows" {
		if _, err := state.Open(filepath.Dir(path)); err != nil {
			return "", err
		}
	}
	if len(a.cli.overrides) > 0 {
		if err := config.WriteKeys(path, a.cli.overrides); err != nil {
			return "", fmt.Errorf("write %s: %w", path, err)
		}
		keys := make([]string, 0, len(a.cli.overrides))
		for k := range a.cli.overrides {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		fmt.Fprintf(a.stdout, "wrote %s to %s\n", strings.Join(keys, ", "), path)
	}
	return path, nil
}

// serviceRun is what the service manager starts.
func serviceRun(a *app, configPath string) error {
	cfg, err := a.cli.load()
	if err != nil {
		return err
	}
	var logOut io.Writer = a.stderr
	if !service.Interactive() && runtime.GOOS == "windows" {
		// A Windows service has no stderr: log to the event log.
		if probe, err := service.New(configPath, nil, nil, nil); err == nil {
			if w, err := service.LogWriter(probe); err == nil {
				logOut = w
			}
		}
	}
	log := newLogger(cfg, logOut)
	ag, err := newAgent(cfg, log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return err
	}
	svc, err := service.New(configPath, ag.serve, log, func(err error) {
		log.Error("agent stopped on an error; exiting so the service manager restarts it", "err", err)
		os.Exit(1)
	})
	if err != nil {
		return err
	}
	if err := svc.Run(); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("service run: %w", err)
	}
	return nil
}
