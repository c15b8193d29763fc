// Command loadgen simulates a town hall's park of PCs against a running
// parc-collector, in the spirit of Fleet's osquery-perf: N agents enrol
// with the site secret, each sends a realistic full inventory (about 150
// programs from a Windows or Debian catalogue, processors, memory, disks,
// volumes, several NICs, monitors, BIOS serials and UUIDs; Dell, HP and
// Lenovo models named PC-ACCUEIL-012, LAPTOP-DGS-001...), then partial
// reports (volume free space, now and then a few software changes), all
// deterministic from a seed. It prints the sustained rate and the latency
// percentiles of each phase, and the errors by HTTP status.
//
// Usage:
//
//	loadgen run    -url URL -secret S [-agents 100] [-concurrency 16] [-partials 5 | -duration 1m] [-rate 0] [-seed 1]
//	loadgen seed   -database DSN -assets 100000   (bulk park through the store, for list benchmarks)
//	loadgen list   -database DSN                  (park list latency through store.ListAssets)
//	loadgen dbsize -database DSN                  (database size per 1,000 PCs)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

const usage = `usage: loadgen COMMAND [flags]
  run     simulate agents against a running collector (enrol, full report, partial reports)
  seed    fill a store with many assets quickly, through the store's create methods
  list    measure park list latency on a store
  dbsize  print a store's size per 1,000 PCs
Run "loadgen COMMAND -h" for the flags of a command.`

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, usage)
		return flag.ErrHelp
	}
	cmds := map[string]func(context.Context, []string, io.Writer) error{
		"run": cmdRun, "seed": cmdSeed, "list": cmdList, "dbsize": cmdDBSize,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintln(os.Stderr, usage)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return cmd(ctx, args[1:], out)
}
