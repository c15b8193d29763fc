package helpdesk

import (
	"fmt"
	"strings"
	"time"
)

// State is what the transition rules need to know of a ticket.
type State struct {
	Status   Status
	Approval Approval // of the latest solution; ApprovalNone before any
	// Assignees counts the users and groups assigned.
	Assignees int
	// PlannedTasks counts the tasks with a planned start that are not done.
	PlannedTasks int
	TakenAt      time.Time // first assignment
	SolvedAt     time.Time
	ClosedAt     time.Time
}

// Event is one action with what it carries.
type Event struct {
	Action Action
	// Assignees is the number of assignees after an assign, take or
	// unassign (the caller knows whether the user was already there).
	Assignees int
	// Planned says a new task has a planned start (it makes the ticket
	// planned).
	Planned bool
	// ByRequester says a followup comes from one of the requesters.
	ByRequester bool
	// Reason is a refusal's explanation, stored as a followup.
	Reason string
}

// Apply checks the actor may do the event's action on s, and returns the
// state after it. now stamps the dates the action sets.
func Apply(a Actor, s State, ev Event, now time.Time) (State, error) {
	if err := Check(a, ev.Action, s.Status); err != nil {
		return s, err
	}
	return transition(s, ev, now)
}

// transition is Apply without the permission check.
func transition(s State, ev Event, now time.Time) (State, error) {
	switch ev.Action {
	case ActTake, ActAssign:
		s.Assignees = max(ev.Assignees, 1)
		if s.TakenAt.IsZero() {
			s.TakenAt = now
		}
		if s.Status == StatusNew {
			s.Status = StatusAssigned
		}
	case ActUnassign:
		s.Assignees = max(ev.Assignees, 0)
		// Nobody left to work it: back in the queue, as GLPI does.
		if s.Assignees == 0 && (s.Status == StatusAssigned || s.Status == StatusPlanned) {
			s.Status = StatusNew
		}
	case ActTask:
		if ev.Planned {
			s.PlannedTasks++
			if s.Status == StatusNew || s.Status == StatusAssigned {
				s.Status = StatusPlanned
			}
		}
	case ActFollowup, ActDocument:
		// The requester answered what the ticket waited for.
		if ev.ByRequester && s.Status == StatusPending {
			s.Status = processing(s)
		}
	case ActPending:
		s.Status = StatusPending
	case ActResume:
		s.Status = processing(s)
	case ActSolve:
		s.Status, s.Approval, s.SolvedAt = StatusSolved, ApprovalWaiting, now
	case ActApprove:
		s.Status, s.Approval, s.ClosedAt = StatusClosed, ApprovalAccepted, now
	case ActRefuse:
		if strings.TrimSpace(ev.Reason) == "" {
			return s, fmt.Errorf("refuse: %w", ErrReason)
		}
		s.Approval, s.SolvedAt = ApprovalRefused, time.Time{}
		s.Status = processing(s)
	case ActCancel:
		s.Status, s.ClosedAt = StatusClosed, now
	case ActAutoClose:
		s.Status, s.Approval, s.ClosedAt = StatusClosed, ApprovalAccepted, now
	}
	return s, nil
}

// processing is the status of a ticket being worked on again: planned if
// it has planned tasks, assigned if someone has it, else new.
func processing(s State) Status {
	switch {
	case s.Assignees > 0 && s.PlannedTasks > 0:
		return StatusPlanned
	case s.Assignees > 0:
		return StatusAssigned
	}
	return StatusNew
}

// NeverAutoClose is the AutoClose delay that keeps solved tickets waiting
// for their requester forever.
const NeverAutoClose time.Duration = -1

// AutoClose closes a solved ticket whose requester neither approved nor
// refused the solution within delay (GLPI's "automatic closing of solved
// tickets after"; 0 closes at once, NeverAutoClose never). It reports
// whether the ticket closed.
func AutoClose(s State, now time.Time, delay time.Duration) (State, bool) {
	if s.Status != StatusSolved || delay < 0 || s.SolvedAt.IsZero() || now.Before(s.SolvedAt.Add(delay)) {
		return s, false
	}
	s, _ = transition(s, Event{Action: ActAutoClose}, now)
	return s, true
}

// AutoAssign applies an assignment the collector makes by itself, such as
// a category's default group on a new ticket: no person acts, so nothing
// is checked. assignees is the number of assignees after it.
func AutoAssign(s State, assignees int, now time.Time) State {
	s, _ = transition(s, Event{Action: ActAssign, Assignees: assignees}, now)
	return s
}
