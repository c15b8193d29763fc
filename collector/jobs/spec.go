package jobs

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Spec is when a recurring job runs: every Every, or daily at Hour:Minute
// in the collector's local time zone.
type Spec struct {
	Every        time.Duration // > 0 for "every 6h"
	Hour, Minute int           // for "daily 02:30"
}

// MinEvery bounds how often a job may recur, so a typo ("every 1s")
// cannot flood the queue.
const MinEvery = time.Minute

// ParseSpec reads "every DURATION" (a Go duration of at least MinEvery,
// e.g. "every 6h") or "daily HH:MM" (24-hour clock, e.g. "daily 02:30").
func ParseSpec(s string) (Spec, error) {
	word, arg, ok := strings.Cut(strings.TrimSpace(s), " ")
	arg = strings.TrimSpace(arg)
	if !ok || arg == "" {
		return Spec{}, fmt.Errorf("schedule %q: want \"every 6h\" or \"daily 02:30\"", s)
	}
	switch word {
	case "every":
		d, err := time.ParseDuration(arg)
		if err != nil || d < MinEvery {
			return Spec{}, fmt.Errorf("schedule %q: the interval must be a duration of at least %v, such as 6h", s, MinEvery)
		}
		return Spec{Every: d}, nil
	case "daily":
		hh, mm, ok := strings.Cut(arg, ":")
		h, errH := strconv.Atoi(hh)
		m, errM := strconv.Atoi(mm)
		if !ok || errH != nil || errM != nil || len(mm) != 2 || h < 0 || h > 23 || m < 0 || m > 59 {
			return Spec{}, fmt.Errorf("schedule %q: the time must be HH:MM between 00:00 and 23:59", s)
		}
		return Spec{Hour: h, Minute: m}, nil
	}
	return Spec{}, fmt.Errorf("schedule %q: want \"every 6h\" or \"daily 02:30\"", s)
}

// String writes the spec back in the form ParseSpec reads.
func (s Spec) String() string {
	if s.Every > 0 {
		return "every " + s.Every.String()
	}
	return fmt.Sprintf("daily %02d:%02d", s.Hour, s.Minute)
}

// Next is the first occurrence strictly after t.
func (s Spec) Next(t time.Time) time.Time {
	if s.Every > 0 {
		return t.Add(s.Every).Truncate(time.Second)
	}
	lt := t.Local()
	next := time.Date(lt.Year(), lt.Month(), lt.Day(), s.Hour, s.Minute, 0, 0, time.Local)
	for !next.After(t) {
		next = time.Date(next.Year(), next.Month(), next.Day()+1, s.Hour, s.Minute, 0, 0, time.Local)
	}
	return next.UTC()
}
