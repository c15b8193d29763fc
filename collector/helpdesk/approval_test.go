package helpdesk

import (
	"errors"
	"testing"
)

const (
	w = ApprovalWaiting
	a = ApprovalAccepted
	r = ApprovalRefused
)

func TestGlobalApproval(t *testing.T) {
	tests := []struct {
		name    string
		percent int
		answers []Approval
		want    Approval
	}{
		{"no approver at 0%", 0, nil, ApprovalNone},
		{"no approver at 100%", 100, nil, ApprovalNone},
		{"all waiting at 0%", 0, []Approval{w, w}, w},
		{"all waiting at 50%", 50, []Approval{w, w, w}, w},
		{"all waiting at 100%", 100, []Approval{w}, w},
		{"one acceptance decides at 0%", 0, []Approval{w, a, w}, a},
		{"one refusal decides at 0%", 0, []Approval{w, r}, r},
		{"acceptance wins over refusal at 0%", 0, []Approval{r, a}, a},
		{"single approver accepts at 100%", 100, []Approval{a}, a},
		{"single approver refuses at 100%", 100, []Approval{r}, r},
		{"100% still waiting with one accepted of two", 100, []Approval{a, w}, w},
		{"100% all accepted", 100, []Approval{a, a, a}, a},
		{"a refusal makes 100% impossible", 100, []Approval{a, w, r}, r},
		{"50% reached by one of two", 50, []Approval{a, w}, a},
		{"50% not lost by one refusal of two", 50, []Approval{r, w}, w},
		{"50% with one refused one accepted of two", 50, []Approval{r, a}, a},
		{"50% lost by two refusals of three", 50, []Approval{r, r, w}, r},
		{"50% waiting with one of three accepted", 50, []Approval{a, w, w}, w},
		{"50% reached by two of three", 50, []Approval{a, a, w}, a},
		{"50% with one refusal of three still reachable", 50, []Approval{r, w, w}, w},
		{"50% reached by two of four", 50, []Approval{a, r, a, r}, a},
		{"50% lost by three refusals of four", 50, []Approval{r, r, r, w}, r},
		{"50% of five needs three", 50, []Approval{a, a, r, r, w}, w},
		{"50% of five lost with three refusals", 50, []Approval{a, a, r, r, r}, r},
		{"out of range percent clamps to 100", 250, []Approval{a, w}, w},
		{"negative percent clamps to 0", -5, []Approval{a, w}, a},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := GlobalApproval(tc.percent, tc.answers); got != tc.want {
				t.Errorf("GlobalApproval(%d, %v) = %v; want %v", tc.percent, tc.answers, got, tc.want)
			}
		})
	}
}

func TestCheckMinPercent(t *testing.T) {
	tests := []struct {
		p  int
		ok bool
	}{{0, true}, {50, true}, {100, true}, {25, false}, {-1, false}, {101, false}}
	for _, tc := range tests {
		if err := CheckMinPercent(tc.p); (err == nil) != tc.ok {
			t.Errorf("CheckMinPercent(%d) = %v; want ok %v", tc.p, err, tc.ok)
		}
	}
}

func TestCanRequestApproval(t *testing.T) {
	tests := []struct {
		role Role
		st   Status
		want error
	}{
		{RoleSelfService, StatusNew, ErrApprovalRole},
		{RoleObserver, StatusAssigned, ErrApprovalRole},
		{RoleTechnician, StatusAssigned, nil},
		{RoleSupervisor, StatusSolved, nil},
		{RoleAdmin, StatusPending, nil},
		{RoleAdmin, StatusClosed, ErrApprovalClosed},
	}
	for _, tc := range tests {
		if got := CanRequestApproval(tc.role, tc.st); !errors.Is(got, tc.want) {
			t.Errorf("CanRequestApproval(%v, %v) = %v; want %v", tc.role, tc.st, got, tc.want)
		}
	}
}

func TestCheckApprovalAnswer(t *testing.T) {
	tests := []struct {
		name     string
		approver int64
		user     int64
		current  Approval
		accept   bool
		comment  string
		want     error
	}{
		{"asked user accepts", 7, 7, w, true, "", nil},
		{"asked user refuses with a reason", 7, 7, w, false, "too expensive", nil},
		{"refusal without comment", 7, 7, w, false, "  \n", ErrRefusalComment},
		{"another user", 7, 8, w, true, "", ErrNotApprover},
		{"nobody", 7, 0, w, true, "", ErrNotApprover},
		{"already accepted", 7, 7, a, false, "changed my mind", ErrAlreadyAnswered},
		{"already refused", 7, 7, r, true, "", ErrAlreadyAnswered},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CheckApprovalAnswer(tc.approver, tc.user, tc.current, tc.accept, tc.comment)
			if !errors.Is(got, tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}
