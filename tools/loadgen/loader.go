package main

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/api"
)

// errNotEnrolled skips the reports of an agent whose enrolment failed
// (already counted in the enrol phase).
var errNotEnrolled = errors.New("agent not enrolled")

// loader runs the phases of a load run over a pool of workers, one API
// client each.
type loader struct {
	cfg     runConfig
	clients []*api.Client
	agents  []*simAgent
	pace    *pacer
	contact *phaseStats
	cpu     cpuMeter
}

// job is one unit of a phase: job k of the phase, on worker client c.
type job func(ctx context.Context, c *api.Client, k int, st *phaseStats)

// phase runs jobs 0..n-1 (or until ctx ends when n < 0, or the phase
// timeout passes) on the workers and returns its statistics.
func (l *loader) phase(ctx context.Context, name string, n int, do job) *phaseStats {
	if l.cfg.PhaseTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, l.cfg.PhaseTimeout)
		defer cancel()
	}
	st := newPhase(name)
	st.cpu0 = l.cpu.sample()
	ks := make(chan int)
	var wg sync.WaitGroup
	for _, c := range l.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range ks {
				do(ctx, c, k, st)
			}
		}()
	}
feed:
	for k := 0; n < 0 || k < n; k++ {
		select {
		case ks <- k:
		case <-ctx.Done():
			break feed
		}
	}
	close(ks)
	wg.Wait()
	st.done()
	st.cpu = l.cpu.sample()
	st.cut = n >= 0 && ctx.Err() != nil
	return st
}

// timed runs fn and records its duration and error in st, unless the run
// was cut short by the phase's end.
func timed(ctx context.Context, st *phaseStats, fn func() error) {
	t := time.Now()
	err := fn()
	if errors.Is(err, errNotEnrolled) || ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		return
	}
	st.record(time.Since(t), err)
}

func (l *loader) enroll(ctx context.Context, c *api.Client, k int, st *phaseStats) {
	a := l.agents[k]
	timed(ctx, st, func() error { return a.enroll(ctx, c, l.cfg.Secret) })
}

// report sends agent a's next prepared report (after a contact if
// configured), preparing a partial one first if none is left.
func (l *loader) report(ctx context.Context, c *api.Client, a *simAgent, st *phaseStats) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.token == "" {
		return
	}
	if len(a.pending) == 0 {
		if err := a.preparePartials(1, l.cfg.SWChange); err != nil {
			st.record(0, err)
			return
		}
	}
	if err := l.pace.wait(ctx); err != nil {
		return
	}
	if l.cfg.Contact {
		timed(ctx, l.contact, func() error { _, err := a.contact(ctx, c); return err })
	}
	body := a.next()
	timed(ctx, st, func() error { return a.send(ctx, c, body) })
}

func (l *loader) sendFull(ctx context.Context, c *api.Client, k int, st *phaseStats) {
	l.report(ctx, c, l.agents[k], st)
}

// sendRound is job k of a phase of rounds: round k/N, agent k%N, so an
// agent's consecutive reports are as far apart as the park is large.
func (l *loader) sendRound(ctx context.Context, c *api.Client, k int, st *phaseStats) {
	l.report(ctx, c, l.agents[k%len(l.agents)], st)
}
