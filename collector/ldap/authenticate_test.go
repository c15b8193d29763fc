package ldap_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ldap"
	"github.com/parcproject/parc/collector/ldap/ldaptest"
	"github.com/parcproject/parc/collector/store"
)

var ctx = context.Background()

// config reaches srv with StartTLS as the service account, with techs and
// admins mapped to roles (one group by CN, one by DN).
func config(srv *ldaptest.Server) ldap.Config {
	return ldap.Config{
		Enabled: true, URL: srv.URL, StartTLS: true, CAFile: srv.CAFile,
		BindDN: ldaptest.ServiceDN, BindPassword: ldaptest.ServicePW,
		BaseDN: ldaptest.PeopleDN, UserFilter: ldaptest.UserFilter,
		GroupRoles: map[string]string{
			"Parc-Techs":                            store.RoleTechnician,
			ldaptest.GroupDN("Parc-Admins"):         store.RoleAdmin,
			"cn=nobody,ou=groups,dc=example,dc=org": store.RoleSupervisor,
		},
		CreateOnLogin: true, Timeout: 5 * time.Second,
	}
}

func newDirectory(t *testing.T, cfg ldap.Config) *ldap.Directory {
	t.Helper()
	d, err := ldap.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAuthenticate(t *testing.T) {
	srv := ldaptest.Start(t)
	d := newDirectory(t, config(srv))
	tests := []struct {
		name, login, password string
		want                  *ldaptest.Person
		role                  string
	}{
		{"technician by group CN", "alice", ldaptest.Password("alice"), &ldaptest.Alice, store.RoleTechnician},
		{"admin by group DN wins over technician", "carol", ldaptest.Password("carol"), &ldaptest.Carol, store.RoleAdmin},
		{"no group gets the default role", "bob", ldaptest.Password("bob"), &ldaptest.Bob, store.RoleSelfService},
		{"login is case-insensitive, directory spelling kept", " ALICE ", ldaptest.Password("alice"), &ldaptest.Alice, store.RoleTechnician},
		{"wrong password", "alice", "not-her-password", nil, ""},
		{"another user's password", "alice", ldaptest.Password("bob"), nil, ""},
		{"unknown user", "mallory", ldaptest.Password("mallory"), nil, ""},
		{"empty password (anonymous bind trap)", "alice", "", nil, ""},
		{"empty login", "", ldaptest.Password("alice"), nil, ""},
		{"filter injection", "*)(uid=*", ldaptest.Password("alice"), nil, ""},
		{"filter injection with a closing", "alice)(|(uid=*", ldaptest.Password("alice"), nil, ""},
		{"filter injection matching one user", "alice)(uid=alice", ldaptest.Password("alice"), nil, ""},
		{"wildcard login", "*", ldaptest.Password("alice"), nil, ""},
		{"wildcard prefix", "al*", ldaptest.Password("alice"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := d.Authenticate(ctx, tt.login, tt.password)
			if tt.want == nil {
				if !ldap.IsInvalidCredentials(err) {
					t.Fatalf("got %+v, %v; want invalid credentials", p, err)
				}
				// An escaped filter matches nobody: "several entries" would
				// mean the login was read as filter syntax.
				if strings.Contains(err.Error(), "several entries") {
					t.Errorf("got %v; want the login matched literally", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got %v; want a login", err)
			}
			w := tt.want
			got := []string{p.Login, p.Name, p.Email, p.Phone, p.Department, p.DN, p.Role}
			want := []string{w.UID, w.Name, w.Email, w.Phone, w.Department, ldaptest.UserDN(w.UID), tt.role}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("got %q; want %q", got, want)
			}
		})
	}
}

// TestTransports logs in over each way of reaching the server and checks
// that TLS really verifies the certificate.
func TestTransports(t *testing.T) {
	srv := ldaptest.Start(t)
	tests := []struct {
		name    string
		edit    func(c *ldap.Config)
		wantErr string
	}{
		{"StartTLS", func(c *ldap.Config) {}, ""},
		{"ldaps", func(c *ldap.Config) { c.URL, c.StartTLS = srv.LDAPSURL, false }, ""},
		{"plain", func(c *ldap.Config) { c.StartTLS, c.CAFile = false, "" }, ""},
		{"StartTLS without the CA", func(c *ldap.Config) { c.CAFile = "" }, "certificate"},
		{"ldaps without the CA", func(c *ldap.Config) { c.URL, c.StartTLS, c.CAFile = srv.LDAPSURL, false, "" }, "certificate"},
		{"ldaps without the CA, verification skipped", func(c *ldap.Config) {
			c.URL, c.StartTLS, c.CAFile, c.InsecureSkipVerify = srv.LDAPSURL, false, "", true
		}, ""},
		{"ldaps on the plain port", func(c *ldap.Config) {
			c.URL, c.StartTLS = strings.Replace(srv.URL, "ldap://", "ldaps://", 1), false
		}, "connect to LDAP server"},
		{"wrong service password", func(c *ldap.Config) { c.BindPassword = "wrong" },
			"LDAP bind as " + ldaptest.ServiceDN + " failed: invalid credentials; check ldap.bind_dn"},
		{"missing base", func(c *ldap.Config) { c.BaseDN = "ou=nowhere," + ldaptest.BaseDN }, "check ldap.base_dn"},
		{"nobody listening", func(c *ldap.Config) { c.URL, c.StartTLS = "ldap://127.0.0.1:1", false }, "connect to LDAP server ldap://127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config(srv)
			tt.edit(&cfg)
			p, err := newDirectory(t, cfg).Authenticate(ctx, "alice", ldaptest.Password("alice"))
			if tt.wantErr == "" {
				if err != nil || p.Login != "alice" {
					t.Fatalf("got %q, %v; want alice logged in", p.Login, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got %v; want an error containing %q", err, tt.wantErr)
			}
			if ldap.IsInvalidCredentials(err) {
				t.Errorf("got invalid credentials for %v; want a directory error (not the user's fault)", err)
			}
			if strings.Contains(err.Error(), cfg.BindPassword) {
				t.Errorf("error %q shows the bind password", err)
			}
		})
	}
}

// TestGroupFilter finds groups by searching them, as on a directory
// without memberOf.
func TestGroupFilter(t *testing.T) {
	srv := ldaptest.Start(t)
	cfg := config(srv)
	cfg.Attributes.Groups = "description" // ignore memberOf
	cfg.GroupFilter = "(&(objectClass=groupOfNames)(member=%s))"
	cfg.GroupBaseDN = ldaptest.GroupsDN
	d := newDirectory(t, cfg)
	for login, want := range map[string]string{"alice": store.RoleTechnician, "carol": store.RoleAdmin, "bob": store.RoleSelfService} {
		p, err := d.Authenticate(ctx, login, ldaptest.Password(login))
		if err != nil || p.Role != want {
			t.Errorf("%s: got role %q, %v; want %s", login, p.Role, err, want)
		}
	}
}

func TestSample(t *testing.T) {
	srv := ldaptest.Start(t)
	d := newDirectory(t, config(srv))
	l, err := d.Sample(ctx, 2)
	if err != nil || len(l.People) != 2 {
		t.Fatalf("got %d people, %v; want 2", len(l.People), err)
	}
	all, err := d.Users(ctx)
	if err != nil || len(all.People) != 3 {
		t.Fatalf("got %d people, %v; want 3", len(all.People), err)
	}
}

func TestCanceledContext(t *testing.T) {
	srv := ldaptest.Start(t)
	d := newDirectory(t, config(srv))
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.Authenticate(cctx, "alice", ldaptest.Password("alice")); err == nil || ldap.IsInvalidCredentials(err) {
		t.Fatalf("got %v; want a cancellation error", err)
	}
}
