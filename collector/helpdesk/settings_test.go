package helpdesk

import (
	"testing"
	"time"
)

func TestAutoCloseDays(t *testing.T) {
	day := 24 * time.Hour
	for _, tc := range []struct {
		stored string
		want   time.Duration
		err    bool
	}{
		{"", DefaultAutoCloseDays * day, false}, {"3", 3 * day, false}, {"-1", NeverAutoClose, false},
		{"0", 0, false}, {"x", 0, true}, {"1; DROP TABLE", 0, true},
	} {
		got, err := ParseAutoCloseDays(tc.stored)
		if (err != nil) != tc.err || (!tc.err && got != tc.want) {
			t.Errorf("ParseAutoCloseDays(%q): got %v, %v; want %v (error %v)", tc.stored, got, err, tc.want, tc.err)
		}
	}
	for _, tc := range []struct {
		form int
		want string
		err  bool
	}{{0, "-1", false}, {1, "1", false}, {365, "365", false}, {366, "", true}, {-1, "", true}} {
		got, err := AutoCloseDaysForm(tc.form)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("AutoCloseDaysForm(%d): got %q, %v; want %q (error %v)", tc.form, got, err, tc.want, tc.err)
		}
	}
}

func TestMaxUploadMB(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want int
		err  bool
	}{{"", DefaultMaxUploadMB, false}, {"5", 5, false}, {"0", 0, true}, {"11", 0, true}, {"ten", 0, true}} {
		got, err := ParseMaxUploadMB(tc.v)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseMaxUploadMB(%q): got %d, %v; want %d (error %v)", tc.v, got, err, tc.want, tc.err)
		}
	}
}

func TestSetsPriority(t *testing.T) {
	for r, want := range map[Role]bool{RoleNone: false, RoleSelfService: false, RoleObserver: false,
		RoleTechnician: false, RoleSupervisor: true, RoleAdmin: true} {
		if got := SetsPriority(r); got != want {
			t.Errorf("role %d: got %v; want %v", r, got, want)
		}
	}
}

func TestLate(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		st   Status
		due  time.Time
		want bool
	}{
		{"past due, open", StatusAssigned, now.Add(-time.Hour), true},
		{"past due, pending", StatusPending, now.Add(-time.Hour), true},
		{"due later", StatusNew, now.Add(time.Hour), false},
		{"no due date", StatusNew, time.Time{}, false},
		{"solved", StatusSolved, now.Add(-time.Hour), false},
		{"closed", StatusClosed, now.Add(-time.Hour), false},
	} {
		if got := Late(tc.st, tc.due, now); got != tc.want {
			t.Errorf("%s: got %v; want %v", tc.name, got, tc.want)
		}
	}
}
