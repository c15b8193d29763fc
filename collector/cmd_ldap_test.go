package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/ldap/ldaptest"
	"github.com/parcproject/parc/collector/store"
)

func TestLDAPCommands(t *testing.T) {
	srv := ldaptest.Start(t)
	dir := t.TempDir()
	cfgFile := filepath.Join(dir, "parc.yaml")
	yaml := fmt.Sprintf(`data: %s
ldap:
  enabled: true
  url: %s
  start_tls: true
  ca_file: %s
  bind_dn: %s
  base_dn: %s
  user_filter: "%s"
  group_roles:
    Parc-Techs: technician
    Parc-Admins: admin
`, dir, srv.URL, srv.CAFile, ldaptest.ServiceDN, ldaptest.PeopleDN, ldaptest.UserFilter)
	if err := os.WriteFile(cfgFile, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	conf := "--config=" + cfgFile
	t.Setenv("PARC_LDAP_BIND_PASSWORD", ldaptest.ServicePW)

	code, out, errs := runCmd(t, "", "ldap", "test", conf, "--sample", "2")
	if code != 0 || !strings.Contains(out, "(StartTLS), bound as "+ldaptest.ServiceDN) || strings.Count(out, "@mairie.local") != 2 {
		t.Fatalf("ldap test: got %d %q %q; want StartTLS, the service bind and 2 users", code, out, errs)
	}
	code, out, errs = runCmd(t, ldaptest.Password("carol")+"\n", "ldap", "test", conf, "--login", "carol")
	if code != 0 || !strings.Contains(out, "login of carol OK") || !strings.Contains(out, "role admin") {
		t.Fatalf("ldap test --login: got %d %q %q", code, out, errs)
	}
	if code, _, errs = runCmd(t, "wrong\n", "ldap", "test", conf, "--login", "carol"); code != 1 || !strings.Contains(errs, "invalid credentials") {
		t.Errorf("ldap test --login with a wrong password: got %d %q", code, errs)
	}
	code, out, errs = runCmd(t, "", "ldap", "import", conf, "--dry-run")
	if code != 0 || !strings.Contains(out, "create alice (Alice Martin, technician)") || !strings.Contains(out, "dry run, nothing written: 3 created") {
		t.Fatalf("ldap import --dry-run: got %d %q %q", code, out, errs)
	}
	code, out, errs = runCmd(t, "", "ldap", "import", conf)
	if code != 0 || !strings.Contains(out, "imported: 3 created, 0 updated, 0 disabled") {
		t.Fatalf("ldap import: got %d %q %q", code, out, errs)
	}
	st, err := store.Open(context.Background(), store.Options{DSN: filepath.Join(dir, "parc.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dq, _ := store.Directory(st)
	if u, err := dq.GetDirectoryUser(context.Background(), "carol"); err != nil || u.Role != store.RoleAdmin || u.Source != store.SourceLDAP {
		t.Errorf("got carol %+v, %v; want an ldap admin", u, err)
	}

	t.Setenv("PARC_LDAP_BIND_PASSWORD", "wrong")
	code, _, errs = runCmd(t, "", "ldap", "test", conf)
	if code != 1 || !strings.Contains(errs, "LDAP bind as "+ldaptest.ServiceDN+" failed: invalid credentials; check ldap.bind_dn") || strings.Contains(errs, "wrong") {
		t.Errorf("wrong service password: got %d %q", code, errs)
	}
	t.Setenv("PARC_LDAP_ENABLED", "false")
	if code, _, errs = runCmd(t, "", "ldap", "import", conf); code != 1 || !strings.Contains(errs, "LDAP is off") {
		t.Errorf("ldap off: got %d %q", code, errs)
	}
	if code, _, _ = runCmd(t, "", "ldap"); code != 2 {
		t.Errorf("ldap without subcommand: got %d; want 2", code)
	}
}
