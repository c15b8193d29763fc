// Command snmpbench runs Parc's SNMP discovery and inventory side by side
// with Debian's fusioninventory-netdiscovery and fusioninventory-netinventory
// (package fusioninventory-agent-task-network) on the same simulated
// devices, and prints wall times, facts per device and the issue's
// targets.
//
// The devices are snmpsimd serving the shared fixture walks: ten addresses
// of a loopback /24 answer SNMP, every other address of it reads requests
// and never answers (as an empty address of a real LAN); fifty more
// addresses serve the walks again for the inventory. Facts are counted the
// same way for both tools: non-empty leaf values of each device's part of
// the output.
//
// Each snmpsimd process is one single-threaded Python program, so the lab
// runs several (-devices-per-snmpsimd), shared by both tools alike.
//
// Usage: snmpbench [-timeout 1s] [-devices-per-snmpsimd 10] [-fusion-sweep-threads 16]
// [-fusion-inventory-threads 5] [-fusion-deadline 15m] [-dump DIR] [-parc-only]
// [-trace FILE]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"time"

	"github.com/parcproject/parc/pkg/snmp"
)

// sweepResult is one tool's sweep.
type sweepResult struct {
	Wall  time.Duration
	Found int               // hosts reported, SNMP or not
	Facts map[string]int    // by IP, SNMP devices only
	Names map[string]string // model by IP
}

// invResult is one tool's inventory.
type invResult struct {
	Wall   time.Duration
	Facts  map[string]int
	Names  map[string]string
	Errors map[string]string
	// Slowest is Parc's longest single device, "IP (walk) 1.2 s".
	Slowest string
	// Requests is the SNMP requests Parc sent, retries included, VLAN
	// contexts left out.
	Requests int
	// Variables is the variables the devices sent Parc back, the
	// simulators' work.
	Variables int
	// CPU is what the simulators and the tool used during the run.
	CPU cpuUse
}

type config struct {
	walks, sysobject       string
	sweepNet, invNet       string
	invCount               int
	perSim                 int
	timeout                time.Duration
	parcWorkers            int
	fusionSweep, fusionInv int
	fusionDeadline         time.Duration
	skipFusion             bool
	dump                   string
	trace                  string
}

func main() {
	var c config
	flag.StringVar(&c.walks, "walks", "../shared/fixtures/snmp-walks", "folder of the shared SNMP walks")
	flag.StringVar(&c.sysobject, "sysobject", "../shared/fixtures/sysobject.ids", "sysobject.ids database")
	flag.StringVar(&c.sweepNet, "sweep-net", "127.77.1", "first three octets of the swept loopback /24")
	flag.StringVar(&c.invNet, "inventory-net", "127.77.2", "first three octets of the inventory addresses")
	flag.IntVar(&c.invCount, "devices", 50, "devices to inventory")
	flag.IntVar(&c.perSim, "devices-per-snmpsimd", 10, "addresses each snmpsimd process serves (one Python process caps both tools)")
	flag.DurationVar(&c.timeout, "timeout", time.Second, "SNMP timeout of both tools")
	flag.IntVar(&c.parcWorkers, "parc-inventory-workers", 50, "devices Parc inventories at once")
	flag.IntVar(&c.fusionSweep, "fusion-sweep-threads", 16, "fusioninventory-netdiscovery --threads (16 beat 32 and 64 here)")
	flag.IntVar(&c.fusionInv, "fusion-inventory-threads", 5, "fusioninventory-netinventory --threads (5 beat 10 and 25 here)")
	flag.DurationVar(&c.fusionDeadline, "fusion-deadline", 15*time.Minute, "stop a FusionInventory run after this long")
	flag.BoolVar(&c.skipFusion, "parc-only", false, "run Parc only")
	flag.StringVar(&c.dump, "dump", "", "write every tool's output for each device into this folder")
	flag.StringVar(&c.trace, "trace", "", "write Parc's inventory requests and variables by walk and subtree into this file")
	flag.Parse()
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err := run(context.Background(), c); err != nil {
		fmt.Fprintln(os.Stderr, "snmpbench:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, c config) error {
	if !c.skipFusion {
		for _, b := range []string{"fusioninventory-netdiscovery", "fusioninventory-netinventory"} {
			if _, err := exec.LookPath(b); err != nil {
				return fmt.Errorf("%s missing: apt-get install fusioninventory-agent-task-network (or use -parc-only)", b)
			}
		}
	}
	if c.dump != "" {
		if err := os.MkdirAll(c.dump, 0o755); err != nil {
			return err
		}
	}
	db, err := snmp.LoadSysObjectIDs(c.sysobject)
	if err != nil {
		return err
	}
	l, err := startLab(c.walks, c.sweepNet, c.invNet, c.invCount, c.perSim)
	if err != nil {
		return err
	}
	defer l.Close()
	if err := l.warm(ctx); err != nil {
		return err
	}
	fmt.Printf("devices: %d snmpsimd processes (at most %d addresses each, the same for both tools) on %d addresses (port %d), %d silent addresses in %s.0/24; timeout %v\n\n",
		l.Sims, c.perSim, len(l.Sweep)+len(l.Inventory), l.Port, 254-len(l.Sweep), l.SweepNet, c.timeout)

	ps, err := parcSweep(ctx, l, db, c.timeout, c.dump)
	if err != nil {
		return err
	}
	var fs sweepResult
	var fsErr error
	if !c.skipFusion {
		fctx, cancel := context.WithTimeout(ctx, c.fusionDeadline)
		fs, fsErr = fusionSweep(fctx, l, c.timeout, c.fusionSweep, c.dump)
		cancel()
	}
	printSweep(l, ps, fs, fsErr, c)

	var pi invResult
	var tr *tracer
	if c.trace != "" {
		tr = &tracer{costs: map[traceKey]*traceCost{}}
	}
	cpu := measureCPU(l, func() { pi, err = parcInventory(ctx, l, db, c.timeout, c.parcWorkers, c.dump, tr) })
	if err != nil {
		return err
	}
	if tr != nil {
		if err := tr.write(c.trace, len(l.Inventory)/len(walks)); err != nil {
			return err
		}
	}
	pi.CPU = cpu
	var fi invResult
	var fiErr error
	if !c.skipFusion {
		fctx, cancel := context.WithTimeout(ctx, c.fusionDeadline)
		s0 := simCPU(l.Root)
		fi, fiErr = fusionInventory(fctx, l, c.timeout, c.fusionInv, c.dump)
		fi.CPU.Sim = simCPU(l.Root) - s0
		cancel()
	}
	printInventory(l, pi, fi, fiErr, c)
	if fsErr != nil || fiErr != nil {
		return errors.Join(fsErr, fiErr)
	}
	return nil
}
