package helpdesk

import (
	"errors"
	"testing"
	"time"
)

var (
	t0    = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	t1    = t0.Add(time.Hour)
	tech  = Actor{RoleTechnician, RelAssignee}
	super = Actor{RoleSupervisor, 0}
	req   = Actor{RoleSelfService, RelRequester}
)

func TestTransitions(t *testing.T) {
	assigned := State{Status: StatusAssigned, Assignees: 1, TakenAt: t0}
	tests := []struct {
		name string
		a    Actor
		in   State
		ev   Event
		want State
	}{
		{"take moves new to assigned", Actor{RoleTechnician, 0}, State{Status: StatusNew},
			Event{Action: ActTake, Assignees: 1}, State{Status: StatusAssigned, Assignees: 1, TakenAt: t1}},
		{"assigning moves new to assigned", super, State{Status: StatusNew},
			Event{Action: ActAssign, Assignees: 1}, State{Status: StatusAssigned, Assignees: 1, TakenAt: t1}},
		{"a second assignee keeps the first take date", tech, assigned,
			Event{Action: ActAssign, Assignees: 2}, State{Status: StatusAssigned, Assignees: 2, TakenAt: t0}},
		{"assigning a pending ticket keeps it pending", super, State{Status: StatusPending, Assignees: 1, TakenAt: t0},
			Event{Action: ActAssign, Assignees: 2}, State{Status: StatusPending, Assignees: 2, TakenAt: t0}},
		{"removing the last assignee puts it back to new", super, assigned,
			Event{Action: ActUnassign, Assignees: 0}, State{Status: StatusNew, TakenAt: t0}},
		{"removing one of two keeps it assigned", super, State{Status: StatusAssigned, Assignees: 2, TakenAt: t0},
			Event{Action: ActUnassign, Assignees: 1}, assigned},
		{"removing the last from planned puts it back to new", super, State{Status: StatusPlanned, Assignees: 1, PlannedTasks: 1},
			Event{Action: ActUnassign}, State{Status: StatusNew, PlannedTasks: 1}},
		{"removing the last from pending keeps pending", super, State{Status: StatusPending, Assignees: 1},
			Event{Action: ActUnassign}, State{Status: StatusPending}},
		{"a planned task plans an assigned ticket", tech, assigned,
			Event{Action: ActTask, Planned: true}, State{Status: StatusPlanned, Assignees: 1, PlannedTasks: 1, TakenAt: t0}},
		{"a planned task plans a new ticket", tech, State{Status: StatusNew},
			Event{Action: ActTask, Planned: true}, State{Status: StatusPlanned, PlannedTasks: 1}},
		{"an unplanned task changes nothing", tech, assigned, Event{Action: ActTask}, assigned},
		{"a planned task on a pending ticket keeps it pending", tech, State{Status: StatusPending, Assignees: 1},
			Event{Action: ActTask, Planned: true}, State{Status: StatusPending, Assignees: 1, PlannedTasks: 1}},
		{"pending", tech, assigned, Event{Action: ActPending}, State{Status: StatusPending, Assignees: 1, TakenAt: t0}},
		{"requester followup on pending resumes to assigned", req, State{Status: StatusPending, Assignees: 1, TakenAt: t0},
			Event{Action: ActFollowup, ByRequester: true}, assigned},
		{"requester followup on pending with planned tasks resumes to planned", req, State{Status: StatusPending, Assignees: 1, PlannedTasks: 1},
			Event{Action: ActFollowup, ByRequester: true}, State{Status: StatusPlanned, Assignees: 1, PlannedTasks: 1}},
		{"requester followup on unassigned pending resumes to new", req, State{Status: StatusPending},
			Event{Action: ActFollowup, ByRequester: true}, State{Status: StatusNew}},
		{"requester document on pending resumes", req, State{Status: StatusPending, Assignees: 1, TakenAt: t0},
			Event{Action: ActDocument, ByRequester: true}, assigned},
		{"technician followup on pending stays pending", tech, State{Status: StatusPending, Assignees: 1},
			Event{Action: ActFollowup}, State{Status: StatusPending, Assignees: 1}},
		{"requester followup on assigned changes nothing", req, assigned, Event{Action: ActFollowup, ByRequester: true}, assigned},
		{"resume", tech, State{Status: StatusPending, Assignees: 1, TakenAt: t0}, Event{Action: ActResume}, assigned},
		{"solve", tech, assigned, Event{Action: ActSolve},
			State{Status: StatusSolved, Approval: ApprovalWaiting, Assignees: 1, TakenAt: t0, SolvedAt: t1}},
		{"solve a pending ticket", tech, State{Status: StatusPending, Assignees: 1}, Event{Action: ActSolve},
			State{Status: StatusSolved, Approval: ApprovalWaiting, Assignees: 1, SolvedAt: t1}},
		{"approve closes", req, State{Status: StatusSolved, Approval: ApprovalWaiting, Assignees: 1, SolvedAt: t0},
			Event{Action: ActApprove}, State{Status: StatusClosed, Approval: ApprovalAccepted, Assignees: 1, SolvedAt: t0, ClosedAt: t1}},
		{"refuse reopens to assigned", req, State{Status: StatusSolved, Approval: ApprovalWaiting, Assignees: 1, SolvedAt: t0},
			Event{Action: ActRefuse, Reason: "still broken"}, State{Status: StatusAssigned, Approval: ApprovalRefused, Assignees: 1}},
		{"refuse reopens to planned", req, State{Status: StatusSolved, Assignees: 1, PlannedTasks: 2, SolvedAt: t0},
			Event{Action: ActRefuse, Reason: "no"}, State{Status: StatusPlanned, Approval: ApprovalRefused, Assignees: 1, PlannedTasks: 2}},
		{"cancel closes", req, State{Status: StatusNew}, Event{Action: ActCancel}, State{Status: StatusClosed, ClosedAt: t1}},
		{"cancel a pending request", req, State{Status: StatusPending, Assignees: 1},
			Event{Action: ActCancel}, State{Status: StatusClosed, Assignees: 1, ClosedAt: t1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Apply(tc.a, tc.in, tc.ev, t1)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v; want %+v", got, tc.want)
			}
		})
	}
}

