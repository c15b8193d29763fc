package jobs

import (
	"testing"
	"time"
)

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in   string
		want string // String() of the spec, "" for an error
	}{
		{"every 6h", "every 6h0m0s"},
		{"every 90m", "every 1h30m0s"},
		{" daily 02:30 ", "daily 02:30"},
		{"daily 23:59", "daily 23:59"},
		{"every 30s", ""},
		{"every", ""},
		{"daily 24:00", ""},
		{"daily 2:3", ""},
		{"daily 02:60", ""},
		{"weekly 02:00", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			sp, err := ParseSpec(tc.in)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("got %v; want an error", sp)
				}
				return
			}
			if err != nil || sp.String() != tc.want {
				t.Fatalf("got %v, %v; want %s", sp, err, tc.want)
			}
			again, err := ParseSpec(sp.String())
			if err != nil || again != sp {
				t.Errorf("round trip of %s: got %v, %v", sp, again, err)
			}
		})
	}
}

func TestSpecNext(t *testing.T) {
	loc := time.Local
	t.Cleanup(func() { time.Local = loc })
	time.Local = time.FixedZone("CET", 3600)
	at := time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC) // 02:00 CET
	tests := []struct {
		spec string
		want time.Time
	}{
		{"every 6h", at.Add(6 * time.Hour)},
		{"daily 02:30", time.Date(2026, 11, 23, 1, 30, 0, 0, time.UTC)},
		{"daily 02:00", time.Date(2026, 11, 24, 1, 0, 0, 0, time.UTC)}, // strictly after
		{"daily 01:00", time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		sp, err := ParseSpec(tc.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got := sp.Next(at); !got.Equal(tc.want) {
			t.Errorf("%s after %v: got %v; want %v", tc.spec, at, got, tc.want)
		}
	}
}

func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{"every 6h", "daily 02:30", "every 1m", "daily 00:00", "every -5h", "daily 99:99", "every 1e9h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := ParseSpec(s)
		if err != nil {
			return
		}
		again, err := ParseSpec(sp.String())
		if err != nil || again != sp {
			t.Fatalf("%q -> %v does not read back: %v, %v", s, sp, again, err)
		}
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		if next := sp.Next(now); !next.After(now) {
			t.Fatalf("%q: next %v is not after %v", s, next, now)
		}
	})
}
