// Command parc-agent inventories the computer it runs on in the GLPI native
// inventory format and sends it to a Parc collector, once or as a service.
//
//	parc-agent inventory [-o FILE]        one inventory to stdout or FILE, no network
//	parc-agent run --server URL [--once]  contact the collector, send inventories
//	parc-agent service install|start|...  run as a Windows service, systemd unit or launchd daemon
//	parc-agent status                     last and next inventory, last error, spool
//
// Run `parc-agent help` for every command, flag and configuration key.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/parcproject/parc/pkg/version"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // after "parc-agent <name> "
	about   string // a paragraph for --help
	// flags registers the command's own flags; the configuration flags are
	// added to every command.
	flags func(fs *flag.FlagSet)
	run   func(ctx context.Context, a *app) error
}

// app is what a command runs with: its parsed flags and its streams.
type app struct {
	cli    *cli
	args   []string // positional arguments after the flags
	stdout io.Writer
	stderr io.Writer
}

// errUsage marks an error in the command line (exit status 2).
var errUsage = errors.New("usage")

func commands() []*command {
	return []*command{cmdInventory(), cmdRun(), cmdService(), cmdStatus(), cmdVersion()}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status: 0 success,
// 1 failure, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printRootHelp(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && name == "help" {
			if c := findCommand(args[1]); c != nil {
				printCommandHelp(stdout, c)
				return 0
			}
		}
		printRootHelp(stdout)
		return 0
	case "-v", "-version", "--version":
		name = "version"
	}
	c := findCommand(name)
	if c == nil {
		fmt.Fprintf(stderr, "parc-agent: unknown command %q\n\n", name)
		printRootHelp(stderr)
		return 2
	}
	a := &app{stdout: stdout, stderr: stderr}
	a.cli = newCLI(c, stderr)
	rest, err := a.cli.parse(args[1:])
	if errors.Is(err, flag.ErrHelp) {
		printCommandHelp(stdout, c)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "parc-agent %s: %v\nRun 'parc-agent %s --help' for the flags.\n", c.name, err, c.name)
		return 2
	}
	a.args = rest

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := c.run(ctx, a); err != nil {
		fmt.Fprintf(stderr, "parc-agent %s: %v\n", c.name, err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func findCommand(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

func cmdVersion() *command {
	return &command{
		name: "version", summary: "print the version", usage: "",
		about: "Prints the agent's version, the commit it was built from, the Go version and the platform.",
		run: func(ctx context.Context, a *app) error {
			fmt.Fprintf(a.stdout, "parc-agent %s (commit %s, %s, %s/%s)\n",
				version.Version, version.Commit(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