func TestRefuseNeedsReason(t *testing.T) {
	in := State{Status: StatusSolved, Approval: ApprovalWaiting, SolvedAt: t0}
	for _, reason := range []string{"", "   ", "\n\t"} {
		got, err := Apply(req, in, Event{Action: ActRefuse, Reason: reason}, t1)
		if !errors.Is(err, ErrReason) {
			t.Errorf("reason %q: got %v; want ErrReason", reason, err)
		}
		if got != in {
			t.Errorf("reason %q: got state %+v; want it unchanged", reason, got)
		}
	}
}

func TestApplyRefuses(t *testing.T) {
	tests := []struct {
		name string
		a    Actor
		in   State
		ev   Event
		want error
	}{
		{"approve an unsolved ticket", req, State{Status: StatusAssigned}, Event{Action: ActApprove}, ErrStatus},
		{"followup on a closed ticket", req, State{Status: StatusClosed}, Event{Action: ActFollowup, ByRequester: true}, ErrStatus},
		{"solve a closed ticket", tech, State{Status: StatusClosed}, Event{Action: ActSolve}, ErrStatus},
		{"cancel a solved ticket", req, State{Status: StatusSolved}, Event{Action: ActCancel}, ErrStatus},
		{"requester solves", req, State{Status: StatusAssigned}, Event{Action: ActSolve}, ErrForbidden},
		{"technician approves", tech, State{Status: StatusSolved}, Event{Action: ActApprove}, ErrForbidden},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Apply(tc.a, tc.in, tc.ev, t1)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v; want %v", err, tc.want)
			}
			if got != tc.in {
				t.Errorf("got state %+v; want it unchanged", got)
			}
		})
	}
}

func TestAutoClose(t *testing.T) {
	day := 24 * time.Hour
	solved := State{Status: StatusSolved, Approval: ApprovalWaiting, Assignees: 1, SolvedAt: t0}
	tests := []struct {
		name  string
		in    State
		now   time.Time
		delay time.Duration
		want  bool
	}{
		{"before the delay", solved, t0.Add(2*day - time.Second), 2 * day, false},
		{"at the delay", solved, t0.Add(2 * day), 2 * day, true},
		{"after the delay", solved, t0.Add(30 * day), 2 * day, true},
		{"zero delay closes at once", solved, t0, 0, true},
		{"never", solved, t0.Add(3650 * day), NeverAutoClose, false},
		{"not solved", State{Status: StatusPending, SolvedAt: t0}, t0.Add(30 * day), day, false},
		{"already closed", State{Status: StatusClosed, SolvedAt: t0}, t0.Add(30 * day), day, false},
		{"solved without a date", State{Status: StatusSolved}, t0.Add(30 * day), day, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, closed := AutoClose(tc.in, tc.now, tc.delay)
			if closed != tc.want {
				t.Fatalf("got closed %v; want %v", closed, tc.want)
			}
			if !closed {
				if got != tc.in {
					t.Errorf("got %+v; want it unchanged", got)
				}
				return
			}
			if got.Status != StatusClosed || got.Approval != ApprovalAccepted || !got.ClosedAt.Equal(tc.now) {
				t.Errorf("got %+v; want closed, accepted, at %v", got, tc.now)
			}
		})
	}
}

// TestJourney walks the journey through the rules alone.
func TestJourney(t *testing.T) {
	s := State{Status: StatusNew}
	steps := []struct {
		a    Actor
		ev   Event
		want Status
	}{
		{req, Event{Action: ActFollowup, ByRequester: true}, StatusNew},
		{Actor{RoleTechnician, 0}, Event{Action: ActTake, Assignees: 1}, StatusAssigned},
		{tech, Event{Action: ActTask}, StatusAssigned},
		{tech, Event{Action: ActPending}, StatusPending},
		{req, Event{Action: ActFollowup, ByRequester: true}, StatusAssigned},
		{tech, Event{Action: ActSolve}, StatusSolved},
		{req, Event{Action: ActRefuse, Reason: "the printer still jams"}, StatusAssigned},
		{tech, Event{Action: ActSolve}, StatusSolved},
		{req, Event{Action: ActApprove}, StatusClosed},
	}
	for i, st := range steps {
		var err error
		if s, err = Apply(st.a, s, st.ev, t1); err != nil {
			t.Fatalf("step %d %s: %v", i, st.ev.Action, err)
		}
		if s.Status != st.want {
			t.Fatalf("step %d %s: got %s; want %s", i, st.ev.Action, s.Status, st.want)
		}
	}
}

func TestAutoAssign(t *testing.T) {
	got := AutoAssign(State{Status: StatusNew}, 1, t1)
	if want := (State{Status: StatusAssigned, Assignees: 1, TakenAt: t1}); got != want {
		t.Errorf("got %+v; want %+v", got, want)
	}
}
