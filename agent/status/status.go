// Package status is parc-agent's local status page, on 127.0.0.1:62354 by
// default (GLPI Agent's port, so habits carry over): the device ID, the
// last and next inventory, the last error, the spool, a button to run an
// inventory now and a link to open a ticket for this PC on the collector.
//
// The page can start an inventory, so it defends itself against other web
// pages open in the user's browser: the Host header must name a loopback
// address (a DNS-rebinding page would send its own name), a POST must carry
// the page's CSRF token and, when the browser sends one, a matching Origin.
package status

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/parcproject/parc/agent/config"
	"github.com/parcproject/parc/agent/runner"
)

// Source is what the page shows and drives: the runner.
type Source interface {
	Snapshot() runner.Snapshot
	RunNow() bool
}

// Options configures the page.
type Options struct {
	// AllowRemote accepts any Host header (status_allow_remote); the CSRF
	// token still guards the button.
	AllowRemote bool
	Logger      *slog.Logger
}

// Server serves the status page.
type Server struct {
	src  Source
	opts Options
	csrf string
	log  *slog.Logger
}

// New returns the page's server with a fresh CSRF token.
func New(src Source, opts Options) *Server {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("status: no randomness: " + err.Error())
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Server{src: src, opts: opts, csrf: hex.EncodeToString(b[:]), log: log.With("component", "status")}
}

// Handler returns the page's routes behind the Host check.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page)
	mux.HandleFunc("POST /run", s.run)
	mux.HandleFunc("GET /status.json", s.json)
	mux.HandleFunc("GET /now", s.now)
	return s.guard(mux)
}

// guard refuses requests whose Host is not a loopback name, which is what
// a DNS-rebinding attack sends, and sets headers that keep the page out of
// frames and away from third-party resources.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.opts.AllowRemote && !loopbackHost(r.Host) {
			http.Error(w, "forbidden host", http.StatusForbidden)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	return config.IsLoopbackHost(host)
}

func loopbackRemote(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	return err == nil && config.IsLoopbackHost(host)
}

// run is the "Run an inventory now" button.
func (s *Server) run(w http.ResponseWriter, r *http.Request) {
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
		http.Error(w, "cross-origin request refused", http.StatusForbidden)
		return
	}
	tok := r.PostFormValue("csrf")
	if subtle.ConstantTimeCompare([]byte(tok), []byte(s.csrf)) != 1 {
		http.Error(w, "invalid or missing CSRF token; reload the page", http.StatusForbidden)
		return
	}
	started := s.src.RunNow()
	s.log.Info("inventory requested from the status page", "started", started)
	http.Redirect(w, r, "/?requested=1", http.StatusSeeOther)
}

// now is GLPI Agent's /now: it asks for an inventory. Like GLPI Agent's
// default trust list, it is honoured only from this machine.
func (s *Server) now(w http.ResponseWriter, r *http.Request) {
	if !loopbackRemote(r) {
		http.Error(w, "only from this machine", http.StatusForbidden)
		return
	}
	s.src.RunNow()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "OK")
}

func (s *Server) json(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(s.src.Snapshot())
}

// ListenAndServe serves h on addr until ctx is cancelled.
func ListenAndServe(ctx context.Context, addr string, h http.Handler) error {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("status page on %s: %w (set status_listen to another address, or \"\" to disable it)", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		close(done)
	}()
	err = srv.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		<-done
		return nil
	}
	return fmt.Errorf("status page: %w", err)
}
