package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/parcproject/parc/agent/collect"
	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/runner"
	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/inventory"
)

func cmdInventory() *command {
	var (
		out     string
		partial bool
		only    string
	)
	return &command{
		name:    "inventory",
		summary: "write one inventory as JSON to stdout or a file; no network",
		usage:   "[-o FILE] [--partial] [--only a,b]",
		about: `Collects this computer's inventory and writes it as GLPI native inventory JSON
(action "inventory", itemtype "Computer"), pretty-printed, to stdout or to FILE
(written atomically). Nothing is sent. Any user can run it; without root or
Administrator rights some sections are thinner (no SMBIOS serials, for example)
and the report says which collectors lacked data in content.parc.collectors.

The deviceid is "<hostname>-<YYYY-MM-DD-HH-MM-SS>", the same on every run: the
time is the machine's installation time (the modification time of
/etc/machine-id on Linux, InstallDate in the Windows registry, the time of
/var/db/.AppleSetupDone on macOS), stored in the state directory on first use.`,
		flags: func(fs *flag.FlagSet) {
			fs.StringVar(&out, "o", "", "write to `FILE` instead of stdout")
			fs.BoolVar(&partial, "partial", false, "write only the sections changed since the last report handed to the collector (plus hardware and bios), as run would send it")
			fs.StringVar(&only, "only", "", "run only the collectors in `LIST`, comma-separated (names: "+strings.Join(collect.Names(), ", ")+")")
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
			names := splitList(only)
			for _, n := range names {
				if !slices.Contains(collect.Names(), n) {
					return fmt.Errorf("%w: --only: unknown collector %q; known: %s", errUsage, n, strings.Join(collect.Names(), ", "))
				}
			}
			return writeInventory(ctx, a, cfg, log, out, partial, names)
		},
	}
}

func writeInventory(ctx context.Context, a *app, cfg *config.Config, log *slog.Logger, out string, partial bool, only []string) error {
	deviceID, store := localIdentity(cfg, log)
	ctx, cancel := context.WithTimeout(ctx, cfg.CollectTimeout)
	defer cancel()
	env := collect.NewEnv(log)
	defer env.Close()
	env.Only = only
	start := time.Now()
	content := collect.Run(ctx, env)
	rep := runner.Envelope(content, deviceID, cfg.Tag, start, time.Now())

	var prev map[string]string
	if partial && store != nil {
		if prev, _ = store.Checksums(); prev == nil {
			log.Warn("no previous report to compare with: writing a full inventory")
		}
	}
	b, err := runner.Build(rep, prev)
	if err != nil {
		return err
	}
	validateReport(log, &b.Report)
	data, err := json.MarshalIndent(b.Report, "", "  ")
	if err != nil {
		return fmt.Errorf("encode inventory: %w", err)
	}
	data = append(data, '\n')
	if out == "" || out == "-" {
		_, err = a.stdout.Write(data)
		return err
	}
	if err := state.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	log.Info("inventory written", "file", out, "bytes", len(data), "partial", b.Report.Partial,
		"duration", time.Since(start).Round(time.Millisecond))
	return nil
}

// validateReport logs, without failing, what Validate finds: a report with
// one odd field is still worth more to the administrator than none.
func validateReport(log *slog.Logger, r *inventory.Report) {
	err := r.Validate()
	var ve *inventory.ValidationError
	if errors.As(err, &ve) {
		fields := make([]string, len(ve.Errors))
		for i, fe := range ve.Errors {
			fields[i] = fe.Error()
		}
		log.Warn("the inventory does not pass validation; writing it anyway", "fields", fields)
	} else if err != nil {
		log.Warn("the inventory does not pass validation; writing it anyway", "err", err)
	}
}

// localIdentity returns the device ID and, when the state directory is
// usable, its store. A user who cannot write (or read) the state directory
// still gets the same device ID, derived by the documented rule.
func localIdentity(cfg *config.Config, log *slog.Logger) (string, *state.Store) {
	store, err := state.Open(cfg.StateDir)
	if err == nil {
		id, err := store.DeviceID()
		if err == nil {
			return id, store
		}
		log.Debug("cannot store the device ID", "err", err)
	}
	ro := state.OpenReadOnly(cfg.StateDir)
	if id, err := ro.Identity(); err == nil && id.DeviceID != "" {
		return id.DeviceID, ro
	}
	id, anchored := state.DeriveDeviceID()
	if !anchored {
		log.Warn("no installation time found and the state directory is not writable: the device ID will change between runs",
			"state_dir", cfg.StateDir)
	}
	return id, nil
}
