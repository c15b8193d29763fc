package store

import (
	"context"
	"fmt"
	"time"
)

// TicketQueries are the helpdesk's data operations: tickets and what hangs
// on them (actors, followups, tasks, solutions, assets, documents,
// history), user groups, ITIL categories, the queue's saved searches and
// the accounts administrators manage for the helpdesk (role, disabled,
// location). The rules (which status
// follows which action, who may do what) are package helpdesk's; this is
// storage only. Every Store opened by Open implements them, and so do the
// Queries inside WithTx; use Tickets to get them.
type TicketQueries interface {
	CreateGroup(ctx context.Context, g *Group) error
	ListGroups(ctx context.Context) ([]Group, error)
	AddGroupMember(ctx context.Context, groupID, userID int64) error
	RemoveGroupMember(ctx context.Context, groupID, userID int64) error
	GroupMembers(ctx context.Context, groupID int64) ([]User, error)
	// UserGroupIDs lists the groups a user belongs to.
	UserGroupIDs(ctx context.Context, userID int64) ([]int64, error)

	// UpdateGroup writes a group's name, comment and assignable flag.
	UpdateGroup(ctx context.Context, g *Group) error
	DeleteGroup(ctx context.Context, id int64) error

	CreateCategory(ctx context.Context, c *Category) error
	// UpdateCategory writes every field of c but ID; the caller keeps the
	// tree a tree (no category under itself or its descendants).
	UpdateCategory(ctx context.Context, c *Category) error
	// DeleteCategory refuses (ErrConflict) a category with children.
	DeleteCategory(ctx context.Context, id int64) error
	GetCategory(ctx context.Context, id int64) (*Category, error)
	// ListCategories lists the tree depth first, children by name, with
	// each category's Path ("Hardware > Printer").
	ListCategories(ctx context.Context) ([]Category, error)

	CreateTicket(ctx context.Context, t *Ticket) error
	GetTicket(ctx context.Context, id int64) (*Ticket, error)
	// UpdateTicket writes every field of t but ID, OpenedAt and CreatedBy.
	UpdateTicket(ctx context.Context, t *Ticket) error
	// UpdateTicketIf writes t's status, approval and dates only while the
	// stored status is still fromStatus, and reports whether it wrote.
	UpdateTicketIf(ctx context.Context, t *Ticket, fromStatus int) (bool, error)
	ListTickets(ctx context.Context, f TicketFilter) (TicketPage, error)
	// CountTickets counts the tickets f selects by status, plus those
	// whose solution waits for approval (key CountToValidate).
	CountTickets(ctx context.Context, f TicketFilter) (map[int]int, error)

	// AddTicketActor adds a requester, observer or assignee; ErrConflict
	// when it is already there.
	AddTicketActor(ctx context.Context, a *TicketActor) error
	RemoveTicketActor(ctx context.Context, ticketID, actorID int64) error
	TicketActors(ctx context.Context, ticketID int64) ([]TicketActor, error)
	// TicketRelations says which actor kinds a user is on a ticket,
	// directly or through one of their groups.
	TicketRelations(ctx context.Context, ticketID, userID int64) (Relations, error)

	AddFollowup(ctx context.Context, f *Followup) error
	// Followups lists a ticket's followups, oldest first; private ones
	// only when withPrivate.
	Followups(ctx context.Context, ticketID int64, withPrivate bool) ([]Followup, error)
	AddTask(ctx context.Context, t *Task) error
	Tasks(ctx context.Context, ticketID int64) ([]Task, error)
	AddSolution(ctx context.Context, s *Solution) error
	// LatestSolution is the ticket's last solution, ErrNotFound if none.
	LatestSolution(ctx context.Context, ticketID int64) (*Solution, error)
	Solutions(ctx context.Context, ticketID int64) ([]Solution, error)
	// SetSolutionApproval records the requester's (or the scheduler's)
	// answer to a solution.
	SetSolutionApproval(ctx context.Context, id int64, status int, approverID int64, comment string, at time.Time) error

	LinkTicketAsset(ctx context.Context, ticketID, assetID int64) error
	UnlinkTicketAsset(ctx context.Context, ticketID, assetID int64) error
	TicketAssets(ctx context.Context, ticketID int64) ([]Asset, error)
	// UserDevices lists the computers a user owns or last logged on to
	// (last user equal to login, or DOMAIN\login), by name.
	UserDevices(ctx context.Context, userID int64, login string) ([]Asset, error)
	// SwitchPorts finds the switch ports where one of macs is connected.
	SwitchPorts(ctx context.Context, macs []string) ([]SwitchPort, error)

	// AddDocument stores an attachment with its content.
	AddDocument(ctx context.Context, d *Document) error
	// Documents lists a ticket's attachments without their content.
	Documents(ctx context.Context, ticketID int64) ([]Document, error)
	// GetDocument returns one attachment with its content.
	GetDocument(ctx context.Context, id int64) (*Document, error)

	// SaveSearch stores a named queue search; ErrConflict when the user
	// already has one of that name.
	SaveSearch(ctx context.Context, s *SavedSearch) error
	// SavedSearches lists the user's searches, then the others' shared
	// ones, by name.
	SavedSearches(ctx context.Context, userID int64) ([]SavedSearch, error)
	DeleteSavedSearch(ctx context.Context, id, userID int64) error

	// UpdateAccount sets a user's role, disabled flag and location (the
	// administrators' user list; logins and passwords are the users').
	UpdateAccount(ctx context.Context, a Account) error
	// UserLocations maps the users with a location to it.
	UserLocations(ctx context.Context) (map[int64]int64, error)

	AddTicketHistory(ctx context.Context, entries []TicketHistoryEntry) error
	// TicketHistory lists a ticket's history, oldest first.
	TicketHistory(ctx context.Context, ticketID int64) ([]TicketHistoryEntry, error)
}

// Tickets returns the ticket queries of a Store, or of the Queries a
// WithTx function receives.
func Tickets(x any) (TicketQueries, error) {
	t, ok := x.(TicketQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no ticket queries", x)
	}
	return t, nil
}
