// Command parc-collector is Parc's server: it receives inventories from
// parc-agent (and GLPI agents), keeps the asset park in SQLite or
// PostgreSQL, and serves the web UI and APIs.
//
//	parc-collector serve [--listen 127.0.0.1:8080] [--data ./data] [--database DSN] [--base-url URL] [--config FILE]
//	parc-collector user add --login L --role R      (password on stdin)
//	parc-collector token create --login L
//	parc-collector enroll-secret [--rotate]
//	parc-collector agent list | agent remove --deviceid D
//	parc-collector migrate
//	parc-collector backup FILE
//	parc-collector ldap test|import [--dry-run]
//	parc-collector snmp discover|inventory|update-ids
//	parc-collector version
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one subcommand.
type command struct {
	name, summary string
	run           func(args []string, io stdio) error
}

// stdio are the streams a command uses, replaceable in tests.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

var commands = []command{
	{"serve", "run the collector (agent API, web UI, metrics)", runServe},
	{"user", "manage users: user add --login L --role R (password on stdin)", runUser},
	{"token", "manage API tokens: token create --login L", runToken},
	{"enroll-secret", "print the site enrolment secret agents need (--rotate for a new one)", runEnrollSecret},
	{"agent", "enrolled agents: agent list, agent remove --deviceid D (lets a reinstalled PC enrol again)", runAgent},
	{"migrate", "apply pending database migrations", runMigrate},
	{"backup", "write a consistent copy of the SQLite database to FILE", runBackup},
	{"ldap", "LDAP / Active Directory: ldap test (connection, sample users), ldap import [--dry-run]", runLDAP},
	{"snmp", "one-off SNMP: snmp discover --range R --community C, snmp inventory --host H, snmp update-ids FILE", runSNMP},
	{"version", "print the version", runVersion},
}

func main() {
	os.Exit(run(os.Args[1:], stdio{os.Stdin, os.Stdout, os.Stderr}))
}

func run(args []string, s stdio) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(s.err)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			if err := c.run(args[1:], s); err != nil {
				switch err {
				case errHelp:
					return 0
				case errUsage:
					return 2
				}
				fmt.Fprintf(s.err, "parc-collector %s: %v\n", c.name, err)
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(s.err, "parc-collector: unknown command %q\n\n", args[0])
	usage(s.err)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: parc-collector COMMAND [flags]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun parc-collector COMMAND --help for the flags of a command.")
	fmt.Fprintln(w, "Every flag can also be set in the --config YAML file or a PARC_* variable (e.g. PARC_DATABASE).")
}
