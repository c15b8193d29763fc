package spool

import (
	"math/rand/v2"
	"time"
)

// Backoff spaces out resends after failures: the wait starts at Min and
// doubles on each failure up to Max, each wait drawn at random in its upper
// half so that agents which failed together do not retry together. A
// collector's Retry-After is honoured when it asks for longer.
type Backoff struct {
	Min, Max time.Duration
	failures int
	until    time.Time
}

// Failure records a failed attempt at now and returns how long to wait.
func (b *Backoff) Failure(now time.Time, retryAfter time.Duration) time.Duration {
	d := b.Min
	for i := 0; i < b.failures && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	if half := d / 2; half > 0 {
		d = half + rand.N(half+1)
	}
	d = max(d, retryAfter)
	b.failures++
	b.until = now.Add(d)
	return d
}

// Success resets the backoff.
func (b *Backoff) Success() { b.failures, b.until = 0, time.Time{} }

// Ready says whether an attempt may be made at now.
func (b *Backoff) Ready(now time.Time) bool { return !now.Before(b.until) }

// Until is when the next attempt may be made; zero when not backing off.
func (b *Backoff) Until() time.Time { return b.until }

// Failures is the number of failures since the last success.
func (b *Backoff) Failures() int { return b.failures }
