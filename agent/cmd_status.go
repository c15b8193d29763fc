package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/parcproject/parc/agent/runner"
	"github.com/parcproject/parc/agent/state"
)

func cmdStatus() *command {
	var asJSON bool
	return &command{
		name:    "status",
		summary: "show the last and next inventory, the last error and the spool",
		usage:   "[--json]",
		about: `Reads the state directory and prints the device ID, when the last full and
partial inventories were made and delivered, when the agent runs next, the
last error and how many reports wait in the spool. It works while the service
runs; reading the state directory needs root or Administrator rights.`,
		flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print the state as JSON")
		},
		run: func(ctx context.Context, a *app) error {
			cfg, err := a.cli.load()
			if err != nil {
				return err
			}
			snap, err := runner.ReadSnapshot(state.OpenReadOnly(cfg.StateDir), cfg.Server)
			if err != nil {
				return fmt.Errorf("%w; %s", err, stateDirHint(cfg.StateDir))
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(snap)
			}
			printSnapshot(a.stdout, snap)
			return nil
		},
	}
}

func printSnapshot(w io.Writer, s runner.Snapshot) {
	when := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.Local().Format("2006-01-02 15:04:05") + " (" + ago(t) + ")"
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	server := s.Server
	if server == "" {
		server = "none configured"
	}
	rows := [][2]string{
		{"Device ID", s.DeviceID},
		{"Agent version", s.Version},
		{"Collector", server},
		{"State directory", s.StateDir},
		{"Last full inventory", when(s.LastFull)},
		{"Last partial inventory", when(s.LastPartial)},
		{"Last delivered", when(s.LastSent)},
		{"Last contact", when(s.LastContact)},
		{"Next run", when(s.NextRun)},
		{"Spool", fmt.Sprintf("%d report(s), %d bytes", s.SpoolReports, s.SpoolBytes)},
	}
	for i, t := range s.Tasks {
		if i == 5 {
			break // the status page and --json show the rest
		}
		line := fmt.Sprintf("%s %s: %s, %d/%d hosts, %d found", t.Kind, t.ID, t.State, t.Done, t.Total, t.Found)
		if t.Error != "" {
			line += " (" + t.Error + ")"
		}
		rows = append(rows, [2]string{"Network task", line})
	}
	if s.TaskReports > 0 {
		rows = append(rows, [2]string{"Network task reports", fmt.Sprintf("%d waiting to be sent", s.TaskReports)})
	}
	if s.LastError != "" {
		rows = append(rows, [2]string{"Last error", s.LastError + " (" + when(s.LastErrorAt) + ")"})
	} else {
		rows = append(rows, [2]string{"Last error", "none"})
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s:\t%s\n", r[0], r[1])
	}
	tw.Flush()
}

// ago says how far t is from now, "5m ago" or "in 2h".
func ago(t time.Time) string {
	d := time.Until(t)
	if d >= 0 {
		return "in " + roughly(d)
	}
	return roughly(-d) + " ago"
}

func roughly(d time.Duration) string {
	switch {
	case d < time.Minute:
		return d.Round(time.Second).String()
	case d < time.Hour:
		return d.Round(time.Minute).String()
	case d < 48*time.Hour:
		return d.Round(time.Hour).String()
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}
