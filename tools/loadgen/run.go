package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/api"
)

// runConfig is the `run` command's configuration.
type runConfig struct {
	URL         string
	Secret      string
	Agents      int
	First       int // index of the first simulated machine, to add agents to a park
	Seed        uint64
	Concurrency int
	Rate        float64 // reports per second across all agents; 0 is unlimited
	Partials    int     // partial reports per agent
	Duration    time.Duration
	SWChange    int // percent of partial reports carrying software changes
	Refulls     int // full reports per agent after the partial ones (known assets)
	Contact     bool
	// CollectorPID is the collector's process, to report its CPU time per
	// request (0: not measured).
	CollectorPID int
	Timeout      time.Duration
	// PhaseTimeout cuts a phase short (0: none), so a collector that
	// stalls cannot hold a benchmark for ever; the rate counts what was done.
	PhaseTimeout time.Duration
}

// RunResult holds the figures of each phase.
type RunResult struct {
	Agents  int     `json:"agents"`
	Enroll  Summary `json:"enroll"`
	Contact Summary `json:"contact"`
	Full    Summary `json:"full"`
	Partial Summary `json:"partial"`
	Refull  Summary `json:"refull"`
}

func cmdRun(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	var cfg runConfig
	fs.StringVar(&cfg.URL, "url", "http://127.0.0.1:8080", "collector base `URL`")
	fs.StringVar(&cfg.Secret, "secret", os.Getenv("PARC_ENROLL_SECRET"), "site enrolment `secret` (default $PARC_ENROLL_SECRET; print it with `parc-collector enroll-secret`)")
	fs.IntVar(&cfg.Agents, "agents", 100, "simulated agents (one PC each)")
	fs.IntVar(&cfg.First, "first", 0, "index of the first machine: machines first..first+agents-1 of the seed's park")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the park: the same seed gives the same machines and reports")
	fs.IntVar(&cfg.Concurrency, "concurrency", 16, "requests in flight at once")
	fs.Float64Var(&cfg.Rate, "rate", 0, "at most this many reports per `second` (0: as fast as the collector answers)")
	fs.IntVar(&cfg.Partials, "partials", 5, "partial reports per agent after its full report")
	fs.DurationVar(&cfg.Duration, "duration", 0, "send partial reports for this long instead of -partials each")
	fs.IntVar(&cfg.SWChange, "sw-change", 20, "`percent` of partial reports that carry software changes")
	fs.IntVar(&cfg.Refulls, "refulls", 0, "full reports per agent after the partial ones: the weekly full report of a known PC")
	fs.BoolVar(&cfg.Contact, "contact", true, "call contact before each report, as the agent does")
	fs.IntVar(&cfg.CollectorPID, "collector-pid", 0, "the collector's process `id`, on this machine: print its CPU time per request of each phase")
	fs.DurationVar(&cfg.Timeout, "timeout", time.Minute, "bound on one request")
	fs.DurationVar(&cfg.PhaseTimeout, "phase-timeout", 0, "cut each phase short after this long (0: no limit)")
	jsonOut := fs.String("json", "", "also write the figures as JSON to this `file`")
	wantFull := fs.Float64("want-full", 0, "target full reports per `second`, printed beside the figure (0: none)")
	wantRefull := fs.Float64("want-refull", 0, "target full reports of known PCs per `second` (0: none)")
	wantPartial := fs.Float64("want-partial", 0, "target partial reports per `second`, printed beside the figure (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case cfg.Secret == "":
		return errors.New("run: -secret is required (print it with `parc-collector enroll-secret --data DIR`)")
	case cfg.Agents < 1 || cfg.Concurrency < 1 || cfg.First < 0 || cfg.Partials < 0:
		return errors.New("run: -agents and -concurrency must be at least 1, -first and -partials at least 0")
	case cfg.CollectorPID < 0:
		return errors.New("run: -collector-pid must be a process id")
	}
	if cfg.CollectorPID > 0 {
		if _, err := procCPU(cfg.CollectorPID); err != nil {
			return fmt.Errorf("run: -collector-pid %d: cannot read its CPU time (the collector must run on this machine): %w", cfg.CollectorPID, err)
		}
	}
	res, err := runLoad(ctx, cfg, out)
	if err != nil {
		return err
	}
	verdict(out, "full", res.Full.Rate, *wantFull)
	verdict(out, "partial", res.Partial.Rate, *wantPartial)
	verdict(out, "refull", res.Refull.Rate, *wantRefull)
	if *jsonOut != "" {
		data, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return fmt.Errorf("encode figures: %w", err)
		}
		if err := os.WriteFile(*jsonOut, append(data, '\n'), 0o644); err != nil {
			return err
		}
	}
	if n := res.failed(); n > 0 {
		return fmt.Errorf("run: %d requests failed (see the errors above)", n)
	}
	return nil
}

