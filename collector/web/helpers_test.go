package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

var ctx = context.Background()

const examplesDir = "../../../shared/fixtures/glpi-inventory-format/examples"

// testPassword is every test user's password; users are named after their
// role ("technician"...).
const testPassword = "correct horse battery"

// env is a web UI on a real store (SQLite unless PARC_TEST_WEB_DIALECT
// says postgres) seeded with the upstream examples.
type env struct {
	t      *testing.T
	st     store.Store
	srv    *Server
	ts     *httptest.Server
	users  map[string]*store.User // by role
	assets map[string]int64       // example file -> asset ID
}

func newEnv(t *testing.T) *env {
	t.Helper()
	// PARC_TEST_WEB_DIALECT=postgres runs the web tests on PostgreSQL.
	dialect := os.Getenv("PARC_TEST_WEB_DIALECT")
	if dialect == "" {
		dialect = "sqlite"
	}
	st := storetest.Open(t, dialect)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := New(st, log, Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, st: st, srv: srv, users: map[string]*store.User{}, assets: map[string]int64{}}
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range store.Roles {
		u := &store.User{Login: role, Name: strings.ToUpper(role[:1]) + role[1:], Role: role, PasswordHash: hash}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		e.users[role] = u
	}
	e.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(e.ts.Close)
	return e
}

// ingestExamples ingests the named upstream examples (all when none).
func (e *env) ingestExamples(names ...string) {
	e.t.Helper()
	in, err := ingest.New(e.st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		e.t.Fatal(err)
	}
	if len(names) == 0 {
		paths, _ := filepath.Glob(filepath.Join(examplesDir, "*.json"))
		for _, p := range paths {
			if !strings.Contains(p, "partial") {
				names = append(names, filepath.Base(p))
			}
		}
	}
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(examplesDir, n))
		if err != nil {
			e.t.Fatal(err)
		}
		res, err := in.IngestJSON(ctx, ingest.Source{Origin: "glpi"}, data)
		if err != nil {
			e.t.Fatalf("ingest %s: %v", n, err)
		}
		e.assets[n] = res.AssetID
	}
}

// client is a browser: a cookie jar that does not follow redirects.
type client struct {
	e    *env
	http *http.Client
	csrf string
}

func (e *env) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// as returns a client logged in as the user of role, through a session
// made directly in the store (fast; the login form has its own tests).
func (e *env) as(role string) *client {
	e.t.Helper()
	c := e.anon()
	if role == "" {
		c.get("/login") // the anonymous CSRF cookie
		return c
	}
	token, hash, err := auth.NewToken(auth.PrefixSession)
	if err != nil {
		e.t.Fatal(err)
	}
	c.csrf = "csrf-" + role
	now := e.srv.now()
	if err := e.st.CreateSession(ctx, &store.Session{IDHash: hash, UserID: e.users[role].ID, CSRFToken: c.csrf,
		CreatedAt: now, ExpiresAt: e.srv.expiry(now, now)}); err != nil {
		e.t.Fatal(err)
	}
	u, _ := url.Parse(e.ts.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: cookieSession, Value: token}})
	return c
}

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.e.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if m := reCSRF.FindSubmatch(body); m != nil {
		c.csrf = string(m[1])
	}
	return resp, string(body)
}

var reCSRF = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) get(path string) (*http.Response, string) {
	c.e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.e.ts.URL+path, nil)
	return c.do(req)
}

// post sends a form with the client's CSRF token (unless form sets one).
func (c *client) post(path string, form url.Values) (*http.Response, string) {
	c.e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, c.e.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.e.ts.URL)
	return c.do(req)
}

func wantStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("%s %s: got status %d; want %d", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, want)
	}
}
