package helpdesk

import (
	"errors"
	"testing"
)

// TestWhoMay covers every action with who may and who may not do it, on a
// ticket whose status allows the action.
func TestWhoMay(t *testing.T) {
	self := func(rel Relation) Actor { return Actor{RoleSelfService, rel} }
	tech := func(rel Relation) Actor { return Actor{RoleTechnician, rel} }
	tests := []struct {
		name string
		a    Actor
		act  Action
		st   Status
		want bool
	}{
		{"requester views", self(RelRequester), ActView, StatusNew, true},
		{"observer actor views", self(RelObserver), ActView, StatusClosed, true},
		{"stranger does not view", self(0), ActView, StatusNew, false},
		{"observer role stranger does not view", Actor{RoleObserver, 0}, ActView, StatusNew, false},
		{"observer role views what it observes", Actor{RoleObserver, RelObserver}, ActView, StatusNew, true},
		{"observer role views what it must approve", Actor{RoleObserver, RelApprover}, ActView, StatusAssigned, true},
		{"asked approver views", self(RelApprover), ActView, StatusAssigned, true},
		{"technician views any", tech(0), ActView, StatusNew, true},
		{"no role views nothing", Actor{RoleNone, RelRequester}, ActView, StatusNew, false},

		{"requester no private", self(RelRequester), ActViewPrivate, StatusNew, false},
		{"observer role no private", Actor{RoleObserver, RelRequester}, ActViewPrivate, StatusNew, false},
		{"technician private", tech(0), ActViewPrivate, StatusNew, true},

		{"requester followup", self(RelRequester), ActFollowup, StatusPending, true},
		{"observer actor followup", self(RelObserver), ActFollowup, StatusAssigned, true},
		{"stranger no followup", self(0), ActFollowup, StatusAssigned, false},
		{"observer role stranger no followup", Actor{RoleObserver, 0}, ActFollowup, StatusAssigned, false},
		{"observer role observing no followup", Actor{RoleObserver, RelObserver}, ActFollowup, StatusAssigned, false},
		{"observer role no document on a group's ticket", Actor{RoleObserver, RelObserver}, ActDocument, StatusAssigned, false},
		{"observer role followup on own request", Actor{RoleObserver, RelRequester}, ActFollowup, StatusAssigned, true},
		{"approver no followup", self(RelApprover), ActFollowup, StatusAssigned, false},
		{"approver no solution approval", self(RelApprover), ActApprove, StatusSolved, false},
		{"technician followup", tech(0), ActFollowup, StatusAssigned, true},
		{"requester document", self(RelRequester), ActDocument, StatusNew, true},
		{"stranger no document", self(0), ActDocument, StatusNew, false},
		{"requester no private followup", self(RelRequester), ActPrivateFollowup, StatusNew, false},
		{"technician private followup", tech(0), ActPrivateFollowup, StatusNew, true},

		{"requester no edit", self(RelRequester), ActEdit, StatusNew, false},
		{"technician edit", tech(0), ActEdit, StatusNew, true},
		{"requester no take", self(RelRequester), ActTake, StatusNew, false},
		{"observer role no take", Actor{RoleObserver, 0}, ActTake, StatusNew, false},
		{"technician take", tech(0), ActTake, StatusNew, true},
		{"technician stranger no assign", tech(0), ActAssign, StatusNew, false},
		{"technician assignee hands over", tech(RelAssignee), ActAssign, StatusAssigned, true},
		{"supervisor assigns", Actor{RoleSupervisor, 0}, ActAssign, StatusNew, true},
		{"admin assigns", Actor{RoleAdmin, 0}, ActAssign, StatusNew, true},
		{"requester no assign", self(RelRequester | RelAssignee), ActAssign, StatusNew, false},
		{"supervisor unassigns", Actor{RoleSupervisor, 0}, ActUnassign, StatusAssigned, true},
		{"technician stranger no unassign", tech(0), ActUnassign, StatusAssigned, false},
		{"technician task", tech(0), ActTask, StatusAssigned, true},
		{"requester no task", self(RelRequester), ActTask, StatusAssigned, false},
		{"technician pending", tech(0), ActPending, StatusAssigned, true},
		{"requester no pending", self(RelRequester), ActPending, StatusAssigned, false},
		{"technician resume", tech(0), ActResume, StatusPending, true},
		{"requester no resume", self(RelRequester), ActResume, StatusPending, false},
		{"technician solve", tech(0), ActSolve, StatusAssigned, true},
		{"requester no solve", self(RelRequester), ActSolve, StatusAssigned, false},

		{"requester approves", self(RelRequester), ActApprove, StatusSolved, true},
		{"technician requester approves", tech(RelRequester), ActApprove, StatusSolved, true},
		{"observer actor no approve", self(RelObserver), ActApprove, StatusSolved, false},
		{"technician no approve", tech(RelAssignee), ActApprove, StatusSolved, false},
		{"admin no approve for others", Actor{RoleAdmin, 0}, ActApprove, StatusSolved, false},
		{"requester refuses", self(RelRequester), ActRefuse, StatusSolved, true},
		{"technician no refuse", tech(0), ActRefuse, StatusSolved, false},
		{"requester cancels", self(RelRequester), ActCancel, StatusNew, true},
		{"observer actor no cancel", self(RelObserver), ActCancel, StatusNew, false},
		{"technician no cancel of others", tech(0), ActCancel, StatusNew, false},
		{"nobody autocloses by hand", Actor{RoleAdmin, RelRequester}, ActAutoClose, StatusSolved, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.a, tc.act, tc.st)
			if got := err == nil; got != tc.want {
				t.Fatalf("got allowed %v (%v); want %v", got, err, tc.want)
			}
			if !tc.want && !errors.Is(err, ErrForbidden) {
				t.Errorf("got error %v; want ErrForbidden", err)
			}
		})
	}
}

