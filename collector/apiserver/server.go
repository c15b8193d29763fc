// Package apiserver serves the agent API (enroll, contact, inventory), the
// REST API of the park (API tokens), the health probes and the Prometheus
// metrics of parc-collector.
package apiserver

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// Options tune the agent API.
type Options struct {
	ContactEvery     time.Duration // next_contact_seconds sent to agents
	FullEvery        time.Duration // longest time between full inventories
	MaxBodyBytes     int64         // compressed inventory body
	MaxInflatedBytes int64         // decompressed inventory
	IngestTimeout    time.Duration // bound on one report's transaction
	// SysObjectIDs is the sysobject.ids served to agents; "" looks in
	// DefaultSysObjectIDs.
	SysObjectIDs string
	// SysObjectPath, when set, names the sysobject.ids to serve at each
	// request instead of SysObjectIDs: an administrator's upload lands in
	// the data directory after the server started.
	SysObjectPath func() string
	// SysObjectSync, when set, runs before each download to bring this
	// collector's copy up to date with the site's (see snmppoll).
	SysObjectSync func(ctx context.Context) error
	// Tasks hands network tasks to agents; nil hands out none.
	Tasks TaskBroker
}

// maxSmallBody bounds enroll and contact requests.
const maxSmallBody = 64 << 10

// Server is the agent API.
type Server struct {
	st      store.Store
	ing     *ingest.Ingester
	log     *slog.Logger
	opts    Options
	metrics *metrics
	reg     *prometheus.Registry
	sysobj  sysObjectFile
}

// New returns a Server; its metrics are registered on a registry of its
// own, served on /metrics.
func New(st store.Store, ing *ingest.Ingester, log *slog.Logger, opts Options) *Server {
	if opts.IngestTimeout == 0 {
		opts.IngestTimeout = 2 * time.Minute
	}
	if opts.MaxInflatedBytes == 0 {
		opts.MaxInflatedBytes = ingest.DefaultMaxInflated
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 32 << 20
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return &Server{st: st, ing: ing, log: log.With("component", "apiserver"), opts: opts, metrics: newMetrics(reg, st), reg: reg}
}

// Routes mounts the agent API, the REST API, probes and metrics on r.
func (s *Server) Routes(r chi.Router) {
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Method(http.MethodGet, "/metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}))
	r.Post(api.PathEnroll, s.enroll)
	r.Group(func(r chi.Router) {
		r.Use(s.agentAuth)
		r.Post(api.PathContact, s.contact)
		r.Post(api.PathInventory, s.inventory)
		r.Post(api.PathTaskProgress, s.taskProgress)
		r.Get(api.PathSysObjectIDs, s.sysObjectIDs)
	})
	s.restRoutes(r)
	s.ticketRestRoutes(r)
}

// Handler returns a router with only this server's routes.
func (s *Server) Handler() http.Handler {
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint", nil)
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "method not allowed", nil)
	})
	s.Routes(r)
	return r
}
