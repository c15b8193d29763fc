package ldap_test

import (
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/ldap"
	"github.com/parcproject/parc/collector/ldap/ldaptest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func newAccounts(t *testing.T, cfg ldap.Config) (*ldap.Accounts, store.Store, store.DirectoryQueries) {
	t.Helper()
	st := storetest.Open(t, "sqlite")
	a, err := ldap.NewAccounts(newDirectory(t, cfg), st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	dq, _ := store.Directory(st)
	return a, st, dq
}

func TestLoginCreatesAndRefreshes(t *testing.T) {
	srv := ldaptest.Start(t)
	a, st, dq := newAccounts(t, config(srv))
	u, ok, err := a.Authenticate(ctx, "alice", ldaptest.Password("alice"))
	if err != nil || !ok || u.Role != store.RoleTechnician || u.Name != "Alice Martin" {
		t.Fatalf("first login: got %+v, %v, %v; want alice created as technician", u, ok, err)
	}
	du, err := dq.GetDirectoryUser(ctx, "alice")
	if err != nil || du.Source != store.SourceLDAP || du.PasswordHash != store.NoPassword || du.DN != ldaptest.UserDN("alice") {
		t.Fatalf("got %+v, %v; want an ldap row without local password", du, err)
	}
	if auth.CheckPassword(du.PasswordHash, ldaptest.Password("alice")) {
		t.Error("the directory password matches the local hash; want no local password")
	}
	srv.SetAttr("alice", "mail", "a.martin@mairie.local")
	srv.AddMember("Parc-Admins", "alice")
	u, ok, err = a.Authenticate(ctx, "alice", ldaptest.Password("alice"))
	if err != nil || !ok || u.Email != "a.martin@mairie.local" || u.Role != store.RoleAdmin || u.ID != du.ID {
		t.Fatalf("second login: got %+v, %v, %v; want the same row with new mail and role admin", u, ok, err)
	}
	if _, ok, err := a.Authenticate(ctx, "alice", "wrong password"); ok || err != nil {
		t.Errorf("wrong password: got %v, %v; want refused without error", ok, err)
	}
	// An administrator disables alice in Parc: the directory does not override.
	du, _ = dq.GetDirectoryUser(ctx, "alice")
	du.Disabled = true
	if err := dq.UpdateDirectoryUser(ctx, du); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := a.Authenticate(ctx, "alice", ldaptest.Password("alice")); ok || err != nil {
		t.Errorf("disabled user: got %v, %v; want refused", ok, err)
	}
	// A local account with a directory login keeps its own password.
	if err := st.CreateUser(ctx, &store.User{Login: "bob", Role: store.RoleAdmin, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := a.Authenticate(ctx, "bob", ldaptest.Password("bob")); ok || err != nil {
		t.Errorf("local bob through LDAP: got %v, %v; want refused", ok, err)
	}
}

func TestLoginWithoutCreateOnLogin(t *testing.T) {
	srv := ldaptest.Start(t)
	cfg := config(srv)
	cfg.CreateOnLogin = false
	a, _, dq := newAccounts(t, cfg)
	if _, ok, err := a.Authenticate(ctx, "bob", ldaptest.Password("bob")); ok || err != nil {
		t.Fatalf("got %v, %v; want refused: bob was never imported", ok, err)
	}
	if _, err := dq.GetDirectoryUser(ctx, "bob"); err == nil {
		t.Error("bob was created; want no account")
	}
	if _, err := a.Import(ctx, false); err != nil {
		t.Fatal(err)
	}
	if u, ok, err := a.Authenticate(ctx, "bob", ldaptest.Password("bob")); !ok || err != nil || u.Role != store.RoleSelfService {
		t.Errorf("imported bob: got %+v, %v, %v; want a self-service login", u, ok, err)
	}
}

func TestLoginDirectoryDown(t *testing.T) {
	cfg := ldap.Config{Enabled: true, URL: "ldap://127.0.0.1:1", BaseDN: "dc=x", UserFilter: "(uid=%s)", Timeout: time.Second}
	a, _, _ := newAccounts(t, cfg)
	if _, ok, err := a.Authenticate(ctx, "alice", "some password"); ok || err == nil {
		t.Fatalf("got %v, %v; want an error", ok, err)
	}
}

// changes lists an import's changes as "action login" strings.
func changes(r ldap.ImportResult) []string {
	var out []string
	for _, c := range r.Changes {
		out = append(out, c.String())
	}
	return out
}

func TestImport(t *testing.T) {
	srv := ldaptest.Start(t)
	a, st, dq := newAccounts(t, config(srv))
	if err := st.CreateUser(ctx, &store.User{Login: "carol", Role: store.RoleAdmin, PasswordHash: "x"}); err != nil {
		t.Fatal(err)
	}
	// A dry run reports and writes nothing.
	r, err := a.Import(ctx, true)
	want := []string{"create alice (Alice Martin, technician)", "create bob (Bob Durand, self-service)"}
	if err != nil || !slices.Equal(changes(r), want) || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0], "local account") {
		t.Fatalf("dry run: got %q skipped %q, %v; want %q and carol skipped", changes(r), r.Skipped, err, want)
	}
	if l, _ := dq.ListDirectoryUsers(ctx, store.SourceLDAP); len(l) != 0 {
		t.Fatalf("dry run wrote %d users; want none", len(l))
	}
	if r, err = a.Import(ctx, false); err != nil || !slices.Equal(changes(r), want) {
		t.Fatalf("import: got %q, %v; want %q", changes(r), err, want)
	}
	if r, err = a.Import(ctx, false); err != nil || len(r.Changes) != 0 || r.Unchanged != 2 {
		t.Fatalf("second import: got %q unchanged %d, %v; want nothing to do", changes(r), r.Unchanged, err)
	}
	// Bob moves and logs in; then he leaves the directory.
	srv.SetAttr("bob", "departmentNumber", "Urbanisme")
	srv.AddMember("Parc-Techs", "bob")
	bob, ok, err := a.Authenticate(ctx, "bob", ldaptest.Password("bob"))
	if !ok || err != nil || bob.Role != store.RoleTechnician {
		t.Fatalf("bob login: got %+v, %v, %v", bob, ok, err)
	}
	srv.SetAttr("alice", "cn", "Alice Martin-Roux")
	srv.DeleteUser("bob")
	if err := st.CreateSession(ctx, &store.Session{IDHash: "h", UserID: bob.ID, CreatedAt: time.Now(), ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	r, err = a.Import(ctx, false)
	want = []string{"update alice (name)", "disable bob"}
	if err != nil || !slices.Equal(changes(r), want) {
		t.Fatalf("import after changes: got %q, %v; want %q", changes(r), err, want)
	}
	du, _ := dq.GetDirectoryUser(ctx, "bob")
	if !du.Disabled || !du.Gone || du.Department != "Urbanisme" {
		t.Errorf("got bob %+v; want disabled, gone, row kept", du)
	}
	if _, err := st.GetSession(ctx, "h"); err == nil {
		t.Error("bob's session survived; want it ended")
	}
	// Bob comes back, in no group this time: re-enabled as self-service.
	srv.AddUser(ldaptest.Bob)
	r, err = a.Import(ctx, false)
	if want = []string{"update bob (department, role, enabled)"}; err != nil || !slices.Equal(changes(r), want) {
		t.Fatalf("bob back: got %q, %v; want %q", changes(r), err, want)
	}
}

func TestImportRefusesEmptyListing(t *testing.T) {
	srv := ldaptest.Start(t)
	a, st, _ := newAccounts(t, config(srv))
	if _, err := a.Import(ctx, false); err != nil {
		t.Fatal(err)
	}
	cfg := config(srv)
	cfg.UserFilter = "(&(objectClass=inetOrgPerson)(uid=%s)(employeeType=none))"
	b, err := ldap.NewAccounts(newDirectory(t, cfg), st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Import(ctx, false); err == nil || !strings.Contains(err.Error(), "nothing changed") {
		t.Fatalf("got %v; want a refusal to disable everybody", err)
	}
}