// TestWhen covers, for every action, the statuses it is possible in, as
// the staff member or requester who may do it.
func TestWhen(t *testing.T) {
	staff := Actor{RoleAdmin, RelAssignee}
	req := Actor{RoleSelfService, RelRequester}
	open := []Status{StatusNew, StatusAssigned, StatusPlanned, StatusPending}
	tests := []struct {
		act  Action
		a    Actor
		want []Status
	}{
		{ActView, req, Statuses},
		{ActViewPrivate, staff, Statuses},
		{ActFollowup, req, append(open, StatusSolved)},
		{ActPrivateFollowup, staff, append(open, StatusSolved)},
		{ActDocument, req, append(open, StatusSolved)},
		{ActEdit, staff, open},
		{ActTake, staff, open},
		{ActAssign, staff, open},
		{ActUnassign, staff, open},
		{ActTask, staff, open},
		{ActPending, staff, []Status{StatusNew, StatusAssigned, StatusPlanned}},
		{ActResume, staff, []Status{StatusPending}},
		{ActSolve, staff, open},
		{ActApprove, req, []Status{StatusSolved}},
		{ActRefuse, req, []Status{StatusSolved}},
		{ActCancel, req, open},
	}
	for _, tc := range tests {
		in := map[Status]bool{}
		for _, s := range tc.want {
			in[s] = true
		}
		for _, st := range Statuses {
			t.Run(string(tc.act)+"/"+st.String(), func(t *testing.T) {
				err := Check(tc.a, tc.act, st)
				if in[st] && err != nil {
					t.Fatalf("got %v; want allowed", err)
				}
				if !in[st] && !errors.Is(err, ErrStatus) {
					t.Fatalf("got %v; want ErrStatus", err)
				}
			})
		}
	}
}

func TestStrangerLearnsNothing(t *testing.T) {
	// A forbidden action says "forbidden" whatever the status, so a
	// self-service user cannot probe other people's tickets.
	for _, st := range Statuses {
		if err := Check(Actor{RoleSelfService, 0}, ActApprove, st); !errors.Is(err, ErrForbidden) {
			t.Errorf("%s: got %v; want ErrForbidden", st, err)
		}
	}
}

func TestParseRole(t *testing.T) {
	tests := map[string]Role{"self-service": RoleSelfService, "observer": RoleObserver, "technician": RoleTechnician,
		"supervisor": RoleSupervisor, "admin": RoleAdmin, "": RoleNone, "root": RoleNone}
	for name, want := range tests {
		if got := ParseRole(name); got != want {
			t.Errorf("ParseRole(%q): got %d; want %d", name, got, want)
		}
	}
	if RoleObserver.Staff() || !RoleTechnician.Staff() {
		t.Error("got observers as staff or technicians not; want technician and above only")
	}
}
