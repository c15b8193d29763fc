package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

// loginAs logs a fresh browser in through the login form.
func (e *env) loginAs(login, password string) *client {
	e.t.Helper()
	c := e.as("")
	resp, body := c.post("/login", url.Values{"login": {login}, "password": {password}})
	if resp.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("log in as %s: got %d: %s", login, resp.StatusCode, body)
	}
	return c
}

// An account an administrator created must choose its own password
// before it may use any page but the change form and logout; the choice
// clears the flag, and an administrator's reset sets it again.
func TestMustChangePassword(t *testing.T) {
	e := newEnv(t)
	admin := e.as(store.RoleAdmin)
	resp, body := admin.post("/admin/users", url.Values{"login": {"newbie"}, "name": {"New Bie"}, "role": {store.RoleTechnician}})
	wantStatus(t, resp, http.StatusCreated)
	m := reTempPassword.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no temporary password shown")
	}
	temp := m[1]
	u, err := e.st.GetUserByLogin(ctx, "newbie")
	if err != nil || !u.MustChangePassword {
		t.Fatalf("got %+v, %v; want the new account flagged", u, err)
	}

	c := e.loginAs("newbie", temp)
	for _, tc := range []struct {
		method, path string
		want         int
		location     string
	}{
		{http.MethodGet, accountPasswordPath, http.StatusOK, ""}, // and its CSRF token
		{http.MethodGet, "/", http.StatusSeeOther, accountPasswordPath},
		{http.MethodGet, "/tickets", http.StatusSeeOther, accountPasswordPath},
		{http.MethodGet, "/profile", http.StatusSeeOther, accountPasswordPath},
		{http.MethodPost, "/profile/prefs", http.StatusSeeOther, accountPasswordPath},
		{http.MethodGet, "/assets/export.csv", http.StatusForbidden, ""},
	} {
		var resp *http.Response
		var body string
		if tc.method == http.MethodGet {
			resp, body = c.get(tc.path)
		} else {
			resp, body = c.post(tc.path, url.Values{"lang": {"fr"}})
		}
		if resp.StatusCode != tc.want || resp.Header.Get("Location") != tc.location {
			t.Errorf("%s %s: got %d to %q; want %d to %q", tc.method, tc.path, resp.StatusCode,
				resp.Header.Get("Location"), tc.want, tc.location)
		}
		if tc.path == accountPasswordPath && !strings.Contains(body, `id="must-change"`) {
			t.Errorf("change page: got no must-change notice")
		}
	}
	if prefs, _ := e.srv.wq.UserPrefs(ctx, u.ID); prefs["lang"] != "" {
		t.Errorf("a blocked POST saved the language %q", prefs["lang"])
	}

	const mine = "my very own passphrase"
	for _, tc := range []struct {
		name    string
		form    url.Values
		status  int
		message string
	}{
		{"wrong current", url.Values{"current": {"nope"}, "new": {mine}, "confirm": {mine}}, http.StatusBadRequest, "current password is wrong"},
		{"same as given", url.Values{"current": {temp}, "new": {temp}, "confirm": {temp}}, http.StatusBadRequest, "must differ"},
		{"mismatch", url.Values{"current": {temp}, "new": {mine}, "confirm": {mine + "x"}}, http.StatusBadRequest, "differ"},
		{"too short", url.Values{"current": {temp}, "new": {"short"}, "confirm": {"short"}}, http.StatusBadRequest, "At least 10"},
		{"no CSRF", url.Values{"csrf": {"forged"}, "current": {temp}, "new": {mine}, "confirm": {mine}}, http.StatusForbidden, ""},
		{"good", url.Values{"current": {temp}, "new": {mine}, "confirm": {mine}}, http.StatusSeeOther, ""},
	} {
		resp, body := c.post(accountPasswordPath, tc.form)
		if resp.StatusCode != tc.status || !strings.Contains(body, tc.message) {
			t.Errorf("%s: got %d; want %d with %q", tc.name, resp.StatusCode, tc.status, tc.message)
		}
	}
	if u, _ = e.st.GetUserByLogin(ctx, "newbie"); u.MustChangePassword || !auth.CheckPassword(u.PasswordHash, mine) {
		t.Fatalf("after the change: flag %v, new password stored %v; want cleared and stored",
			u.MustChangePassword, auth.CheckPassword(u.PasswordHash, mine))
	}
	if resp, _ := c.get("/"); resp.StatusCode != http.StatusOK {
		t.Errorf("dashboard after the change: got %d; want 200", resp.StatusCode)
	}

	// The administrator resets it: a new one-time password, the flag
	// again, the user's sessions ended.
	resp, body = admin.post("/admin/users/"+strconv.FormatInt(u.ID, 10)+"/password", nil)
	wantStatus(t, resp, http.StatusOK)
	if m = reTempPassword.FindStringSubmatch(body); m == nil || !strings.Contains(body, `id="user-reset"`) {
		t.Fatal("reset: no one-time password shown")
	}
	if u, _ = e.st.GetUserByLogin(ctx, "newbie"); !u.MustChangePassword || !auth.CheckPassword(u.PasswordHash, m[1]) {
		t.Errorf("after the reset: flag %v; want set, with the shown password", u.MustChangePassword)
	}
	if resp, _ := c.get("/"); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") == accountPasswordPath {
		t.Errorf("old session after the reset: got %d to %q; want sent to the login", resp.StatusCode, resp.Header.Get("Location"))
	}
	c = e.loginAs("newbie", m[1])
	if resp, _ := c.get("/tickets"); resp.Header.Get("Location") != accountPasswordPath {
		t.Errorf("after the reset: /tickets sends to %q; want %s", resp.Header.Get("Location"), accountPasswordPath)
	}
	c.get(accountPasswordPath)
	if resp, _ := c.post("/logout", nil); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") == accountPasswordPath {
		t.Errorf("logout: got %d to %q; want allowed", resp.StatusCode, resp.Header.Get("Location"))
	}

	// Only administrators reset; directory accounts cannot be.
	tech := e.as(store.RoleTechnician)
	resp, _ = tech.post("/admin/users/"+strconv.FormatInt(u.ID, 10)+"/password", nil)
	wantStatus(t, resp, http.StatusForbidden)
	dir := e.users[store.RoleObserver]
	if err := e.st.SetUserPassword(ctx, dir.ID, store.NoPassword); err != nil {
		t.Fatal(err)
	}
	resp, body = admin.post("/admin/users/"+strconv.FormatInt(dir.ID, 10)+"/password", nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "directory") {
		t.Errorf("reset of a directory account: got %d; want 400 naming the directory", resp.StatusCode)
	}
	resp, _ = admin.post("/admin/users/99999/password", nil)
	wantStatus(t, resp, http.StatusNotFound)
}
