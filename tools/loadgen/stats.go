package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/api"
)

// phaseStats records the requests of one phase (enrolment, full reports,
// partial reports): latencies of the successful ones, errors by kind, and
// the wall time of the phase, from which the sustained rate comes.
type phaseStats struct {
	name  string
	mu    sync.Mutex
	lat   []time.Duration
	errs  map[string]int
	first error // kept to print one example
	start time.Time
	wall  time.Duration
	cut   bool // stopped by the phase timeout before its last job
	// cpu0 and cpu are the CPU times at the start and the end of the
	// phase (zero when not measured).
	cpu0, cpu cpuSample
}

func newPhase(name string) *phaseStats {
	return &phaseStats{name: name, errs: map[string]int{}, start: time.Now()}
}

// record adds one request's outcome.
func (s *phaseStats) record(d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.lat = append(s.lat, d)
		return
	}
	s.errs[errorKind(err)]++
	if s.first == nil {
		s.first = err
	}
}

// errorKind is "401", "503"... for an HTTP answer, "network" when the
// collector could not be reached, "client" for a local failure.
func errorKind(err error) string {
	var se *api.StatusError
	var ne *api.NetError
	switch {
	case errors.As(err, &se):
		return strconv.Itoa(se.StatusCode)
	case errors.As(err, &ne):
		return "network"
	}
	return "client"
}

// done closes the phase.
func (s *phaseStats) done() { s.wall = time.Since(s.start) }

// Summary is a phase's figures.
type Summary struct {
	Phase  string         `json:"phase"`
	OK     int            `json:"ok"`
	Errors map[string]int `json:"errors,omitempty"`
	WallS  float64        `json:"wall_s"`
	Rate   float64        `json:"rate_per_s"` // successful requests per second of wall time
	P50MS  float64        `json:"p50_ms"`
	P95MS  float64        `json:"p95_ms"`
	P99MS  float64        `json:"p99_ms"`
	MaxMS  float64        `json:"max_ms"`
	// CollectorCPUMS is the collector's CPU time per successful request
	// (with the contact call before each report), when its pid is known.
	CollectorCPUMS float64 `json:"collector_cpu_ms,omitempty"`
	// LoadgenCPUMS is this generator's CPU time per successful request:
	// it runs on the same CPUs as the collector.
	LoadgenCPUMS float64 `json:"loadgen_cpu_ms,omitempty"`
	Cut          bool    `json:"cut,omitempty"` // stopped by -phase-timeout
}

// summary computes the phase's figures.
func (s *phaseStats) summary() Summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	sorted := slices.Clone(s.lat)
	slices.Sort(sorted)
	out := Summary{Phase: s.name, OK: len(sorted), Errors: maps.Clone(s.errs), WallS: s.wall.Seconds(), Cut: s.cut,
		P50MS: ms(percentile(sorted, 50)), P95MS: ms(percentile(sorted, 95)), P99MS: ms(percentile(sorted, 99))}
	if len(sorted) > 0 {
		out.MaxMS = ms(sorted[len(sorted)-1])
	}
	if s.wall > 0 {
		out.Rate = float64(len(sorted)) / s.wall.Seconds()
	}
	if n := len(sorted); n > 0 {
		if s.cpu0.collector > 0 && s.cpu.collector >= s.cpu0.collector {
			out.CollectorCPUMS = ms(s.cpu.collector-s.cpu0.collector) / float64(n)
		}
		if s.cpu0.self > 0 && s.cpu.self >= s.cpu0.self {
			out.LoadgenCPUMS = ms(s.cpu.self-s.cpu0.self) / float64(n)
		}
	}
	return out
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 * n)
	return sorted[max(rank, 1)-1]
}

// loadAverage describes how busy the machine is, to read the figures by:
// on a shared machine the collector gets only part of the CPUs.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return fmt.Sprintf("%d CPUs", runtime.NumCPU())
	}
	f := strings.Fields(string(data))
	return fmt.Sprintf("load average %s over 1 min on %d CPUs", f[0], runtime.NumCPU())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// print writes the summary on one line, then the errors and an example.
func (s Summary) print(w io.Writer, first error) {
	fmt.Fprintf(w, "%-8s %6d ok in %6.1fs  %8.1f/s  latency p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n",
		s.Phase, s.OK, s.WallS, s.Rate, s.P50MS, s.P95MS, s.P99MS, s.MaxMS)
	switch {
	case s.CollectorCPUMS > 0:
		fmt.Fprintf(w, "%-8s CPU per request: collector %.2f ms, loadgen %.2f ms\n", s.Phase, s.CollectorCPUMS, s.LoadgenCPUMS)
	case s.LoadgenCPUMS > 0:
		fmt.Fprintf(w, "%-8s CPU per request: loadgen %.2f ms (collector: give -collector-pid)\n", s.Phase, s.LoadgenCPUMS)
	}
	if s.Cut {
		fmt.Fprintf(w, "%-8s cut short by -phase-timeout after %.0fs: the collector did not finish the phase\n", s.Phase, s.WallS)
	}
	if len(s.Errors) == 0 {
		return
	}
	fmt.Fprintf(w, "%-8s errors:", s.Phase)
	for _, k := range slices.Sorted(maps.Keys(s.Errors)) {
		fmt.Fprintf(w, " %s=%d", k, s.Errors[k])
	}
	fmt.Fprintln(w)
	if first != nil {
		fmt.Fprintf(w, "%-8s first error: %v\n", s.Phase, first)
	}
}
