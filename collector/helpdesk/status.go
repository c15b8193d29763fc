package helpdesk

import "fmt"

// Status is a ticket's status, with GLPI's codes.
type Status int

// The statuses of a ticket. New, Assigned and Planned are "processing";
// Pending waits for someone (often the requester); Solved waits for the
// requester's approval; Closed is final.
const (
	StatusNew      Status = 1
	StatusAssigned Status = 2
	StatusPlanned  Status = 3
	StatusPending  Status = 4
	StatusSolved   Status = 5
	StatusClosed   Status = 6
)

// Statuses lists every status in code order.
var Statuses = []Status{StatusNew, StatusAssigned, StatusPlanned, StatusPending, StatusSolved, StatusClosed}

var statusNames = map[Status]string{
	StatusNew: "new", StatusAssigned: "assigned", StatusPlanned: "planned",
	StatusPending: "pending", StatusSolved: "solved", StatusClosed: "closed",
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { _, ok := statusNames[s]; return ok }

// String is the status's name ("new"...), used in i18n keys and URLs.
func (s Status) String() string {
	if n, ok := statusNames[s]; ok {
		return n
	}
	return fmt.Sprintf("status(%d)", int(s))
}

// Open reports whether the ticket still needs work: not solved or closed.
func (s Status) Open() bool { return s.Valid() && s < StatusSolved }

// ParseStatus reads a status name or code ("pending" or "4").
func ParseStatus(v string) (Status, error) {
	for s, n := range statusNames {
		if v == n || v == fmt.Sprint(int(s)) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("unknown ticket status %q", v)
}

// Type is a ticket's type, with GLPI's codes.
type Type int

// The types of a ticket: something broken, or something asked for.
const (
	TypeIncident Type = 1
	TypeRequest  Type = 2
)

// Types lists every type.
var Types = []Type{TypeIncident, TypeRequest}

// Valid reports whether t is one of Types.
func (t Type) Valid() bool { return t == TypeIncident || t == TypeRequest }

// String is the type's name ("incident" or "request").
func (t Type) String() string {
	switch t {
	case TypeIncident:
		return "incident"
	case TypeRequest:
		return "request"
	}
	return fmt.Sprintf("type(%d)", int(t))
}

// Approval is the state of an approval, with GLPI's codes: of a solution
// by its requester ("to validate" in the self-service counters means a
// solved ticket whose solution is ApprovalWaiting), and of a ticket by the
// users asked to approve it (see GlobalApproval).
type Approval int

// The approval states of a solution (GLPI has 1 "none" for tickets that
// need no approval; every Parc solution asks the requester).
const (
	ApprovalNone     Approval = 1
	ApprovalWaiting  Approval = 2
	ApprovalAccepted Approval = 3
	ApprovalRefused  Approval = 4
)

// String is the approval's name ("waiting"...).
func (a Approval) String() string {
	switch a {
	case ApprovalNone:
		return "none"
	case ApprovalWaiting:
		return "waiting"
	case ApprovalAccepted:
		return "accepted"
	case ApprovalRefused:
		return "refused"
	}
	return fmt.Sprintf("approval(%d)", int(a))
}
