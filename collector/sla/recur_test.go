package sla

import (
	"testing"
	"time"
)

func TestRecurrenceAfter(t *testing.T) {
	tests := []struct {
		name  string
		r     func(t testing.TB) Recurrence
		after string
		want  string // "" when none
	}{
		{"before the beginning", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-23 08:00"), Period: Daily}
		}, "2026-01-01 00:00", "2026-11-23 08:00"},
		{"at an occurrence: the next one", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-23 08:00"), Period: Daily}
		}, "2026-11-23 08:00", "2026-11-24 08:00"},
		{"daily keeps local time across DST", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-10-20 08:00"), Period: Daily}
		}, "2026-10-26 07:00", "2026-10-26 08:00"},
		{"weekly", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-02 08:00"), Period: Weekly}
		}, "2026-11-23 09:00", "2026-11-30 08:00"},
		{"monthly on the 31st", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-01-31 08:00"), Period: Monthly}
		}, "2026-02-01 00:00", "2026-02-28 08:00"},
		{"monthly back to the 31st", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-01-31 08:00"), Period: Monthly}
		}, "2026-02-28 08:00", "2026-03-31 08:00"},
		{"monthly years later", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-01-15 08:00"), Period: Monthly}
		}, "2031-06-15 08:00", "2031-07-15 08:00"},
		{"every 3 days", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-01 08:00"), Period: Days, Every: 3}
		}, "2026-11-05 00:00", "2026-11-07 08:00"},
		{"past the end", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-01 08:00"), End: at(t, "2026-11-03 00:00"), Period: Daily}
		}, "2026-11-02 08:00", ""},
		{"end included", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-01 08:00"), End: at(t, "2026-11-03 08:00"), Period: Daily}
		}, "2026-11-02 08:00", "2026-11-03 08:00"},
		{"invalid: no occurrence", func(t testing.TB) Recurrence {
			return Recurrence{Begin: at(t, "2026-11-01 08:00"), Period: Days}
		}, "2026-11-02 08:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.r(t).After(at(t, tt.after))
			if tt.want == "" {
				if ok {
					t.Errorf("After(%s) = %s; want none", tt.after, got)
				}
				return
			}
			if want := at(t, tt.want); !ok || !got.Equal(want) {
				t.Errorf("After(%s) = %s, %v; want %s", tt.after, got, ok, tt.want)
			}
		})
	}
}

func TestRecurrenceCheck(t *testing.T) {
	b := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		r    Recurrence
		want string
	}{
		{Recurrence{Begin: b, Period: Weekly}, ""},
		{Recurrence{Period: Weekly}, "begin: missing"},
		{Recurrence{Begin: b, Period: "hourly"}, `period: "hourly" is not daily, weekly, monthly or days`},
		{Recurrence{Begin: b, Period: Days}, "every: 0 is not a number of days between 1 and 3660"},
		{Recurrence{Begin: b, End: b.Add(-time.Hour), Period: Daily}, "end: before the beginning"},
	}
	for _, tt := range tests {
		got := ""
		if err := tt.r.Check(); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("Check(%+v) = %q; want %q", tt.r, got, tt.want)
		}
	}
}
