package collect

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCIMTime(t *testing.T) {
	for _, tc := range []struct {
		in, date, datetime string
	}{
		{"20231105083012.500000+060", "2023-11-05", "2023-11-05 08:30:12"},
		{"20240912000000.000000+000", "2024-09-12", "2024-09-12 00:00:00"},
		{"20240305******.******+***", "2024-03-05", "2024-03-05 00:00:00"},
		{"19990101120000.000000-300", "1999-01-01", "1999-01-01 12:00:00"},
		{"20240230", "", ""},
		{"20241231235960.000000+000", "", ""},
		{"", "", ""},
		{"2024", "", ""},
		{"00000000000000.000000+000", "", ""},
		{"20241399000000.000000+000", "", ""},
		{"2024-09-12", "", ""},
		{"not a date at all", "", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := cimDate(tc.in); got != tc.date {
				t.Errorf("cimDate(%q) = %q; want %q", tc.in, got, tc.date)
			}
			if got := cimDateTime(tc.in); got != tc.datetime {
				t.Errorf("cimDateTime(%q) = %q; want %q", tc.in, got, tc.datetime)
			}
		})
	}
	tm, _ := cimTime("20231105083012.500000-300")
	if _, off := tm.Zone(); off != -5*3600 {
		t.Errorf("offset of -300: got %d s; want %d", off, -5*3600)
	}
}

func FuzzCIMTime(f *testing.F) {
	for _, s := range []string{"20231105083012.500000+060", "20240305******.******+***", "", "2024", "99999999999999.999999-999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, ok := cimTime(s)
		if !ok {
			return
		}
		if d := cimDate(s); len(d) != 10 || d[:4] != strings.TrimSpace(s)[:4] {
			t.Errorf("cimDate(%q) = %q for %v", s, d, tm)
		}
		if dt := cimDateTime(s); len(dt) != 19 {
			t.Errorf("cimDateTime(%q) = %q", s, dt)
		}
	})
}

func TestValueHelpers(t *testing.T) {
	r := wrow{
		"s": "  Dell Inc.\x00", "i": int64(-5), "u": uint64(7), "f": float64(3), "big": "17179869184",
		"b": true, "bs": "TRUE", "n": nil, "arr": []any{float64(10), "11", "x"}, "sarr": []any{"a", float64(2)},
		"i32": int32(-1048576),
	}
	if got := wStr(r, "s"); got != "Dell Inc." {
		t.Errorf("wStr: got %q; want %q", got, "Dell Inc.")
	}
	for key, want := range map[string]int64{"i": -5, "u": 7, "f": 3, "big": 17179869184, "i32": -1048576} {
		if got, ok := wNum(r, key); !ok || got != want {
			t.Errorf("wNum(%s): got %d, %v; want %d", key, got, ok, want)
		}
	}
	if _, ok := wNum(r, "n"); ok {
		t.Error("wNum(nil): got ok; want not ok")
	}
	if !wBool(r, "b") || !wBool(r, "bs") || wBool(r, "n") {
		t.Error("wBool: wrong")
	}
	if got := wNums(r, "arr"); !slices.Equal(got, []int64{10, 11}) {
		t.Errorf("wNums: got %v; want [10 11]", got)
	}
	if got := wStrs(r, "sarr"); !slices.Equal(got, []string{"a", "2"}) {
		t.Errorf("wStrs: got %v; want [a 2]", got)
	}
}

func TestWinFileTime(t *testing.T) {
	want := time.Date(2026, 11, 23, 7, 12, 40, 0, time.UTC)
	got, ok := winFileTime(134398915600000000)
	if !ok || !got.Equal(want) {
		t.Errorf("got %v, %v; want %v", got, ok, want)
	}
	for _, bad := range []uint64{0, 1, 1 << 63} {
		if _, ok := winFileTime(bad); ok {
			t.Errorf("winFileTime(%d): got ok; want not ok", bad)
		}
	}
}

func TestWinClean(t *testing.T) {
	for in, want := range map[string]string{
		"To Be Filled By O.E.M.": "", " Default string ": "", "No Asset Tag": "", "None": "",
		"8XK2QZ3": "8XK2QZ3", " MAIRIE-00412 ": "MAIRIE-00412",
	} {
		if got := winClean(in); got != want {
			t.Errorf("winClean(%q) = %q; want %q", in, got, want)
		}
	}
}
