package sla

import (
	"fmt"
	"time"
)

// Period is how often a recurrent ticket comes back.
type Period string

// The periods of recurrent tickets.
const (
	Daily   Period = "daily"
	Weekly  Period = "weekly"
	Monthly Period = "monthly"
	Days    Period = "days" // every Every days
)

// Recurrence is when a recurrent ticket is created: Begin, then every
// period, until End (included) when End is set. Times are computed in
// Begin's location, so a daily 08:00 ticket stays at 08:00 across a
// daylight saving change.
type Recurrence struct {
	Begin  time.Time
	End    time.Time // zero: for ever
	Period Period
	Every  int // the N of "every N days"; ignored by the other periods
}

// Check says what is wrong with r, naming the field.
func (r Recurrence) Check() error {
	switch {
	case r.Begin.IsZero():
		return fmt.Errorf("begin: missing")
	case r.Period != Daily && r.Period != Weekly && r.Period != Monthly && r.Period != Days:
		return fmt.Errorf("period: %q is not daily, weekly, monthly or days", r.Period)
	case r.Period == Days && (r.Every < 1 || r.Every > 3660):
		return fmt.Errorf("every: %d is not a number of days between 1 and 3660", r.Every)
	case !r.End.IsZero() && r.End.Before(r.Begin):
		return fmt.Errorf("end: before the beginning")
	}
	return nil
}

// At is the k-th occurrence (k >= 0; At(0) is Begin). A monthly
// recurrence begun on the 31st comes on the last day of shorter months.
func (r Recurrence) At(k int) time.Time {
	b := r.Begin
	switch r.Period {
	case Weekly:
		return b.AddDate(0, 0, 7*k)
	case Monthly:
		y, m, d := b.Date()
		first := time.Date(y, m+time.Month(k), 1, b.Hour(), b.Minute(), b.Second(), b.Nanosecond(), b.Location())
		if last := first.AddDate(0, 1, -1).Day(); d > last {
			d = last
		}
		return first.AddDate(0, 0, d-1)
	case Days:
		return b.AddDate(0, 0, r.Every*k)
	}
	return b.AddDate(0, 0, k)
}

// After is the first occurrence strictly after t (Begin when t is
// before it); ok is false when there is none before End.
func (r Recurrence) After(t time.Time) (time.Time, bool) {
	if err := r.Check(); err != nil {
		return time.Time{}, false
	}
	k := 0
	if t.After(r.Begin) {
		// Estimate k from the elapsed days, then step: DST and month
		// lengths make the estimate off by one at most.
		days := int(t.Sub(r.Begin).Hours() / 24)
		switch r.Period {
		case Weekly:
			k = days / 7
		case Monthly:
			k = days / 31
		case Days:
			k = days / r.Every
		default:
			k = days
		}
		for k > 0 && r.At(k).After(t) {
			k--
		}
	}
	for !r.At(k).After(t) {
		k++
	}
	at := r.At(k)
	if !r.End.IsZero() && at.After(r.End) {
		return time.Time{}, false
	}
	return at, true
}
