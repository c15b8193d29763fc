package sla

import (
	"testing"
	"time"
)

// FuzzAddBetween checks Add and Between agree on the town hall's
// calendar: d of business time from start ends at Add(start, d), and
// that instant is never before start.
func FuzzAddBetween(f *testing.F) {
	f.Add(int64(1795420800), int64(60))
	cal := paris(f)
	f.Fuzz(func(t *testing.T, startUnix, minutes int64) {
		// 1970..2100 and up to a year of business time.
		startUnix = ((startUnix % 4102444800) + 4102444800) % 4102444800
		minutes = ((minutes % 525600) + 525600) % 525600
		start := time.Unix(startUnix, 0)
		d := time.Duration(minutes) * time.Minute
		end := cal.Add(start, d)
		if end.Before(start) {
			t.Fatalf("Add(%s, %s) = %s, before the start", start, d, end)
		}
		if got := cal.Between(start, end); got != d {
			t.Fatalf("Between(%s, Add(%s)) = %s; want %s", start, d, got, d)
		}
	})
}

// FuzzParseSegments checks what ParseSegments accepts survives a round
// trip through FormatSegments.
func FuzzParseSegments(f *testing.F) {
	f.Add("mon-fri 08:30-12:00 13:30-17:30")
	f.Fuzz(func(t *testing.T, in string) {
		segs, err := ParseSegments(in)
		if err != nil {
			return
		}
		again, err := ParseSegments(FormatSegments(segs))
		if err != nil {
			t.Fatalf("ParseSegments(FormatSegments(%v)): %v", segs, err)
		}
		if FormatSegments(again) != FormatSegments(segs) {
			t.Fatalf("round trip of %q: got %v; want %v", in, again, segs)
		}
	})
}

// FuzzParseHolidays checks what ParseHolidays accepts survives a round
// trip through FormatHolidays.
func FuzzParseHolidays(f *testing.F) {
	f.Add("2026-12-25 Noël\n12-24..01-01")
	f.Fuzz(func(t *testing.T, in string) {
		hs, err := ParseHolidays(in)
		if err != nil {
			return
		}
		again, err := ParseHolidays(FormatHolidays(hs))
		if err != nil {
			t.Fatalf("ParseHolidays(FormatHolidays(%v)): %v", hs, err)
		}
		if FormatHolidays(again) != FormatHolidays(hs) {
			t.Fatalf("round trip of %q: got %v; want %v", in, again, hs)
		}
	})
}
