package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestCSRF posts forms without the token, with another session's token,
// and from another origin: each is refused and changes nothing.
func TestCSRF(t *testing.T) {
	e := newEnv(t)
	tech := e.as("technician")
	other := e.as("admin")
	tests := []struct {
		name   string
		form   url.Values
		header map[string]string
	}{
		{"no token", url.Values{"csrf": {""}}, nil},
		{"another session's token", url.Values{"csrf": {other.csrf}}, nil},
		{"cross-origin", nil, map[string]string{"Origin": "https://evil.example"}},
		{"null origin", nil, map[string]string{"Origin": "null"}},
		{"cross-site fetch", nil, map[string]string{"Sec-Fetch-Site": "cross-site"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			form := tc.form
			if form == nil {
				form = url.Values{"csrf": {tech.csrf}}
			}
			form.Set("lang", "fr")
			req, _ := http.NewRequest(http.MethodPost, e.ts.URL+"/lang", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			resp, _ := tech.do(req)
			wantStatus(t, resp, http.StatusForbidden)
			prefs, err := e.srv.wq.UserPrefs(ctx, e.users["technician"].ID)
			if err != nil || prefs["lang"] != "" {
				t.Errorf("got prefs %v, %v; want no language stored", prefs, err)
			}
		})
	}
	// The login form is protected too (login CSRF).
	resp, _ := e.anon().post("/login", url.Values{"login": {"admin"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusForbidden)
	// And the same form with the right token passes.
	resp, _ = tech.post("/lang", url.Values{"lang": {"fr"}, "next": {"/"}})
	wantStatus(t, resp, http.StatusSeeOther)
}
