package helpdesk

import (
	"errors"
	"fmt"
)

// Action is something a user does to a ticket.
type Action string

// The actions on a ticket.
const (
	ActView            Action = "view"             // read the ticket and its public followups
	ActViewPrivate     Action = "view_private"     // read private followups and tasks
	ActFollowup        Action = "followup"         // add a public followup
	ActPrivateFollowup Action = "private_followup" // add a followup only staff read
	ActDocument        Action = "document"         // attach a document
	ActEdit            Action = "edit"             // change title, urgency, impact, category, due date
	ActTake            Action = "take"             // assign oneself
	ActAssign          Action = "assign"           // add an assignee (user or group)
	ActUnassign        Action = "unassign"         // remove an assignee
	ActTask            Action = "task"             // add a task (planned or not)
	ActPending         Action = "pending"          // put the ticket on hold
	ActResume          Action = "resume"           // take a pending ticket back into processing
	ActSolve           Action = "solve"            // propose a solution
	ActApprove         Action = "approve"          // accept the solution: the ticket closes
	ActRefuse          Action = "refuse"           // refuse the solution, with a reason: it reopens
	ActCancel          Action = "cancel"           // the requester withdraws their request
	ActAutoClose       Action = "autoclose"        // the solved ticket's approval delay ran out
)

// ErrForbidden is returned when the actor may not do the action at all.
var ErrForbidden = errors.New("not allowed")

// ErrStatus is returned when the action does not fit the ticket's status
// (approving an unsolved ticket, adding a followup to a closed one).
var ErrStatus = errors.New("not possible in this status")

// ErrReason is returned when a refusal comes without a reason.
var ErrReason = errors.New("a refusal needs a reason")

// statusesFor lists the statuses in which an action may happen at all,
// whoever does it.
var statusesFor = map[Action][]Status{
	ActView:            Statuses,
	ActViewPrivate:     Statuses,
	ActFollowup:        {StatusNew, StatusAssigned, StatusPlanned, StatusPending, StatusSolved},
	ActPrivateFollowup: {StatusNew, StatusAssigned, StatusPlanned, StatusPending, StatusSolved},
	ActDocument:        {StatusNew, StatusAssigned, StatusPlanned, StatusPending, StatusSolved},
	ActEdit:            {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActTake:            {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActAssign:          {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActUnassign:        {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActTask:            {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActPending:         {StatusNew, StatusAssigned, StatusPlanned},
	ActResume:          {StatusPending},
	ActSolve:           {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActApprove:         {StatusSolved},
	ActRefuse:          {StatusSolved},
	ActCancel:          {StatusNew, StatusAssigned, StatusPlanned, StatusPending},
	ActAutoClose:       {StatusSolved},
}

// Check says whether a may do act on a ticket in status st: nil, or an
// error wrapping ErrForbidden or ErrStatus. Who may comes first, so a
// stranger learns nothing about a ticket's status.
func Check(a Actor, act Action, st Status) error {
	if !allowed(a, act) {
		return fmt.Errorf("%s: %w", act, ErrForbidden)
	}
	for _, s := range statusesFor[act] {
		if s == st {
			return nil
		}
	}
	return fmt.Errorf("%s on a %s ticket: %w", act, st, ErrStatus)
}

// Can reports whether Check allows the action (for showing buttons).
func Can(a Actor, act Action, st Status) bool { return Check(a, act, st) == nil }

// allowed is the role and relation half of Check.
func allowed(a Actor, act Action) bool {
	related := a.Rel.Has(RelRequester) || a.Rel.Has(RelObserver)
	requester := a.Rel.Has(RelRequester)
	switch act {
	case ActView:
		// Staff read the whole helpdesk. Others, observers included, follow
		// the tickets they (or a group of theirs) are an actor of, and
		// those they are asked to approve (observer mode).
		return a.Role.Staff() || (a.Role >= RoleSelfService &&
			(related || a.Rel.Has(RelAssignee) || a.Rel.Has(RelApprover)))
	case ActFollowup, ActDocument:
		// Observers only watch (and approve), except on their own requests.
		return a.Role.Staff() || (a.Role == RoleSelfService && (related || a.Rel.Has(RelAssignee))) ||
			(a.Role == RoleObserver && requester)
	case ActViewPrivate, ActPrivateFollowup, ActTake, ActTask, ActPending, ActResume, ActSolve, ActEdit:
		return a.Role.Staff()
	case ActAssign, ActUnassign:
		// Dispatching is the supervisors' job; a technician may hand over
		// a ticket they work on.
		return a.Role >= RoleSupervisor || (a.Role.Staff() && a.Rel.Has(RelAssignee))
	case ActApprove, ActRefuse, ActCancel:
		// Only the person who asked decides whether it is solved.
		return a.Role >= RoleSelfService && requester
	case ActAutoClose:
		return false // the scheduler's, not a person's: see AutoClose
	}
	return false
}
