// Package collect gathers the inventory of the machine the agent runs on.
//
// Each subject (bios, cpus, softwares_dpkg...) is one collector in its own
// file, registered in init() with Register. Platform code lives in files with
// _linux, _windows or _darwin suffixes. Parsing and mapping code is kept in
// files without a build constraint whenever it can be, so that the Windows
// collectors' logic is tested on Linux against recorded registry and WMI
// dumps (see Registry, WMI and the collecttest package).
//
// Run runs every registered collector concurrently, each into its own
// scratch report, then merges them in name order. One failing collector
// never fails the report: its duration and error are recorded in
// content.parc.collectors.
package collect

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// ErrNoData means the source of a collector is absent on this machine (no
// DMI in a VM, no dpkg on RHEL, no permission...). It is normal, logged at
// debug, and recorded as no_data in the report.
var ErrNoData = errors.New("no data")

// Func fills its part of r. It returns ErrNoData (possibly wrapped) when its
// source is absent, and another error when the source is there but broken.
type Func func(ctx context.Context, env *Env, r *inventory.Report) error

type entry struct {
	name string
	fn   Func
}

var (
	regMu    sync.Mutex
	registry []entry
)

// Register adds a collector; it is called from init() functions. Names are
// snake_case and unique, e.g. "softwares_dpkg".
func Register(name string, fn Func) {
	regMu.Lock()
	defer regMu.Unlock()
	for _, e := range registry {
		if e.name == name {
			panic("collect: duplicate collector " + name)
		}
	}
	registry = append(registry, entry{name, fn})
	slices.SortFunc(registry, func(a, b entry) int {
		switch {
		case a.name < b.name:
			return -1
		case a.name > b.name:
			return 1
		}
		return 0
	})
}

// Names lists the registered collectors in the order Run merges them.
func Names() []string {
	regMu.Lock()
	defer regMu.Unlock()
	out := make([]string, len(registry))
	for i, e := range registry {
		out[i] = e.name
	}
	return out
}

// Run runs every registered collector (or only those in env.Only, when set)
// and returns the merged content with one CollectorRun per collector.
func Run(ctx context.Context, env *Env) inventory.Content {
	regMu.Lock()
	entries := slices.Clone(registry)
	regMu.Unlock()
	if len(env.Only) > 0 {
		entries = slices.DeleteFunc(entries, func(e entry) bool { return !slices.Contains(env.Only, e.name) })
	}

	parts := make([]inventory.Report, len(entries))
	runs := make([]inventory.CollectorRun, len(entries))
	sem := make(chan struct{}, env.concurrency())
	var wg sync.WaitGroup
	for i, e := range entries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			runs[i] = runOne(ctx, env, e, &parts[i])
		}()
	}
	wg.Wait()

	var out inventory.Content
	for i := range parts {
		mergeContent(&out, &parts[i].Content)
	}
	out.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion, Collectors: runs}
	return out
}

func runOne(ctx context.Context, env *Env, e entry, r *inventory.Report) (run inventory.CollectorRun) {
	log := env.logger().With("collector", e.name)
	start := time.Now()
	run.Name = e.name
	defer func() {
		if p := recover(); p != nil {
			// A bug in one collector must not lose the whole report.
			*r = inventory.Report{}
			run.Error = fmt.Sprintf("panic: %v", p)
			log.Error("collector panicked", "panic", p, "stack", string(debug.Stack()))
		}
		run.DurationMS = float64(time.Since(start).Microseconds()) / 1000
	}()
	err := e.fn(ctx, env, r)
	switch {
	case err == nil:
	case errors.Is(err, ErrNoData):
		run.NoData = true
		run.Error = err.Error()
		log.Debug("no data", "reason", err)
	default:
		run.Error = err.Error()
		log.Warn("collector failed", "err", err)
	}
	return run
}
