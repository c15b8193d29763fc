package ingest

import (
	"context"
	"runtime"
)

// newCPUSlots sizes the limit on reports being decompressed, parsed and
// prepared at once: one CPU fewer than Go uses, and at least one. On
// SQLite every write transaction runs on one goroutine, and Go shares the
// CPUs evenly between runnable goroutines: with sixteen requests parsing
// JSON, the writer would get a sixteenth of them and the reports per
// second would fall. Bounded, the parsing keeps up with the writer and the
// writer keeps a CPU.
func newCPUSlots() chan struct{} {
	return make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1))
}

// WithCPU runs fn, CPU-heavy work on a report (decompressing, parsing),
// in one of the Ingester's CPU slots, waiting for one if needed. fn must
// not call WithCPU or Ingest, and must not wait on the network (read the
// request body before).
func (in *Ingester) WithCPU(ctx context.Context, fn func() error) error {
	select {
	case in.cpu <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-in.cpu }()
	return fn()
}
