package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/snmp"
)

// parcSweep runs Parc's discovery of the /24 with the options a
// technician would use: one community, the given timeout, no retry, the
// TCP and neighbour-table presence probes.
func parcSweep(ctx context.Context, l *lab, db *snmp.SysObjectDB, timeout time.Duration, dump string) (sweepResult, error) {
	start := time.Now()
	res, err := snmp.Discover(ctx, snmp.DiscoverOptions{
		Targets:     []string{l.SweepNet + ".0/24"},
		Credentials: []snmp.Credential{{ID: 1, Version: "2c", Community: community}},
		Session:     snmp.Options{Port: uint16(l.Port), Timeout: timeout},
		DB:          db,
		Probe:       snmp.Probes{snmp.TCPProbe{}, &snmp.ARPProbe{}},
	})
	out := sweepResult{Wall: time.Since(start), Found: len(res), Facts: map[string]int{}, Names: map[string]string{}}
	if err != nil {
		return out, fmt.Errorf("parc sweep: %w", err)
	}
	for _, r := range res {
		if r.Identity == nil {
			continue
		}
		n, err := contentFacts(r.Report)
		if err != nil {
			return out, err
		}
		out.Facts[r.IP] = n
		out.Names[r.IP] = r.Identity.Model
		if err := dumpJSON(dump, "parc-sweep-"+r.IP+".json", r.Report); err != nil {
			return out, err
		}
	}
	return out, nil
}

// parcInventory reads the inventory devices with up to workers at once,
// each with its own session: what pkg/snmp can do (the collector's job
// runner reads 8 devices at a time after a sweep, collector/snmppoll).
func parcInventory(ctx context.Context, l *lab, db *snmp.SysObjectDB, timeout time.Duration, workers int, dump string, tr *tracer) (invResult, error) {
	out := invResult{Facts: map[string]int{}, Names: map[string]string{}, Errors: map[string]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var slowest time.Duration
	sem := make(chan struct{}, max(workers, 1))
	start := time.Now()
	for _, d := range l.Inventory {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			t0 := time.Now()
			facts, name, sent, got, err := parcInventoryOne(ctx, net.JoinHostPort(d.IP, strconv.Itoa(l.Port)), db, timeout, dump, tr.logger(path.Base(d.Walk)))
			took := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			out.Requests += sent
			out.Variables += got
			if took > slowest {
				slowest = took
				out.Slowest = fmt.Sprintf("%s (%s) %s", d.IP, d.Walk, secs(took))
			}
			if err != nil {
				out.Errors[d.IP] = err.Error()
				return
			}
			out.Facts[d.IP], out.Names[d.IP] = facts, name
		}()
	}
	wg.Wait()
	out.Wall = time.Since(start)
	return out, nil
}

// parcInventoryOne inventories one device and returns its facts, its
// model, and the requests sent to its default context and the variables
// that came back. log receives the session's debug messages (nil: the
// default logger).
func parcInventoryOne(ctx context.Context, host string, db *snmp.SysObjectDB, timeout time.Duration, dump string, log *slog.Logger) (int, string, int, int, error) {
	s, err := snmp.Dial(ctx, host, snmp.Credential{ID: 1, Version: "2c", Community: community},
		snmp.Options{Timeout: timeout, Retries: 1, MaxRepetitions: uint32(*reps), Logger: log})
	if err != nil {
		return 0, "", 0, 0, err
	}
	defer s.Close()
	dev, err := snmp.Inventory(ctx, s, snmp.InventoryOptions{DB: db, VLANContexts: true})
	if err != nil {
		return 0, "", s.Requests(), s.Variables(), err
	}
	n, err := contentFacts(dev.Report)
	if err == nil {
		h, _, _ := net.SplitHostPort(host)
		err = dumpJSON(dump, "parc-inventory-"+h+".json", dev.Report)
	}
	return n, dev.Identity.Model, s.Requests(), s.Variables(), err
}

// reps is the GETBULK max-repetitions of Parc's inventory sessions; 0
// keeps pkg/snmp's default.
var reps = flag.Int("reps", 0, "GETBULK max-repetitions for Parc's inventory (0: pkg/snmp's default)")

// dumpJSON writes v into dir/name, indented; nothing when dir is "".
func dumpJSON(dir, name string, v any) error {
	if dir == "" {
		return nil
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name), b, 0o644)
}
