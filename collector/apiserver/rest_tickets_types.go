package apiserver

import (
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// PathTickets is the REST API's helpdesk tickets.
const PathTickets = "/api/v1/tickets"

// TicketJSON is a ticket. Status, type, urgency, impact, priority and
// approval keep GLPI's codes; status_name and type_name spell them.
type TicketJSON struct {
	ID         int64      `json:"id"`
	Title      string     `json:"title"`
	Content    string     `json:"content"`
	Type       int        `json:"type"`
	TypeName   string     `json:"type_name"`
	Status     int        `json:"status"`
	StatusName string     `json:"status_name"`
	Urgency    int        `json:"urgency"`
	Impact     int        `json:"impact"`
	Priority   int        `json:"priority"`
	CategoryID *int64     `json:"category_id"`
	Category   string     `json:"category"`
	Approval   int        `json:"approval"`
	Requester  string     `json:"requester"`
	Assignee   string     `json:"assignee"`
	OpenedAt   *time.Time `json:"opened_at"`
	TakenAt    *time.Time `json:"taken_at"`
	SolvedAt   *time.Time `json:"solved_at"`
	ClosedAt   *time.Time `json:"closed_at"`
	DueAt      *time.Time `json:"due_at"`
	UpdatedAt  *time.Time `json:"updated_at"`
}

// TicketListJSON is GET /api/v1/tickets: one page and the total.
type TicketListJSON struct {
	Total int          `json:"total"`
	Items []TicketJSON `json:"items"`
}

// TicketActorJSON is a requester, observer or assignee: a user or a group.
type TicketActorJSON struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"` // requester, observer or assignee
	UserID  *int64 `json:"user_id"`
	GroupID *int64 `json:"group_id"`
	Name    string `json:"name"`
}

// FollowupJSON is a followup; private ones only reach staff.
type FollowupJSON struct {
	ID        int64      `json:"id"`
	Author    string     `json:"author"`
	Content   string     `json:"content"`
	Private   bool       `json:"private"`
	CreatedAt *time.Time `json:"created_at"`
}

// TaskJSON is a task (staff only).
type TaskJSON struct {
	ID           int64      `json:"id"`
	Author       string     `json:"author"`
	Content      string     `json:"content"`
	DurationS    int64      `json:"duration_s"`
	PlannedStart *time.Time `json:"planned_start"`
	PlannedEnd   *time.Time `json:"planned_end"`
	State        int        `json:"state"`
	CreatedAt    *time.Time `json:"created_at"`
}

// SolutionJSON is a solution and its approval (2 waiting, 3 accepted, 4
// refused).
type SolutionJSON struct {
	ID              int64      `json:"id"`
	Author          string     `json:"author"`
	Type            string     `json:"type"`
	Content         string     `json:"content"`
	Status          int        `json:"status"`
	ApprovalComment string     `json:"approval_comment"`
	CreatedAt       *time.Time `json:"created_at"`
}

// TicketAssetJSON is an asset linked to a ticket.
type TicketAssetJSON struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
	Name string `json:"name"`
}

// TicketDetailJSON is GET /api/v1/tickets/{id}: the ticket with its
// actors, the followups the caller may read, tasks (staff), the latest
// solution (null before any) and the linked assets.
type TicketDetailJSON struct {
	Ticket    TicketJSON          `json:"ticket"`
	Actors    []TicketActorJSON   `json:"actors"`
	Followups []FollowupJSON      `json:"followups"`
	Tasks     []TaskJSON          `json:"tasks"`
	Solution  *SolutionJSON       `json:"solution"`
	Assets    []TicketAssetJSON   `json:"assets"`
	Approvals TicketApprovalsJSON `json:"approvals"`
}

// TicketInput is the body of POST /api/v1/tickets.
type TicketInput struct {
	Title      string  `json:"title"`
	Content    string  `json:"content"`
	Type       int     `json:"type"`
	Urgency    int     `json:"urgency"`
	Impact     int     `json:"impact"`
	CategoryID int64   `json:"category_id"`
	Assets     []int64 `json:"assets"`
}

// FollowupInput is the body of POST /api/v1/tickets/{id}/followups.
type FollowupInput struct {
	Content string `json:"content"`
	Private bool   `json:"private"`
}

// SolutionInput is the body of POST /api/v1/tickets/{id}/solution.
type SolutionInput struct {
	Type    string `json:"type"`
	Content string `json:"content"`
}

var actorKinds = map[int]string{store.ActorRequester: "requester", store.ActorObserver: "observer", store.ActorAssignee: "assignee"}

func ticketJSON(t *store.Ticket) TicketJSON {
	return TicketJSON{ID: t.ID, Title: t.Title, Content: t.Content, Type: t.Type, TypeName: helpdesk.Type(t.Type).String(),
		Status: t.Status, StatusName: helpdesk.Status(t.Status).String(), Urgency: t.Urgency, Impact: t.Impact,
		Priority: t.Priority, CategoryID: optID(t.CategoryID), Category: t.CategoryPath, Approval: t.Approval,
		Requester: t.Requester, Assignee: t.Assignee, OpenedAt: optTime(t.OpenedAt), TakenAt: optTime(t.TakenAt),
		SolvedAt: optTime(t.SolvedAt), ClosedAt: optTime(t.ClosedAt), DueAt: optTime(t.DueAt), UpdatedAt: optTime(t.UpdatedAt)}
}

func solutionJSON(s *store.Solution) *SolutionJSON {
	return &SolutionJSON{ID: s.ID, Author: s.Author, Type: s.Type, Content: s.Content, Status: s.Status,
		ApprovalComment: s.ApprovalComment, CreatedAt: optTime(s.CreatedAt)}
}
