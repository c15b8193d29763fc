package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/parcproject/parc/agent/collect"
	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/runner"
	"github.com/parcproject/parc/agent/spool"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/agent/status"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/version"
)

func cmdRun() *command {
	var once, forceFull bool
	return &command{
		name:    "run",
		summary: "contact the collector and send inventories (foreground; --once for a single run)",
		usage:   "[--server URL] [--enroll-secret S] [--once] [--force-full]",
		about: `Runs the agent in the foreground until interrupted: it contacts the collector
every contact_interval, makes an inventory every full_inventory_interval (or
when the collector asks), sends only the sections that changed (a full report
at least every full_max_age), and serves the status page on status_listen.
Every report goes through the spool in the state directory first, so a report
the collector could not take is resent later, even after a restart.

The first run enrols with enroll_secret and stores this agent's own token in
the state directory; later runs need no secret.

When the collector gives this agent network tasks for its site (an SNMP
discovery of address ranges, then the inventory of the printers and
switches found), it runs them one at a time and spools each device's report
the same way under tasks/ in the state directory; network_tasks false
refuses them. sysobject.ids comes from the collector (cached in the state
directory), else from the installed copy.

With --once: contact, one inventory, send, run the network tasks given (and
any left by an earlier run), send their reports, and exit; the exit status is
1 if a report could not be delivered (it stays in the spool).`,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&once, "once", false, "make one inventory, send it and exit")
			fs.BoolVar(&forceFull, "force-full", false, "send a full inventory, not only what changed")
		},
		run: func(ctx context.Context, a *app) error {
			if len(a.args) > 0 {
				return fmt.Errorf("%w: unexpected argument %q", errUsage, a.args[0])
			}
			cfg, err := a.cli.load()
			if err != nil {
				return err
			}
			log := newLogger(cfg, a.stderr)
			ag, err := newAgent(cfg, log)
			if err != nil {
				return err
			}
			if once {
				return ag.runner.Once(ctx, forceFull)
			}
			if forceFull {
				ag.runner.ForceFullNext()
			}
			return ag.serve(ctx)
		},
	}
}

// agent is the running agent: the scheduler and its status page.
type agent struct {
	cfg    *config.Config
	log    *slog.Logger
	runner *runner.Runner
}

// newAgent opens the state directory and the spool and builds the runner.
func newAgent(cfg *config.Config, log *slog.Logger) (*agent, error) {
	if cfg.Server == "" {
		return nil, errors.New("no collector to send to: set server in the configuration file, PARC_SERVER or --server (e.g. https://parc.example.org); to only write an inventory, use `parc-agent inventory`")
	}
	store, err := state.Open(cfg.StateDir)
	if err != nil {
		return nil, fmt.Errorf("%w; %s", err, stateDirHint(cfg.StateDir))
	}
	sp, err := spool.Open(filepath.Join(cfg.StateDir, state.SpoolDir), spool.Options{
		MaxReports: cfg.SpoolMaxReports, MaxBytes: cfg.SpoolMaxBytes, MaxRejected: cfg.RejectedMax, Logger: log,
	})
	if err != nil {
		return nil, err
	}
	client, err := api.NewClient(api.ClientOptions{
		Server: cfg.Server, Version: version.Version, Timeout: cfg.RequestTimeout,
		CAFile: cfg.TLSCAFile, InsecureSkipVerify: cfg.TLSInsecureSkipVerify, Proxy: cfg.Proxy,
	})
	if err != nil {
		return nil, err
	}
	if cfg.TLSInsecureSkipVerify {
		log.Warn("tls_insecure_skip_verify is on: the collector's certificate is not checked")
	}
	r, err := runner.New(runner.Deps{
		Config: cfg, Store: store, Spool: sp, Client: client, Logger: log,
		Collect: func(ctx context.Context) inventory.Content {
			env := collect.NewEnv(log)
			defer env.Close()
			return collect.Run(ctx, env)
		},
	})
	if err != nil {
		return nil, err
	}
	return &agent{cfg: cfg, log: log, runner: r}, nil
}

// serve runs the status page and the scheduler until ctx is cancelled. A
// status page that cannot start (port taken) is logged, not fatal: the
// inventory matters more than the page.
func (ag *agent) serve(ctx context.Context) error {
	if ag.cfg.StatusListen != "" {
		page := status.New(ag.runner, status.Options{AllowRemote: ag.cfg.StatusAllowRemote, Logger: ag.log})
		go func() {
			ag.log.Info("status page", "url", "http://"+ag.cfg.StatusListen+"/")
			if err := status.ListenAndServe(ctx, ag.cfg.StatusListen, page.Handler()); err != nil {
				ag.log.Error("status page not available", "err", err)
			}
		}()
	}
	return ag.runner.Run(ctx)
}
