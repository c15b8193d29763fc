package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/ldap"
	"github.com/parcproject/parc/collector/ldap/ldaptest"
	"github.com/parcproject/parc/collector/store"
)

// withDirectory plugs a directory with the ldaptest users into e.
func (e *env) withDirectory(cfg ldap.Config) {
	e.t.Helper()
	dir, err := ldap.New(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	acc, err := ldap.NewAccounts(dir, e.st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		e.t.Fatal(err)
	}
	e.srv.opts.Directory = acc
}

func ldapConfig(srv *ldaptest.Server) ldap.Config {
	return ldap.Config{Enabled: true, URL: srv.URL, StartTLS: true, CAFile: srv.CAFile,
		BindDN: ldaptest.ServiceDN, BindPassword: ldaptest.ServicePW, BaseDN: ldaptest.PeopleDN,
		UserFilter: ldaptest.UserFilter, GroupRoles: map[string]string{"Parc-Techs": store.RoleTechnician},
		CreateOnLogin: true, Timeout: 5 * time.Second}
}

func TestLoginDirectory(t *testing.T) {
	srv := ldaptest.Start(t)
	e := newEnv(t)
	e.withDirectory(ldapConfig(srv))
	tests := []struct {
		name, login, password string
		want                  int
	}{
		{"directory user, first login creates the account", "alice", ldaptest.Password("alice"), http.StatusSeeOther},
		{"directory user again", "alice", ldaptest.Password("alice"), http.StatusSeeOther},
		{"local account first", "technician", testPassword, http.StatusSeeOther},
		{"local account does not fall back to the directory", "technician", ldaptest.Password("alice"), http.StatusUnauthorized},
		{"wrong directory password", "alice", "not her password", http.StatusUnauthorized},
		{"empty password", "alice", "", http.StatusUnauthorized},
		{"unknown everywhere", "mallory", "whatever password", http.StatusUnauthorized},
		{"filter injection", "*)(uid=*", ldaptest.Password("alice"), http.StatusUnauthorized},
		{"the marker hash is no password", "alice", store.NoPassword, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := e.as("")
			resp, body := c.post("/login", url.Values{"login": {tt.login}, "password": {tt.password}})
			wantStatus(t, resp, tt.want)
			if tt.want == http.StatusUnauthorized && !strings.Contains(body, "Wrong login or password") {
				t.Errorf("got no failure message")
			}
		})
	}
	c := e.as("")
	c.post("/login", url.Values{"login": {"alice"}, "password": {ldaptest.Password("alice")}})
	resp, body := c.get("/")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, "Alice Martin") {
		t.Errorf("dashboard does not name Alice Martin")
	}
	dq, _ := store.Directory(e.st)
	u, err := dq.GetDirectoryUser(ctx, "alice")
	if err != nil || u.Source != store.SourceLDAP || u.Role != store.RoleTechnician {
		t.Fatalf("got %+v, %v; want alice from ldap as technician", u, err)
	}
	// LDAP switched off: directory users cannot log in with anything.
	e.srv.opts.Directory = nil
	resp, _ = e.as("").post("/login", url.Values{"login": {"alice"}, "password": {ldaptest.Password("alice")}})
	wantStatus(t, resp, http.StatusUnauthorized)
}

func TestLoginDirectoryThrottle(t *testing.T) {
	srv := ldaptest.Start(t)
	e := newEnv(t)
	e.withDirectory(ldapConfig(srv))
	c := e.as("")
	for i := 0; i < loginFree; i++ {
		resp, _ := c.post("/login", url.Values{"login": {"bob"}, "password": {"guessing"}})
		wantStatus(t, resp, http.StatusUnauthorized)
	}
	resp, _ := c.post("/login", url.Values{"login": {"bob"}, "password": {ldaptest.Password("bob")}})
	wantStatus(t, resp, http.StatusTooManyRequests)
}

func TestLoginDirectoryDown(t *testing.T) {
	e := newEnv(t)
	e.withDirectory(ldap.Config{Enabled: true, URL: "ldap://127.0.0.1:1", BaseDN: "dc=x", UserFilter: "(uid=%s)", Timeout: time.Second})
	for i := 0; i <= loginFree; i++ {
		resp, body := e.as("").post("/login", url.Values{"login": {"alice"}, "password": {"some password"}})
		wantStatus(t, resp, http.StatusServiceUnavailable)
		if !strings.Contains(body, "directory (LDAP) cannot be reached") {
			t.Fatalf("got no directory message")
		}
	}
	// Nobody was blocked: the password was never judged. Local accounts work.
	resp, _ := e.as("").post("/login", url.Values{"login": {"admin"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther)
	if _, err := e.srv.wq.LoginThrottle(ctx, loginKey("alice")); err == nil {
		t.Error("alice has a failure counter; want none while the directory is down")
	}
}
