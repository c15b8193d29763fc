package store

import "time"

// Ticket actor kinds, with GLPI's codes.
const (
	ActorRequester = 1
	ActorAssignee  = 2
	ActorObserver  = 3
)

// CountToValidate is the CountTickets key of solved tickets whose solution
// waits for the requester's approval.
const CountToValidate = 0

// Group is a team of users.
type Group struct {
	ID      int64
	Name    string
	Comment string
	// NotAssignable groups (a department that only requests) are not
	// offered as assignees; the zero value is an assignable group.
	NotAssignable bool
	CreatedAt     time.Time
}

// Category is an ITIL category, a node of a tree.
type Category struct {
	ID       int64
	ParentID int64
	Name     string
	GroupID  int64  // group assigned to new tickets of this category, 0 if none
	Inactive bool   // no longer offered for new tickets, kept on old ones
	Path     string // "Parent > Child", filled by ListCategories and GetCategory
	Depth    int    // 0 for a root, filled by ListCategories
}

// Ticket is a helpdesk ticket. Status, Type and Approval hold GLPI's codes
// (see package helpdesk).
type Ticket struct {
	ID         int64
	Title      string
	Content    string
	Type       int
	Status     int
	Urgency    int
	Impact     int
	Priority   int
	CategoryID int64
	Approval   int // of the latest solution: 1 none, 2 waiting, 3 accepted, 4 refused
	// Validation is the global state of the ticket's approvals (see
	// ApprovalQueries), read only: 1 none asked, 2 waiting, 3 accepted,
	// 4 refused.
	Validation int
	CreatedBy  int64
	OpenedAt   time.Time
	TakenAt    time.Time
	SolvedAt   time.Time
	ClosedAt   time.Time
	DueAt      time.Time
	UpdatedAt  time.Time
	// Filled by ListTickets and GetTicket.
	CategoryPath string
	// Filled by ListTickets: the first requester's and assignee's names.
	Requester, Assignee string
}

// TicketActor is a requester, observer or assignee of a ticket: a user
// or a group.
type TicketActor struct {
	ID       int64
	TicketID int64
	Kind     int // ActorRequester, ActorAssignee or ActorObserver
	UserID   int64
	GroupID  int64
	Name     string // the user's name (else login) or the group's name
	Login    string // the user's login, "" for a group
}

// Relations are the actor kinds a user is on one ticket.
type Relations struct {
	Requester, Observer, Assignee bool
	// Approver: the user was asked to approve the ticket (ticket_approvals).
	Approver bool
}

// Followup is a message on a ticket.
type Followup struct {
	ID        int64
	TicketID  int64
	UserID    int64
	Content   string
	Private   bool
	CreatedAt time.Time
	Author    string // filled on read
}

// Task states, with GLPI's codes.
const (
	TaskInfo = 0
	TaskToDo = 1
	TaskDone = 2
)

// Task is a piece of work on a ticket, with its duration and planning.
type Task struct {
	ID           int64
	TicketID     int64
	UserID       int64
	Content      string
	Duration     time.Duration // stored in seconds
	PlannedStart time.Time
	PlannedEnd   time.Time
	State        int
	Private      bool
	CreatedAt    time.Time
	Author       string // filled on read
}

// Solution is a proposed answer to a ticket and its approval.
type Solution struct {
	ID              int64
	TicketID        int64
	UserID          int64
	Type            string // a solution type key, e.g. "fixed"
	Content         string
	Status          int // approval: 2 waiting, 3 accepted, 4 refused
	ApproverID      int64
	ApprovalComment string
	ApprovedAt      time.Time
	CreatedAt       time.Time
	Author          string // filled on read
}

// Document is a file attached to a ticket.
type Document struct {
	ID         int64
	TicketID   int64
	FollowupID int64
	UserID     int64
	Filename   string
	MIME       string
	Size       int64
	SHA256     string
	Content    []byte // only from GetDocument
	CreatedAt  time.Time
	Author     string // filled on read
}

// TicketHistoryEntry is one change of a ticket: who, what, from, to, when.
type TicketHistoryEntry struct {
	ID       int64
	TicketID int64
	Actor    string
	Field    string
	OldValue string
	NewValue string
	At       time.Time
}

// SavedSearch is a user's named queue search: the queue's URL query,
// parsed and checked again whenever it is used.
type SavedSearch struct {
	ID        int64
	UserID    int64
	Owner     string // the owner's login, filled on read
	Name      string
	Query     string
	Shared    bool // listed to every technician
	CreatedAt time.Time
}

// Account is what an administrator changes of a user: role, whether the
// account is disabled, and where the person works (0: unknown).
type Account struct {
	UserID     int64
	Role       string
	Disabled   bool
	LocationID int64
}
