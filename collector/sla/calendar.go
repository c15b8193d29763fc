package sla

import (
	"sort"
	"time"
)

// Segment is one opening period of a weekday, in minutes from local
// midnight: Start < End <= 1440 (24:00).
type Segment struct {
	Weekday    time.Weekday
	Start, End int
}

// Date is a civil date, without a time zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// before compares two dates; yearly compares month and day only.
func (d Date) before(e Date, yearly bool) bool {
	if !yearly && d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// Holiday is a closed range of days, From to To inclusive. A Yearly
// holiday ignores the years and comes back every year (May 1st; December
// 24th to January 1st wraps across the new year).
type Holiday struct {
	From, To Date
	Yearly   bool
	Name     string
}

// Contains reports whether the day d is in the holiday.
func (h Holiday) Contains(d Date) bool {
	if !h.Yearly {
		return !d.before(h.From, false) && !h.To.before(d, false)
	}
	if h.To.before(h.From, true) { // wraps across the new year
		return !d.before(h.From, true) || !h.To.before(d, true)
	}
	return !d.before(h.From, true) && !h.To.before(d, true)
}

// Calendar says when the helpdesk works. A nil Calendar, or one without
// segments, is open all the time (24/7) except on its holidays. Times
// are computed in Location (UTC when nil), so a segment "08:30-12:00"
// is local time on both sides of a daylight saving change.
type Calendar struct {
	Location *time.Location
	Segments []Segment
	Holidays []Holiday
}

// maxDays bounds the day-by-day walks: a calendar with no business time
// in ten years (every day a holiday) would otherwise loop for ever.
const maxDays = 3660

// span is an interval of absolute time [from, to).
type span struct{ from, to time.Time }

func (c *Calendar) loc() *time.Location {
	if c == nil || c.Location == nil {
		return time.UTC
	}
	return c.Location
}

// open lists the merged business intervals of the local day d.
func (c *Calendar) open(d Date) []span {
	loc := c.loc()
	if c != nil {
		for _, h := range c.Holidays {
			if h.Contains(d) {
				return nil
			}
		}
	}
	at := func(min int) time.Time { return time.Date(d.Year, d.Month, d.Day, min/60, min%60, 0, 0, loc) }
	if c == nil || len(c.Segments) == 0 {
		return []span{{at(0), at(1440)}}
	}
	wd := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, loc).Weekday()
	var out []span
	for _, s := range c.Segments {
		if s.Weekday == wd && s.Start < s.End {
			out = append(out, span{at(s.Start), at(s.End)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].from.Before(out[j].from) })
	merged := out[:0]
	for _, s := range out {
		// A segment that starts in a DST gap may normalise past its end.
		if !s.from.Before(s.to) {
			continue
		}
		if n := len(merged); n > 0 && !s.from.After(merged[n-1].to) {
			if s.to.After(merged[n-1].to) {
				merged[n-1].to = s.to
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// next is the civil day after d.
func next(d Date) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+1, 12, 0, 0, 0, time.UTC))
}

// Add returns the instant when d of business time has elapsed from
// start. A zero or negative d returns start unchanged; otherwise the
// result is inside business hours (the end of a segment at the latest),
// so a ticket opened on Friday evening with 4 hours to own is due on
// Monday morning. Between(start, Add(start, d)) == d.
func (c *Calendar) Add(start time.Time, d time.Duration) time.Time {
	if d <= 0 {
		return start
	}
	day := DateOf(start.In(c.loc()))
	for i := 0; i < maxDays; i++ {
		for _, s := range c.open(day) {
			if !s.to.After(start) {
				continue
			}
			from := s.from
			if start.After(from) {
				from = start
			}
			if avail := s.to.Sub(from); d <= avail {
				return from.Add(d)
			} else {
				d -= avail
			}
		}
		day = next(day)
	}
	return start.Add(d) // no business time for years: fall back to wall time
}

// Between returns the business time elapsed from a to b, 0 when b is not
// after a.
func (c *Calendar) Between(a, b time.Time) time.Duration {
	if !b.After(a) {
		return 0
	}
	var total time.Duration
	day, last := DateOf(a.In(c.loc())), DateOf(b.In(c.loc()))
	for i := 0; i < maxDays*10; i++ {
		for _, s := range c.open(day) {
			from, to := s.from, s.to
			if a.After(from) {
				from = a
			}
			if b.Before(to) {
				to = b
			}
			if to.After(from) {
				total += to.Sub(from)
			}
		}
		if day == last {
			break
		}
		day = next(day)
	}
	return total
}
