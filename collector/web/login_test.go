package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestLogin(t *testing.T) {
	e := newEnv(t)
	c := e.anon()
	resp, _ := c.get("/?q=x")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/login?next=%2F%3Fq%3Dx" {
		t.Fatalf("got %d %q; want 303 to the login form with next", resp.StatusCode, loc)
	}
	resp, body := c.get("/login?next=%2F%3Fq%3Dx")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, `name="next" value="/?q=x"`) {
		t.Fatalf("login form does not carry next: %s", body)
	}
	resp, body = c.post("/login", url.Values{"login": {"technician"}, "password": {"wrong password"}, "next": {"/?q=x"}})
	wantStatus(t, resp, http.StatusUnauthorized)
	if !strings.Contains(body, "Wrong login or password") {
		t.Errorf("got no error message in %s", body)
	}
	resp, _ = c.post("/login", url.Values{"login": {"technician"}, "password": {testPassword}, "next": {"/?q=x"}})
	wantStatus(t, resp, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/?q=x" {
		t.Errorf("got location %q; want back to /?q=x", loc)
	}
	var session *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == cookieSession {
			session = ck
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Secure {
		t.Fatalf("got session cookie %+v; want HttpOnly, SameSite=Lax, not Secure on http", session)
	}
	resp, body = c.get("/")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, "Technician") {
		t.Errorf("dashboard does not name the user")
	}
	resp, _ = c.post("/logout", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = c.get("/")
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("got %d after logout; want a redirect to login", resp.StatusCode)
	}
	// The old cookie is dead in the database, not only in the browser.
	req, _ := http.NewRequest(http.MethodGet, e.ts.URL+"/", nil)
	req.AddCookie(session)
	resp, _ = e.anon().do(req)
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("got %d with the logged-out session cookie; want a redirect to login", resp.StatusCode)
	}
}

func TestLoginRedirectStaysLocal(t *testing.T) {
	e := newEnv(t)
	for _, next := range []string{"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"} {
		c := e.as("")
		resp, _ := c.post("/login", url.Values{"login": {"admin"}, "password": {testPassword}, "next": {next}})
		if loc := resp.Header.Get("Location"); loc != "/" {
			t.Errorf("next %q: got location %q; want /", next, loc)
		}
	}
}

func TestLoginThrottle(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	e.srv.opts.Now = func() time.Time { return now }
	c := e.as("")
	for i := 0; i < loginFree; i++ {
		resp, _ := c.post("/login", url.Values{"login": {"observer"}, "password": {"not the password"}})
		wantStatus(t, resp, http.StatusUnauthorized)
	}
	// Blocked now, even with the right password.
	resp, body := c.post("/login", url.Values{"login": {"Observer"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusTooManyRequests)
	if !strings.Contains(body, "Too many failed attempts") {
		t.Errorf("got no throttling message")
	}
	// Another login from the same address is not blocked yet.
	resp, _ = c.post("/login", url.Values{"login": {"admin"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther)
	// A minute later the observer may try again.
	now = now.Add(throttleBase + time.Second)
	resp, _ = e.as("").post("/login", url.Values{"login": {"observer"}, "password": {testPassword}})
	wantStatus(t, resp, http.StatusSeeOther)
}

func TestSessionExpiry(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	e.srv.opts.Now = func() time.Time { return now }
	c := e.as("technician")
	step := e.srv.opts.IdleTimeout - time.Minute
	// Used regularly, the session lives until its absolute lifetime.
	for used := time.Duration(0); used+step < e.srv.opts.SessionLifetime; used += step {
		now = now.Add(step)
		resp, _ := c.get("/")
		wantStatus(t, resp, http.StatusOK)
	}
	now = now.Add(step)
	resp, _ := c.get("/")
	wantStatus(t, resp, http.StatusSeeOther)
	// Left idle, it ends after the idle timeout.
	c = e.as("technician")
	now = now.Add(e.srv.opts.IdleTimeout + time.Second)
	resp, _ = c.get("/")
	wantStatus(t, resp, http.StatusSeeOther)
}

// TestHTTPSBaseURL checks that behind an https base URL the session cookie
// is Secure and forms are accepted only from that origin.
func TestHTTPSBaseURL(t *testing.T) {
	e := newEnv(t)
	srv, err := New(e.st, e.srv.log, Options{BaseURL: "https://parc.mairie.example"})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	e.ts.Config.Handler = srv.Handler()
	c := e.as("")
	req := func(origin string) *http.Response {
		form := url.Values{"csrf": {c.csrf}, "login": {"admin"}, "password": {testPassword}}
		r, _ := http.NewRequest(http.MethodPost, e.ts.URL+"/login", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Origin", origin)
		resp, _ := c.do(r)
		return resp
	}
	wantStatus(t, req(e.ts.URL), http.StatusForbidden) // not the public origin
	resp := req("https://parc.mairie.example")
	wantStatus(t, resp, http.StatusSeeOther)
	for _, ck := range resp.Cookies() {
		if ck.Name == cookieSession && !ck.Secure {
			t.Error("got a session cookie without Secure behind https")
		}
	}
	if _, err := New(e.st, e.srv.log, Options{BaseURL: "parc.mairie.example"}); err == nil {
		t.Error("got no error for a base URL without scheme")
	}
}
