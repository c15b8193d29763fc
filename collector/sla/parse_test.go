package sla

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseSegments(t *testing.T) {
	tests := []struct {
		in      string
		want    []Segment
		wantErr string
	}{
		{in: "mon 08:30-12:00", want: []Segment{{time.Monday, 510, 720}}},
		{in: "Lun-Mar 8:00-9:00", want: []Segment{{time.Monday, 480, 540}, {time.Tuesday, 480, 540}}},
		{in: "sat,sun 00:00-24:00", want: []Segment{{time.Saturday, 0, 1440}, {time.Sunday, 0, 1440}}},
		{in: "fri-mon 10:00-11:00", want: []Segment{{time.Monday, 600, 660}, {time.Friday, 600, 660},
			{time.Saturday, 600, 660}, {time.Sunday, 600, 660}}},
		{in: "# comment\n\ntue 13:30-17:30, 08:30-12:00", want: []Segment{{time.Tuesday, 510, 720}, {time.Tuesday, 810, 1050}}},
		{in: "", want: nil},
		{in: "08:00-12:00", wantErr: "line 1: \"08:00-12:00\" does not start with a day"},
		{in: "mon", wantErr: "line 1: no hours"},
		{in: "mon 12:00-08:00", wantErr: "ends before it starts"},
		{in: "mon 08:00", wantErr: "not a time range"},
		{in: "mon 25:00-26:00", wantErr: "not a time HH:MM"},
		{in: "mon 24:30-24:45", wantErr: "not a time HH:MM"},
		{in: "mon 08:00-12:00\nxyz 08:00-09:00", wantErr: "line 2:"},
	}
	for _, tt := range tests {
		got, err := ParseSegments(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseSegments(%q) error = %v; want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSegments(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseHolidays(t *testing.T) {
	tests := []struct {
		in      string
		want    []Holiday
		wantErr string
	}{
		{in: "2026-12-25 Noël", want: []Holiday{{From: Date{2026, 12, 25}, To: Date{2026, 12, 25}, Name: "Noël"}}},
		{in: "05-01", want: []Holiday{{From: Date{0, 5, 1}, To: Date{0, 5, 1}, Yearly: true}}},
		{in: "12-24..01-01 Winter closing", want: []Holiday{{From: Date{0, 12, 24}, To: Date{0, 1, 1}, Yearly: true, Name: "Winter closing"}}},
		{in: "02-29", want: []Holiday{{From: Date{0, 2, 29}, To: Date{0, 2, 29}, Yearly: true}}},
		{in: "2026-13-01", wantErr: "line 1: \"2026-13-01\" is not a date"},
		{in: "2026-12-31..2026-12-01", wantErr: "ends before it starts"},
		{in: "2026-12-24..01-02", wantErr: "both ends need a year"},
	}
	for _, tt := range tests {
		got, err := ParseHolidays(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseHolidays(%q) error = %v; want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseHolidays(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	segs := "mon 08:30-12:00 13:30-17:30\ntue 08:30-12:00\nsun 00:00-24:00"
	s, err := ParseSegments(segs)
	if err != nil {
		t.Fatal(err)
	}
	if got := FormatSegments(s); got != segs {
		t.Errorf("FormatSegments = %q; want %q", got, segs)
	}
	hols := "2026-12-25 Noël\n12-24..01-01 Winter\n05-01"
	h, err := ParseHolidays(hols)
	if err != nil {
		t.Fatal(err)
	}
	if got := FormatHolidays(h); got != hols {
		t.Errorf("FormatHolidays = %q; want %q", got, hols)
	}
}
