package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parcproject/parc/collector/store"
)

const agentUsage = "Usage: parc-collector agent list | agent remove --deviceid D"

// runAgent manages enrolled agents. Removing one is how a reinstalled PC
// whose agent lost its token enrols again: the collector refuses a second
// enrolment of a deviceid that already reports.
func runAgent(args []string, s stdio) error {
	if len(args) == 0 {
		fmt.Fprintln(s.err, agentUsage)
		return errUsage
	}
	switch args[0] {
	case "list":
		return runAgentList(args[1:], s)
	case "remove":
		return runAgentRemove(args[1:], s)
	}
	fmt.Fprintln(s.err, agentUsage)
	return errUsage
}

func runAgentList(args []string, s stdio) error {
	f := newFlags(s, "agent list", "agent list")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		agents, err := st.ListAgents(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "DEVICEID\tHOSTNAME\tASSET\tVERSION\tENROLLED\tLAST CONTACT")
		for _, a := range agents {
			asset := "-"
			if a.AssetID != 0 {
				asset = fmt.Sprint(a.AssetID)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.DeviceID, dash(a.Hostname), asset, dash(a.Version),
				day(a.EnrolledAt), day(a.LastContactAt))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("write agent list: %w", err)
		}
		return nil
	})
}

func runAgentRemove(args []string, s stdio) error {
	f := newFlags(s, "agent remove", "agent remove --deviceid D")
	deviceID := f.fs.String("deviceid", "", "deviceid of the agent to remove, as `agent list` shows it (required)")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*deviceID) == "" {
		return errors.New("--deviceid is required (see `parc-collector agent list`)")
	}
	return withStore(cfg, func(ctx context.Context, st store.Store) error {
		a, err := st.GetAgentByDeviceID(ctx, *deviceID)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no agent with deviceid %q (see `parc-collector agent list`)", *deviceID)
		}
		if err != nil {
			return err
		}
		if err := st.DeleteAgent(ctx, a.ID); err != nil {
			return err
		}
		fmt.Fprintf(s.out, "removed agent %s; it can enrol again", a.DeviceID)
		if a.AssetID != 0 {
			fmt.Fprintf(s.out, " and its asset %d stays in the park", a.AssetID)
		}
		fmt.Fprintln(s.out)
		return nil
	})
}

// dash shows an empty column as "-" so the table keeps its shape.
func dash(v string) string {
	if v == "" {
		return "-"
	}
	return v
}

// day formats t as a UTC date and time, "-" for never.
func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04")
}
