package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"

	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/ldap"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/web"
)

const ldapUsage = `Usage:
  parc-collector ldap test [--sample N] [--login L]   check the connection and service bind, list a few users
                                                     (--login: also check L's password, read on stdin)
  parc-collector ldap import [--dry-run]             create, update and disable users from the directory
The ldap.* keys of the --config file (or PARC_LDAP_* variables) say how to reach the directory.`

func runLDAP(args []string, s stdio) error {
	if len(args) == 0 || (args[0] != "test" && args[0] != "import") {
		fmt.Fprintln(s.err, ldapUsage)
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if args[0] == "test" {
		return runLDAPTest(ctx, args[1:], s)
	}
	return runLDAPImport(ctx, args[1:], s)
}

func runLDAPTest(ctx context.Context, args []string, s stdio) error {
	f := newFlags(s, "ldap test", "ldap test [--sample N] [--login L] [--config FILE]")
	n := f.fs.Int("sample", 5, "how many users to list")
	login := f.fs.String("login", "", "also log this user in (password on standard input)")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	dir, err := newDirectory(cfg)
	if err != nil {
		return err
	}
	c := dir.Config()
	l, err := dir.Sample(ctx, *n)
	if err != nil {
		return err
	}
	fmt.Fprintf(s.out, "connected to %s (%s), bound as %s\n", c.URL, transport(c), orAnonymous(c.BindDN))
	fmt.Fprintf(s.out, "users under %s matching %s (first %d):\n", c.BaseDN, strings.Replace(c.UserFilter, "%s", "*", 1), *n)
	printPeople(s.out, l.People)
	for _, why := range l.Skipped {
		fmt.Fprintf(s.out, "skipped: %s\n", why)
	}
	if *login == "" {
		return nil
	}
	pw, _ := bufio.NewReader(s.in).ReadString('\n')
	p, err := dir.Authenticate(ctx, *login, strings.TrimRight(pw, "\r\n"))
	if err != nil {
		return fmt.Errorf("login of %s: %w", *login, err)
	}
	fmt.Fprintf(s.out, "login of %s OK: %s, role %s, groups %s\n", p.Login, p.DN, p.Role, strings.Join(p.Groups, "; "))
	return nil
}

func runLDAPImport(ctx context.Context, args []string, s stdio) error {
	f := newFlags(s, "ldap import", "ldap import [--dry-run] [--config FILE] [--data DIR | --database DSN]")
	dry := f.fs.Bool("dry-run", false, "print what would change, change nothing")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	dir, err := newDirectory(cfg)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	acc, err := ldap.NewAccounts(dir, st, newLogger(s, cfg))
	if err != nil {
		return err
	}
	res, err := acc.Import(ctx, *dry)
	if err != nil {
		return err
	}
	for _, c := range res.Changes {
		fmt.Fprintln(s.out, c)
	}
	for _, why := range res.Skipped {
		fmt.Fprintf(s.out, "skipped: %s\n", why)
	}
	verb := "imported"
	if res.DryRun {
		verb = "dry run, nothing written"
	}
	fmt.Fprintf(s.out, "%s: %d created, %d updated, %d disabled, %d unchanged, %d skipped\n", verb,
		res.Count(ldap.ActionCreate), res.Count(ldap.ActionUpdate), res.Count(ldap.ActionDisable), res.Unchanged, len(res.Skipped))
	return nil
}

// newDirectory is the configured directory; an error says how to turn it on.
func newDirectory(cfg config.Config) (*ldap.Directory, error) {
	if !cfg.LDAP.Enabled {
		return nil, errors.New("LDAP is off: set ldap.enabled: true and the ldap.* keys in the --config file (or PARC_LDAP_ENABLED=true and PARC_LDAP_* variables)")
	}
	return ldap.New(cfg.LDAP.Directory())
}

// loginDirectory is the web login's directory, nil when LDAP is off.
func loginDirectory(cfg config.Config, st store.Store, log *slog.Logger) (web.Directory, error) {
	if !cfg.LDAP.Enabled {
		return nil, nil
	}
	dir, err := newDirectory(cfg)
	if err != nil {
		return nil, err
	}
	acc, err := ldap.NewAccounts(dir, st, log)
	if err != nil {
		return nil, err
	}
	log.Info("LDAP login enabled", "ldap", dir.Config())
	if c := dir.Config(); !c.StartTLS && !strings.HasPrefix(c.URL, "ldaps://") {
		log.Warn("LDAP is not encrypted: passwords cross the network in clear; set ldap.start_tls or use an ldaps:// URL")
	}
	return acc, nil
}

func transport(c ldap.Config) string {
	switch {
	case strings.HasPrefix(c.URL, "ldaps://"):
		return "TLS"
	case c.StartTLS:
		return "StartTLS"
	}
	return "not encrypted: passwords cross the network in clear; use StartTLS or ldaps"
}

func orAnonymous(dn string) string {
	if dn == "" {
		return "anonymous"
	}
	return dn
}

func printPeople(w io.Writer, people []ldap.Person) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  LOGIN\tNAME\tEMAIL\tDEPARTMENT\tROLE")
	for _, p := range people {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", p.Login, p.Name, p.Email, p.Department, p.Role)
	}
	tw.Flush()
}
