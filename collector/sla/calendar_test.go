package sla

import (
	"testing"
	"time"
)

// paris is the town hall's calendar: Monday to Friday 08:30-12:00 and
// 13:30-17:30 (7h30 a day), Christmas 2026, and May 1st and November
// 11th every year.
func paris(t testing.TB) *Calendar {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatalf("load Europe/Paris: %v", err)
	}
	segs, err := ParseSegments("mon-fri 08:30-12:00 13:30-17:30")
	if err != nil {
		t.Fatal(err)
	}
	hols, err := ParseHolidays("2026-12-25 Noël\n05-01 Fête du travail\n11-11 Armistice")
	if err != nil {
		t.Fatal(err)
	}
	return &Calendar{Location: loc, Segments: segs, Holidays: hols}
}

// at is a Paris local time "2006-01-02 15:04".
func at(t testing.TB, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestCalendarAdd(t *testing.T) {
	cal := paris(t)
	loc := cal.Location
	always := &Calendar{Location: loc}
	tests := []struct {
		name  string
		cal   *Calendar
		start string
		d     time.Duration
		want  string
	}{
		{"within a segment", cal, "2026-11-23 09:00", 2 * time.Hour, "2026-11-23 11:00"},
		{"across lunch", cal, "2026-11-23 11:00", 2 * time.Hour, "2026-11-23 14:30"},
		{"across the night", cal, "2026-11-23 17:00", time.Hour, "2026-11-24 09:00"},
		{"started at night", cal, "2026-11-23 20:00", 30 * time.Minute, "2026-11-24 09:00"},
		{"started before opening", cal, "2026-11-24 06:00", time.Hour, "2026-11-24 09:30"},
		{"across the weekend", cal, "2026-11-27 17:00", time.Hour, "2026-11-30 09:00"},
		{"started on Saturday", cal, "2026-11-28 10:00", time.Hour, "2026-11-30 09:30"},
		{"ends exactly at closing", cal, "2026-11-23 16:30", time.Hour, "2026-11-23 17:30"},
		{"zero duration outside hours", cal, "2026-11-28 10:00", 0, "2026-11-28 10:00"},
		{"negative duration", cal, "2026-11-23 10:00", -time.Hour, "2026-11-23 10:00"},
		{"Christmas and weekend", cal, "2026-12-24 17:00", time.Hour, "2026-12-28 09:00"},
		{"yearly holiday (Nov 11)", cal, "2026-11-10 17:00", time.Hour, "2026-11-12 09:00"},
		{"yearly holiday another year", cal, "2027-11-10 17:00", time.Hour, "2027-11-12 09:00"},
		{"three weeks across a holiday", cal, "2026-11-02 08:30", 15 * 450 * time.Minute, "2026-11-23 17:30"},
		{"weekend of the autumn DST change", cal, "2026-10-23 17:00", time.Hour, "2026-10-26 09:00"},
		{"weekend of the spring DST change", cal, "2026-03-27 17:00", time.Hour, "2026-03-30 09:00"},
		{"24/7 across the 25-hour day", always, "2026-10-24 12:00", 24 * time.Hour, "2026-10-25 11:00"},
		{"24/7 across the 23-hour day", always, "2026-03-28 12:00", 24 * time.Hour, "2026-03-29 13:00"},
		{"nil calendar is 24/7", nil, "2026-11-28 10:00", 5 * time.Hour, "2026-11-28 15:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := at(t, tt.start)
			got := tt.cal.Add(start, tt.d)
			if want := at(t, tt.want); !got.Equal(want) {
				t.Errorf("Add(%s, %s) = %s; want %s", tt.start, tt.d, got.In(loc).Format(time.DateTime), tt.want)
			}
			if tt.d > 0 {
				if back := tt.cal.Between(start, got); back != tt.d {
					t.Errorf("Between(start, Add(start, %s)) = %s; want %s", tt.d, back, tt.d)
				}
			}
		})
	}
}

func TestCalendarBetween(t *testing.T) {
	cal := paris(t)
	always := &Calendar{Location: cal.Location}
	sundays := &Calendar{Location: cal.Location, Segments: []Segment{{Weekday: time.Sunday, Start: 0, End: 1440}}}
	gap := &Calendar{Location: cal.Location, Segments: []Segment{{Weekday: time.Sunday, Start: 120, End: 180}}}
	night := &Calendar{Location: cal.Location, Segments: []Segment{{Weekday: time.Sunday, Start: 60, End: 240}}}
	tests := []struct {
		name string
		cal  *Calendar
		a, b string
		want time.Duration
	}{
		{"same instant", cal, "2026-11-23 10:00", "2026-11-23 10:00", 0},
		{"reversed", cal, "2026-11-23 11:00", "2026-11-23 10:00", 0},
		{"lunch does not count", cal, "2026-11-23 11:00", "2026-11-23 14:00", 90 * time.Minute},
		{"Friday to Monday", cal, "2026-11-27 16:00", "2026-11-30 10:00", 3 * time.Hour},
		{"a whole weekend", cal, "2026-11-28 00:00", "2026-11-30 00:00", 0},
		{"night only", cal, "2026-11-23 18:00", "2026-11-24 08:00", 0},
		{"holiday only", cal, "2026-12-25 00:00", "2026-12-26 00:00", 0},
		{"a full week", cal, "2026-11-23 00:00", "2026-11-30 00:00", 5 * 450 * time.Minute},
		{"a week with Nov 11", cal, "2026-11-09 00:00", "2026-11-16 00:00", 4 * 450 * time.Minute},
		{"a year of 24/7", always, "2026-01-01 00:00", "2027-01-01 00:00", 365 * 24 * time.Hour},
		{"25-hour Sunday", sundays, "2026-10-25 00:00", "2026-10-26 00:00", 25 * time.Hour},
		{"23-hour Sunday", sundays, "2026-03-29 00:00", "2026-03-30 00:00", 23 * time.Hour},
		{"segment in the spring gap", gap, "2026-03-29 00:00", "2026-03-30 00:00", 0},
		// 01:00-04:00 lasts 4 hours of real time when 02:00-03:00 happens twice,
		// and 2 when it is skipped.
		{"segment over the repeated hour", night, "2026-10-25 00:00", "2026-10-26 00:00", 4 * time.Hour},
		{"segment over the skipped hour", night, "2026-03-29 00:00", "2026-03-30 00:00", 2 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.Between(at(t, tt.a), at(t, tt.b)); got != tt.want {
				t.Errorf("Between(%s, %s) = %s; want %s", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestHolidayContains(t *testing.T) {
	tests := []struct {
		h    string
		day  Date
		want bool
	}{
		{"2026-12-25", Date{2026, 12, 25}, true},
		{"2026-12-25", Date{2027, 12, 25}, false},
		{"12-25", Date{2031, 12, 25}, true},
		{"12-24..01-01", Date{2026, 12, 31}, true},
		{"12-24..01-01", Date{2027, 1, 1}, true},
		{"12-24..01-01", Date{2027, 1, 2}, false},
		{"12-24..01-01", Date{2026, 12, 23}, false},
		{"2026-12-24..2027-01-02", Date{2027, 1, 2}, true},
		{"2026-12-24..2027-01-02", Date{2027, 12, 24}, false},
	}
	for _, tt := range tests {
		hs, err := ParseHolidays(tt.h)
		if err != nil {
			t.Fatalf("ParseHolidays(%q): %v", tt.h, err)
		}
		if got := hs[0].Contains(tt.day); got != tt.want {
			t.Errorf("%s contains %v = %v; want %v", tt.h, tt.day, got, tt.want)
		}
	}
}
