package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"text/tabwriter"
)

// The -trace flag tells where the simulator's work goes: pkg/snmp logs
// each walk, GET and presence probe at debug level with the requests it
// sent and the variables that came back, and traceHandler sums them by
// walk and root (GETs and probes by their first OID), so a change to the
// inventory can be judged by counts that do not depend on the machine's
// load.

// traceKey is one walk's subtree or GET.
type traceKey struct{ walk, kind, root string }

// traceCost is what a subtree cost over every address of a walk.
type traceCost struct{ calls, requests, variables, rows int }

// tracer collects the costs of every inventory session.
type tracer struct {
	mu    sync.Mutex
	costs map[traceKey]*traceCost
}

// traceHandler is a slog.Handler feeding a tracer for one walk.
type traceHandler struct {
	t    *tracer
	walk string
}

func (h traceHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h traceHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h traceHandler) WithGroup(string) slog.Handler            { return h }

func (h traceHandler) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "walk" && r.Message != "get" && r.Message != "probe tables" && r.Message != "prefetch" {
		return nil
	}
	k := traceKey{walk: h.walk, kind: r.Message}
	var req, vars, rows int
	r.Attrs(func(a slog.Attr) bool {
		switch a.Key {
		case "root", "first":
			k.root = a.Value.String()
		case "requests":
			req = int(a.Value.Int64())
		case "variables":
			vars = int(a.Value.Int64())
		case "rows":
			rows = int(a.Value.Int64())
		}
		return true
	})
	h.t.mu.Lock()
	defer h.t.mu.Unlock()
	c := h.t.costs[k]
	if c == nil {
		c = &traceCost{}
		h.t.costs[k] = c
	}
	c.calls++
	c.requests += req
	c.variables += vars
	c.rows += rows
	return nil
}

// logger returns the logger of a session reading an address of walk; nil
// without -trace.
func (t *tracer) logger(walk string) *slog.Logger {
	if t == nil {
		return nil
	}
	return slog.New(traceHandler{t: t, walk: walk})
}

// write prints the costs by walk, costliest subtree first.
func (t *tracer) write(name string, devicesPerWalk int) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	keys := make([]traceKey, 0, len(t.costs))
	for k := range t.costs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b traceKey) int {
		if a.walk != b.walk {
			if a.walk < b.walk {
				return -1
			}
			return 1
		}
		return t.costs[b].variables - t.costs[a].variables
	})
	w := tabwriter.NewWriter(f, 2, 4, 2, ' ', 0)
	fmt.Fprintf(w, "walk\tkind\troot\tcalls/device\trequests/device\tvariables/device\trows/device\n")
	n := max(devicesPerWalk, 1)
	for _, k := range keys {
		c := t.costs[k]
		fmt.Fprintf(w, "%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\n", k.walk, k.kind, k.root,
			float64(c.calls)/float64(n), float64(c.requests)/float64(n), float64(c.variables)/float64(n), float64(c.rows)/float64(n))
	}
	return w.Flush()
}
