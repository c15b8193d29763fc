package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

func TestProfilePassword(t *testing.T) {
	e := newEnv(t)
	c := e.as("observer")
	other := e.as("observer") // another browser of the same person
	const newPW = "a brand new passphrase"
	tests := []struct {
		name    string
		form    url.Values
		status  int
		message string
	}{
		{"wrong current", url.Values{"current": {"nope"}, "new": {newPW}, "confirm": {newPW}}, http.StatusBadRequest, "current password is wrong"},
		{"mismatch", url.Values{"current": {testPassword}, "new": {newPW}, "confirm": {newPW + "x"}}, http.StatusBadRequest, "differ"},
		{"too short", url.Values{"current": {testPassword}, "new": {"short"}, "confirm": {"short"}}, http.StatusBadRequest, "At least 10"},
		{"good", url.Values{"current": {testPassword}, "new": {newPW}, "confirm": {newPW}}, http.StatusSeeOther, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := c.post("/profile/password", tc.form)
			wantStatus(t, resp, tc.status)
			if tc.message != "" && !strings.Contains(body, tc.message) {
				t.Errorf("got no %q message", tc.message)
			}
		})
	}
	u, err := e.st.GetUserByLogin(ctx, "observer")
	if err != nil || !auth.CheckPassword(u.PasswordHash, newPW) {
		t.Fatalf("got %v; want the new password stored", err)
	}
	if resp, _ := c.get("/profile?saved=password"); resp.StatusCode != http.StatusOK {
		t.Errorf("got %d for this browser; want it still logged in", resp.StatusCode)
	}
	if resp, _ := other.get("/profile"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("got %d for the other browser; want its session ended", resp.StatusCode)
	}
}

func TestProfilePrefs(t *testing.T) {
	e := newEnv(t)
	c := e.as("technician")
	resp, _ := c.post("/profile/prefs", url.Values{"lang": {"fr"}, "per": {"200"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body := c.get("/profile?saved=1")
	if !strings.Contains(body, "Préférences enregistrées") || !strings.Contains(body, `<option value="200" selected>`) {
		t.Error("preferences not applied")
	}
	_, body = c.get("/assets")
	if !strings.Contains(body, `name="per" value="200"`) {
		t.Error("the park list does not use the preferred rows per page")
	}
}

// A directory (LDAP) user is told to change the password in the directory,
// and the form cannot set a local one.
func TestProfilePasswordOfDirectoryUser(t *testing.T) {
	e := newEnv(t)
	c := e.as("technician")
	u, err := e.st.GetUserByLogin(ctx, "technician")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SetUserPassword(ctx, u.ID, store.NoPassword); err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/profile")
	if !strings.Contains(body, "managed by the directory") || strings.Contains(body, `action="/profile/password"`) {
		t.Errorf("profile of a directory user: got the local password form or no directory message")
	}
	const pw = "a brand new passphrase"
	resp, _ := c.post("/profile/password", url.Values{"current": {"x"}, "new": {pw}, "confirm": {pw}})
	wantStatus(t, resp, http.StatusBadRequest)
	if u, _ = e.st.GetUserByLogin(ctx, "technician"); u.PasswordHash != store.NoPassword {
		t.Errorf("password hash: got %q; want it left as %q", u.PasswordHash, store.NoPassword)
	}
}

// Unticking "email me" stores the opt-out the notification rules read;
// ticking it again turns mail back on.
func TestProfileNotifyMailOptOut(t *testing.T) {
	e := newEnv(t)
	c := e.as("technician")
	id := e.users["technician"].ID
	for _, tc := range []struct {
		form url.Values
		want string
	}{
		{url.Values{"prefs_form": {"1"}, "lang": {"en"}}, "off"},
		{url.Values{"prefs_form": {"1"}, "notify_mail": {"on"}}, "on"},
	} {
		resp, _ := c.post("/profile/prefs", tc.form)
		wantStatus(t, resp, http.StatusSeeOther)
		prefs, err := e.srv.wq.UserPrefs(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got := prefs[store.PrefNotifyMail]; got != tc.want {
			t.Errorf("notify_mail after %v = %q; want %q", tc.form, got, tc.want)
		}
		_, body := c.get("/profile")
		checked := strings.Contains(body, `name="notify_mail" value="on" checked`)
		if checked != (tc.want == "on") {
			t.Errorf("box checked = %v after %v", checked, tc.form)
		}
	}
}
