package store

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Period units of the statistics.
const (
	PeriodWeek  = "week"  // Monday to Sunday
	PeriodMonth = "month" // calendar month
)

// maxPeriods bounds a series (about eight years of months, or two of
// weeks), so a request cannot make the server count thousands of bars.
const maxPeriods = 120

// StatsPeriod is one period of the statistics' series.
type StatsPeriod struct {
	// Start and End bound the period (End exclusive); the first and last
	// periods are cut to the range.
	Start, End time.Time
	// Opened, Solved and Closed count the tickets opened, solved and
	// closed in the period; Late those whose due date fell in it (and has
	// passed) and which were not solved by then.
	Opened, Solved, Closed, Late int
	// Backlog counts the tickets opened and not yet solved at the end of
	// the period (or now, for the current period).
	Backlog int
	// Own is the time from opening to the first assignment of the
	// tickets taken in the period; Resolve from opening to the solution
	// of those solved in it.
	Own, Resolve DurationStats
}

// DurationStats summarise durations.
type DurationStats struct {
	Count        int
	Mean, Median time.Duration
}

// Periods splits [from, to) into weeks or months in from's time zone.
func Periods(from, to time.Time, unit string) ([]StatsPeriod, error) {
	if !from.Before(to) {
		return nil, fmt.Errorf("periods: the range from %v to %v is empty", from, to)
	}
	loc := from.Location()
	y, m, d := from.Date()
	var next func(time.Time) time.Time
	start := time.Date(y, m, d, 0, 0, 0, 0, loc)
	switch unit {
	case PeriodWeek:
		start = start.AddDate(0, 0, -((int(start.Weekday()) + 6) % 7))
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	case PeriodMonth:
		start = time.Date(y, m, 1, 0, 0, 0, 0, loc)
		next = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	default:
		return nil, fmt.Errorf("periods: unknown unit %q (want week or month)", unit)
	}
	var out []StatsPeriod
	for s := start; s.Before(to); s = next(s) {
		if len(out) == maxPeriods {
			return nil, fmt.Errorf("periods: more than %d %ss from %v to %v", maxPeriods, unit, from, to)
		}
		out = append(out, StatsPeriod{Start: later(s, from), End: earlier(next(s), to)})
	}
	return out, nil
}

// Series counts the tickets of d (from StatsTickets for the range of
// periods) into periods (from Periods, in order).
func Series(periods []StatsPeriod, d StatsData, now time.Time) {
	n := len(periods)
	if n == 0 {
		return
	}
	// ends are the instants the backlog is counted at: never after now.
	ends := make([]time.Time, n)
	for i, p := range periods {
		ends[i] = earlier(p.End, now)
	}
	// backlog[i] is the change of the backlog at ends[i]: the tickets of
	// d.Backlog leave it when resolved, the others join it when opened
	// (and leave when resolved).
	backlog := make([]int, n+1)
	backlog[0] = d.Backlog
	own := make([][]time.Duration, n)
	resolve := make([][]time.Duration, n)
	for _, t := range d.Tickets {
		countEvents(periods, t, now, own, resolve)
		after := func(at time.Time) int { return sort.Search(n, func(k int) bool { return ends[k].After(at) }) }
		if !t.OpenedAt.Before(d.Start) {
			backlog[after(t.OpenedAt)]++
		}
		// A ticket resolved before it was opened (bad dates) never was in
		// the backlog: its resolution is taken as its opening.
		if r := t.ResolvedAt(); !r.IsZero() {
			if r = later(r, t.OpenedAt); !r.Before(d.Start) {
				backlog[after(r)]--
			}
		}
	}
	run := 0
	for i := range periods {
		run += backlog[i]
		periods[i].Backlog = run
		periods[i].Own = summarise(own[i])
		periods[i].Resolve = summarise(resolve[i])
	}
}

// countEvents counts t's events into the periods holding them, and its
// times to assignment and to solution into own and resolve.
func countEvents(periods []StatsPeriod, t StatsTicket, now time.Time, own, resolve [][]time.Duration) {
	if i := periodOf(periods, t.OpenedAt); i >= 0 {
		periods[i].Opened++
	}
	if i := periodOf(periods, t.SolvedAt); i >= 0 {
		periods[i].Solved++
		resolve[i] = append(resolve[i], t.SolvedAt.Sub(t.OpenedAt))
	}
	if i := periodOf(periods, t.ClosedAt); i >= 0 {
		periods[i].Closed++
	}
	if i := periodOf(periods, t.TakenAt); i >= 0 {
		own[i] = append(own[i], t.TakenAt.Sub(t.OpenedAt))
	}
	if i := periodOf(periods, t.DueAt); i >= 0 && t.DueAt.Before(now) {
		if r := t.ResolvedAt(); r.IsZero() || r.After(t.DueAt) {
			periods[i].Late++
		}
	}
}

// periodOf is the index of the period holding t, -1 when none does.
func periodOf(periods []StatsPeriod, t time.Time) int {
	if t.IsZero() {
		return -1
	}
	i := sort.Search(len(periods), func(k int) bool { return periods[k].End.After(t) })
	if i == len(periods) || t.Before(periods[i].Start) {
		return -1
	}
	return i
}

// summarise returns the count, mean and median of ds (sorting it).
func summarise(ds []time.Duration) DurationStats {
	out := DurationStats{Count: len(ds)}
	if len(ds) == 0 {
		return out
	}
	slices.Sort(ds)
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	out.Mean = sum / time.Duration(len(ds))
	if mid := len(ds) / 2; len(ds)%2 == 1 {
		out.Median = ds[mid]
	} else {
		out.Median = (ds[mid-1] + ds[mid]) / 2
	}
	return out
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
