package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/pkg/snmp"
	"github.com/parcproject/parc/pkg/version"
)

// runSNMP dispatches `parc-collector snmp discover|inventory|update-ids`.
func runSNMP(args []string, s stdio) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(s.err, `Usage: parc-collector snmp COMMAND [flags]

One-off network discovery and SNMP inventory, printed without touching the
park (discovery jobs that import devices are set up in the web UI).

Commands:
  discover     sweep ranges and list the SNMP devices that answer
  inventory    read one device in full
  update-ids   replace the sysobject.ids device database with FILE

Run parc-collector snmp COMMAND --help for the flags.`)
		if len(args) == 0 {
			return errUsage
		}
		return errHelp
	}
	switch args[0] {
	case "discover":
		return runSNMPDiscover(args[1:], s)
	case "inventory":
		return runSNMPInventory(args[1:], s)
	case "update-ids":
		return runSNMPUpdateIDs(args[1:], s)
	}
	fmt.Fprintf(s.err, "parc-collector snmp: unknown command %q (discover, inventory or update-ids)\n", args[0])
	return errUsage
}

// snmpFlags are the flags discover and inventory share.
type snmpFlags struct {
	*cmdFlags
	communities                                               listFlag
	version                                                   string
	port, retries, workers                                    int
	timeout                                                   time.Duration
	json                                                      bool
	v3User, authProto, authPass, privProto, privPass, ctxName string
}

// listFlag is a flag that may be given several times, or comma-separated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

func newSNMPFlags(s stdio, name, synopsis string) *snmpFlags {
	f := &snmpFlags{cmdFlags: newFlags(s, "snmp "+name, synopsis)}
	fs := f.fs
	f.configFlag("sysobject-ids", "snmp.sysobject_ids", "sysobject.ids `file` identifying devices (default: the --data copy, then /usr/share/parc/sysobject.ids)")
	fs.Var(&f.communities, "community", "v1/v2c `community`; repeat it (or separate with commas) to try several in order (PARC_SNMP_COMMUNITY)")
	fs.StringVar(&f.version, "snmp-version", "2c", "SNMP `version` of the communities: 1 or 2c")
	fs.IntVar(&f.port, "port", 161, "UDP `port` of the devices")
	fs.DurationVar(&f.timeout, "timeout", time.Second, "wait for each answer, e.g. 500ms")
	fs.IntVar(&f.retries, "retries", 1, "re-sends of a request after a timeout")
	fs.IntVar(&f.workers, "workers", snmp.DefaultWorkers, "hosts probed at once")
	fs.BoolVar(&f.json, "json", false, "print one GLPI native inventory JSON document per device, one per line")
	fs.StringVar(&f.v3User, "v3-user", "", "SNMPv3 `user`, tried after the communities")
	fs.StringVar(&f.authProto, "auth-proto", "", "SNMPv3 authentication `protocol`: MD5, SHA, SHA224, SHA256, SHA384 or SHA512")
	fs.StringVar(&f.authPass, "auth-pass", "", "SNMPv3 authentication `passphrase` (prefer PARC_SNMP_AUTH_PASS: the command line is visible to other users)")
	fs.StringVar(&f.privProto, "priv-proto", "", "SNMPv3 privacy `protocol`: DES, AES, AES192 or AES256")
	fs.StringVar(&f.privPass, "priv-pass", "", "SNMPv3 privacy `passphrase` (prefer PARC_SNMP_PRIV_PASS)")
	fs.StringVar(&f.ctxName, "v3-context", "", "SNMPv3 context `name`, usually empty")
	return f
}

// credentials are the communities in order, then the v3 user if any.
func (f *snmpFlags) credentials() ([]snmp.Credential, error) {
	comms := f.communities
	if len(comms) == 0 && os.Getenv("PARC_SNMP_COMMUNITY") != "" {
		comms.Set(os.Getenv("PARC_SNMP_COMMUNITY"))
	}
	var out []snmp.Credential
	for _, c := range comms {
		out = append(out, snmp.Credential{Version: f.version, Community: c})
	}
	if f.v3User != "" {
		c := snmp.Credential{Version: "3", Username: f.v3User, AuthProtocol: f.authProto, PrivProtocol: f.privProto,
			AuthPassphrase: firstSet(f.authPass, os.Getenv("PARC_SNMP_AUTH_PASS")),
			PrivPassphrase: firstSet(f.privPass, os.Getenv("PARC_SNMP_PRIV_PASS")), ContextName: f.ctxName}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("give at least one --community or a --v3-user")
	}
	for i, c := range out {
		if err := c.Validate(); err != nil {
			return nil, fmt.Errorf("credential %d (%s): %w", i+1, c, err)
		}
	}
	if f.port < 1 || f.port > 65535 {
		return nil, fmt.Errorf("--port: %d must be between 1 and 65535", f.port)
	}
	if f.timeout <= 0 || f.retries < 0 || f.workers < 1 {
		return nil, fmt.Errorf("--timeout must be positive, --retries at least 0 and --workers at least 1")
	}
	return out, nil
}

func firstSet(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// session is the session options of the flags.
func (f *snmpFlags) session() snmp.Options {
	return snmp.Options{Port: uint16(f.port), Timeout: f.timeout, Retries: f.retries}
}

// sysObjectDB loads sysobject.ids as the collector's jobs do; without one,
// devices are identified from sysDescr and MIB probing only.
func sysObjectDB(dataDir, configured string, s stdio) *snmp.SysObjectDB {
	path := snmppoll.SysObjectPath(dataDir, configured)
	if path == "" {
		fmt.Fprintln(s.err, "warning: no sysobject.ids found (--sysobject-ids); identifying devices without it")
		return nil
	}
	db, err := snmp.LoadSysObjectIDs(path)
	if err != nil {
		fmt.Fprintf(s.err, "warning: %v; identifying devices without it\n", err)
		return nil
	}
	return db
}

func cliMeta() snmp.Meta {
	host, _ := os.Hostname()
	return snmp.Meta{DeviceID: "parc-collector-" + host, VersionClient: "Parc-Collector_v" + version.Version}
}

// interruptible is a context cancelled by Ctrl-C.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
}

var _ flag.Value = (*listFlag)(nil)
