package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/parcproject/parc/collector/apiserver"
	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/glpicompat"
	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/web"
	"github.com/parcproject/parc/pkg/version"
)

// shutdownGrace is how long in-flight requests (ingests) get to finish.
const shutdownGrace = 30 * time.Second

func runServe(args []string, s stdio) error {
	f := newFlags(s, "serve", "serve [--listen ADDR] [--data DIR] [--database DSN] [--base-url URL] [--config FILE]")
	f.listKeys = true
	f.configFlag("listen", "listen", "`address` to listen on")
	f.configFlag("base-url", "base_url", "public `URL` of the collector, printed for agents and in links")
	f.configFlag("log-level", "log_level", "log `level`: debug, info, warn or error")
	f.configFlag("log-format", "log_format", "log `format`: text or json")
	f.configFlag("sysobject-ids", "snmp.sysobject_ids", "sysobject.ids `file` for network discovery when --data has no copy (default: beside the program, then /usr/share/parc-collector/)")
	f.configFlag("secret-key", "secret_key", "`key` sealing SNMP secrets in the database: 32 bytes in base64 (openssl rand -base64 32); default: the key file secret.key in --data, created at first start. Collectors sharing one PostgreSQL need the same key; prefer the variable to the flag, which other users can see")
	f.boolFlag("glpi-compat", "glpi_compat.enabled", "also accept GLPI Agent and FusionInventory/OCS agents on POST / and /front/inventory.php")
	cfg, err := f.parse(args)
	if err != nil {
		return err
	}
	log := newLogger(s, cfg)
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := bootstrap(ctx, st, s); err != nil {
		return err
	}
	norm, err := park.NewNormaliser(cfg.Normalise.Dictionary)
	if err != nil {
		return err
	}
	ing, err := ingest.New(st, norm, log)
	if err != nil {
		return err
	}
	bg, err := newBackground(cfg, st, ing, log)
	if err != nil {
		return err
	}
	api := apiserver.New(st, ing, log, apiserver.Options{
		ContactEvery: cfg.Inventory.ContactEvery.Duration, FullEvery: cfg.Inventory.FullEvery.Duration,
		MaxBodyBytes: cfg.Limits.MaxBodyBytes, MaxInflatedBytes: cfg.Limits.MaxInflatedBytes,
		Tasks: bg.network, SysObjectIDs: snmppoll.SysObjectPath(cfg.Data, cfg.SNMP.SysObjectIDs),
		SysObjectPath: func() string { return snmppoll.SysObjectPath(cfg.Data, cfg.SNMP.SysObjectIDs) },
		SysObjectSync: bg.network.SyncSysObjectIDs,
	})
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	api.Routes(r)
	dir, err := loginDirectory(cfg, st, log)
	if err != nil {
		return err
	}
	ui, err := web.New(st, log, web.Options{BaseURL: cfg.BaseURL, Directory: dir, Network: bg.network,
		ContactEvery: cfg.Inventory.ContactEvery.Duration})
	if err != nil {
		return err
	}
	ui.Routes(r)
	if cfg.GLPICompat.Enabled {
		nets, _ := cfg.AllowedNets() // checked by Validate
		compat := glpicompat.New(ing, log, glpicompat.Options{Username: cfg.GLPICompat.Username, Password: cfg.GLPICompat.Password,
			AllowedNets: nets, MaxBodyBytes: cfg.Limits.MaxBodyBytes, MaxInflatedBytes: cfg.Limits.MaxInflatedBytes})
		for _, p := range glpicompat.Paths {
			r.Method(http.MethodPost, p, compat)
		}
		log.Info("GLPI-compatible endpoint enabled", "paths", glpicompat.Paths)
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{Handler: r, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute,
		WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go pruneReports(ctx, st, log)
	bg.start(ctx, st, log)
	go closeSolvedTickets(ctx, ui, log)
	fmt.Fprintf(s.out, "parc-collector %s listening on %s (database: %s)\n", version.Version, publicURL(cfg, ln.Addr()), st.Dialect())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	bg.wait() // running jobs finish or go back to the queue
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

func publicURL(cfg config.Config, addr net.Addr) string {
	if cfg.BaseURL != "" {
		return cfg.BaseURL
	}
	return "http://" + addr.String()
}

// pruneReports forgets exactly-once records older than 30 days, long
// after any agent stops retrying. Several collectors may all run it: the
// DELETE is idempotent.
func pruneReports(ctx context.Context, st store.Store, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := st.PruneProcessedReports(ctx, time.Now().Add(-30*24*time.Hour)); err != nil && ctx.Err() == nil {
			log.Warn("prune processed reports", "err", err)
		} else if n > 0 {
			log.Info("pruned processed reports", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// closeSolvedTickets closes, every hour, the solved tickets whose requester
// neither approved nor refused the solution within the site's delay. Several
// collectors may run it at once: each ticket is closed by one of them only.
func closeSolvedTickets(ctx context.Context, ui *web.Server, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := ui.CloseSolvedTickets(ctx); err != nil && ctx.Err() == nil {
			log.Warn("close solved tickets", "err", err)
		} else if n > 0 {
			log.Info("closed solved tickets after the approval delay", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
