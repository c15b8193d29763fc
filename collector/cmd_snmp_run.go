package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/pkg/snmp"
)

func runSNMPDiscover(args []string, s stdio) error {
	f := newSNMPFlags(s, "discover", "snmp discover --range 10.0.0.0/24 --community public [--port N] [--timeout 1s] [--workers N] [--json] [--v3-user U --auth-proto SHA --auth-pass P --priv-proto AES --priv-pass P]")
	var ranges listFlag
	f.fs.Var(&ranges, "range", "`targets` to sweep: a CIDR range (10.0.0.0/24), a dash range (10.0.0.1-10.0.0.50) or an address; repeatable")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(ranges) == 0 {
		return errors.New("give at least one --range")
	}
	creds, err := f.credentials()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	found, err := snmp.Discover(ctx, snmp.DiscoverOptions{Targets: ranges, Credentials: creds, Session: f.session(),
		Workers: f.workers, DB: sysObjectDB(cfg.Data, cfg.SNMP.SysObjectIDs, s), Meta: cliMeta()})
	if err != nil && len(found) == 0 {
		return err
	}
	if f.json {
		enc := json.NewEncoder(s.out)
		for _, r := range found {
			if err := enc.Encode(r.Report); err != nil {
				return err
			}
		}
		return err
	}
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "IP\tTYPE\tNAME\tMANUFACTURER\tMODEL\tSERIAL\tCREDENTIAL")
	for _, r := range found {
		id := r.Identity
		if id == nil {
			fmt.Fprintf(tw, "%s\tUnmanaged\t\t\t\t\t-\n", r.IP)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.IP, dash(id.Type), dash(id.Name), dash(id.Manufacturer),
			dash(id.Model), dash(id.Serial), creds[r.Credential])
	}
	tw.Flush()
	fmt.Fprintf(s.out, "%d device(s) found\n", len(found))
	return err
}

func runSNMPInventory(args []string, s stdio) error {
	f := newSNMPFlags(s, "inventory", "snmp inventory --host H[:PORT] --community C [--timeout 1s] [--json] [--v3-user U ...]")
	var host string
	f.fs.StringVar(&host, "host", "", "device `address`, with an optional :PORT (overrides --port)")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	if host == "" {
		return errors.New("give the device with --host")
	}
	creds, err := f.credentials()
	if err != nil {
		return err
	}
	ctx, stop := interruptible()
	defer stop()
	db := sysObjectDB(cfg.Data, cfg.SNMP.SysObjectIDs, s)
	var errs []error
	for _, c := range creds { // the first credential that answers wins
		sess, err := snmp.Dial(ctx, host, c, f.session())
		if err != nil {
			return err
		}
		dev, err := snmp.Inventory(ctx, sess, snmp.InventoryOptions{DB: db, Meta: cliMeta()})
		sess.Close()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c, err))
			continue
		}
		if f.json {
			return json.NewEncoder(s.out).Encode(dev.Report)
		}
		printDevice(s, dev)
		return nil
	}
	return errors.Join(errs...)
}

// printDevice writes the facts a technician checks first.
func printDevice(s stdio, dev *snmp.Device) {
	id, r := dev.Identity, dev.Report
	tw := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	for _, kv := range [][2]string{{"Type", id.Type}, {"Name", id.Name}, {"Manufacturer", id.Manufacturer},
		{"Model", id.Model}, {"Serial", id.Serial}, {"Firmware", id.Firmware}, {"MAC", id.MAC},
		{"IPs", strings.Join(id.IPs, ", ")}, {"Location", id.Location}, {"Uptime", id.Uptime}} {
		fmt.Fprintf(tw, "%s:\t%s\n", kv[0], dash(kv[1]))
	}
	fmt.Fprintf(tw, "Ports:\t%d\n", len(r.Content.NetworkPorts))
	if pc := r.Content.PageCounters; pc != nil {
		fmt.Fprintf(tw, "Pages:\ttotal %d, black %d, colour %d\n", pc.Total, pc.Black, pc.Color)
	}
	for _, sp := range dev.Supplies {
		fmt.Fprintf(tw, "Supply:\t%s: %s\n", sp.Description, supplyLevel(sp))
	}
	tw.Flush()
}

func supplyLevel(sp snmp.Supply) string {
	if sp.Percent >= 0 {
		return fmt.Sprintf("%d %%", sp.Percent)
	}
	return sp.Value
}

func runSNMPUpdateIDs(args []string, s stdio) error {
	f := newFlags(s, "snmp update-ids", "snmp update-ids [--data DIR] FILE")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	if f.fs.NArg() != 1 {
		return errors.New("give the new sysobject.ids FILE")
	}
	data, err := os.ReadFile(f.fs.Arg(0))
	if err != nil {
		return err
	}
	ctx := context.Background()
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	// Through the database, so every collector sharing it uses the file.
	info, err := snmppoll.StoreSysObjectIDs(ctx, st, cfg.Data, data, "parc-collector snmp update-ids", time.Now())
	if err != nil {
		return fmt.Errorf("%s: %w", f.fs.Arg(0), err)
	}
	fmt.Fprintf(s.out, "installed %s with %d entries in %s and the database; the next discovery of every collector uses it\n",
		f.fs.Arg(0), info.Entries, cfg.Data)
	return nil
}