// verdict prints a rate beside its target.
func verdict(out io.Writer, what string, got, want float64) {
	if want <= 0 {
		return
	}
	v := "met"
	if got < want {
		v = "MISSED"
	}
	fmt.Fprintf(out, "target   %s reports >= %.0f/s: %s (%.1f/s)\n", what, want, v, got)
}

// failed counts the failed requests of every phase.
func (r *RunResult) failed() int {
	n := 0
	for _, s := range []Summary{r.Enroll, r.Contact, r.Full, r.Partial, r.Refull} {
		for _, c := range s.Errors {
			n += c
		}
	}
	return n
}

// runLoad enrols the agents, sends each one full report, then partial
// reports, and prints the figures of each phase.
func runLoad(ctx context.Context, cfg runConfig, out io.Writer) (*RunResult, error) {
	park, err := NewPark(cfg.Seed, cfg.First+cfg.Agents)
	if err != nil {
		return nil, err
	}
	clients := make([]*api.Client, cfg.Concurrency)
	for i := range clients {
		// One client (one connection) per worker: every worker is one
		// agent talking at a time, as PCs do.
		if clients[i], err = api.NewClient(api.ClientOptions{Server: cfg.URL, Version: agentVersion, Timeout: cfg.Timeout}); err != nil {
			return nil, err
		}
	}
	prep := time.Now()
	agents := make([]*simAgent, cfg.Agents)
	partials := cfg.Partials
	if cfg.Duration > 0 {
		partials = 0
	}
	if err := prepare(park, cfg, agents, partials); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "loadgen: %d agents of seed %d (machines %d..%d) against %s, %d in flight; reports prepared in %.1fs; %s\n",
		cfg.Agents, cfg.Seed, cfg.First, cfg.First+cfg.Agents-1, cfg.URL, cfg.Concurrency, time.Since(prep).Seconds(), loadAverage())

	l := &loader{cfg: cfg, clients: clients, agents: agents, pace: &pacer{rate: cfg.Rate}, contact: newPhase("contact"),
		cpu: cpuMeter{collectorPID: cfg.CollectorPID}}
	res := &RunResult{Agents: cfg.Agents}
	enroll := l.phase(ctx, "enroll", cfg.Agents, l.enroll)
	res.Enroll = report(out, enroll)
	full := l.phase(ctx, "full", cfg.Agents, l.sendFull)
	res.Full = report(out, full)
	if cfg.Duration > 0 || partials > 0 {
		pctx, cancel := ctx, context.CancelFunc(func() {})
		jobs := partials * cfg.Agents
		if cfg.Duration > 0 {
			pctx, cancel = context.WithTimeout(ctx, cfg.Duration)
			jobs = -1
		}
		part := l.phase(pctx, "partial", jobs, l.sendRound)
		cancel()
		res.Partial = report(out, part)
	}
	if cfg.Refulls > 0 {
		if err := prepareRefulls(agents, cfg.Refulls); err != nil {
			return nil, err
		}
		res.Refull = report(out, l.phase(ctx, "refull", cfg.Refulls*cfg.Agents, l.sendRound))
	}
	l.contact.done()
	res.Contact = l.contact.summary()
	fmt.Fprintf(out, "machine  %s at the end of the run\n", loadAverage())
	if cfg.Contact {
		fmt.Fprintf(out, "contact  %6d ok                          latency p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms\n",
			res.Contact.OK, res.Contact.P50MS, res.Contact.P95MS, res.Contact.P99MS)
	}
	return res, ctx.Err()
}

// prepareRefulls encodes n more full reports per agent, of the machine as
// the partial reports left it.
func prepareRefulls(agents []*simAgent, n int) error {
	for _, a := range agents {
		a.pending = nil
		for range n {
			if err := a.prepareFull(); err != nil {
				return err
			}
		}
	}
	return nil
}

func report(out io.Writer, s *phaseStats) Summary {
	sum := s.summary()
	sum.print(out, s.first)
	return sum
}

// prepare builds the machines and encodes their reports before the clock
// starts, so the figures measure the collector and not the generator
// sharing its CPU.
func prepare(park *Park, cfg runConfig, agents []*simAgent, partials int) error {
	var wg sync.WaitGroup
	errs := make([]error, len(agents))
	sem := make(chan struct{}, 4)
	for i := range agents {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			a := &simAgent{machine: park.Machine(cfg.First + i)}
			if errs[i] = a.prepareFull(); errs[i] == nil {
				errs[i] = a.preparePartials(partials, cfg.SWChange)
			}
			agents[i] = a
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
