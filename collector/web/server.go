// Package web is parc-collector's web UI for technicians: login and
// sessions, the park list, asset pages with edits and locks, the software
// catalogue and the dashboard. Pages are rendered on the server from the
// templates of the top-level web package, in English or French, and work
// without JavaScript. Every route declares the least role it needs
// (routes.go); sessions, login throttling and preferences live in the
// database so several collectors can share them.
package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/store"
)

// Options tune the web UI.
type Options struct {
	// BaseURL is the collector's public URL. When it is https, cookies are
	// Secure; its origin is the one accepted on forms.
	BaseURL string
	// IdleTimeout ends a session nobody used for this long (default 2h).
	IdleTimeout time.Duration
	// SessionLifetime ends any session this long after login (default 24h).
	SessionLifetime time.Duration
	// Now replaces time.Now in tests.
	Now func() time.Time
	// Directory checks the passwords of LDAP users; nil without LDAP.
	Directory Directory
	// Network is network discovery (SNMP jobs); nil shows it as disabled.
	Network NetworkService
	// ContactEvery is how often agents call contact (default 1h); the
	// agents page shows an agent late after twice that without a call.
	ContactEvery time.Duration
}

// Server is the web UI.
type Server struct {
	st     store.Store
	wq     store.WebQueries
	log    *slog.Logger
	opts   Options
	origin string // scheme://host of BaseURL, "" to use the request's
	secure bool
	pages  *pages
	static *staticFiles
}

// New parses the templates and indexes the static files; a missing or
// broken template is an error here, not at the first request.
func New(st store.Store, log *slog.Logger, opts Options) (*Server, error) {
	wq, err := store.Web(st)
	if err != nil {
		return nil, err
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = 2 * time.Hour
	}
	if opts.SessionLifetime <= 0 {
		opts.SessionLifetime = 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{st: st, wq: wq, log: log.With("component", "web"), opts: opts}
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("web: base URL %q must look like https://parc.example.org", opts.BaseURL)
		}
		s.origin = u.Scheme + "://" + u.Host
		s.secure = u.Scheme == "https"
	}
	if s.static, err = newStaticFiles(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(s.static); err != nil {
		return nil, err
	}
	return s, nil
}

// Routes mounts the web UI on r, at the root.
func (s *Server) Routes(r chi.Router) {
	r.Get(staticPrefix+"*", s.serveStatic)
	r.Group(func(r chi.Router) {
		r.Use(s.headers, s.session, s.checkCSRF)
		for _, rt := range s.routes() {
			r.With(s.require(rt.role, rt.kind)).Method(rt.method, rt.pattern, rt.handler)
		}
	})
}

// Handler returns a router with only the web UI.
func (s *Server) Handler() http.Handler {
	r := chi.NewRouter()
	s.Routes(r)
	return r
}

func (s *Server) now() time.Time { return s.opts.Now().UTC() }
