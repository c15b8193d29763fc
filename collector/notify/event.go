package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
)

// Kind is what happened to a ticket.
type Kind string

// The events that send mail.
const (
	Created         Kind = "created"
	Followup        Kind = "followup"
	Assigned        Kind = "assigned"
	StatusChanged   Kind = "status"
	Solved          Kind = "solved"
	ApprovalRequest Kind = "approval_request"
	ApprovalAnswer  Kind = "approval_answer"
	// SLAWarning: a deadline (SLA "tto" or "ttr") comes soon; for the
	// assignees only.
	SLAWarning Kind = "sla_warning"
)

// Job kinds this package handles.
const (
	// JobEvent turns one Event into one JobMail per recipient.
	JobEvent = "notify.event"
	// JobMail sends one message over SMTP.
	JobMail = "mail"
	// JobPoll reads the IMAP mailbox once.
	JobPoll = "mail.poll"
)

// Event is one thing that happened to a ticket, as the queue keeps it.
type Event struct {
	Kind     Kind  `json:"kind"`
	TicketID int64 `json:"ticket_id"`
	// AuthorID is the user who did it (0 for the system); they are not
	// told about their own action.
	AuthorID int64 `json:"author_id,omitempty"`
	// Private marks a followup only staff may read.
	Private bool `json:"private,omitempty"`
	// Text is the followup, the solution, or an approval's comment.
	Text string `json:"text,omitempty"`
	// OldStatus and NewStatus are helpdesk status codes (StatusChanged).
	OldStatus int `json:"old_status,omitempty"`
	NewStatus int `json:"new_status,omitempty"`
	// Approvers are the users asked to approve (ApprovalRequest).
	Approvers []int64 `json:"approvers,omitempty"`
	// Accepted is an approval's answer (ApprovalAnswer).
	Accepted bool      `json:"accepted,omitempty"`
	At       time.Time `json:"at"`

	// SLA and Due are the warned deadline's kind ("tto", "ttr") and time
	// (SLAWarning); its Approvers are the supervisors warned instead when
	// the ticket has no assignee.
	SLA string    `json:"sla,omitempty"`
	Due time.Time `json:"due,omitempty"`
}

// eventAttempts bounds the tries of an event: it only reads the database
// and enqueues mail, so it fails only when the database does.
const eventAttempts = 5

// Record queues ev. Pass the Queries of the transaction that changed the
// ticket, so the event exists if and only if the change does; the mail
// goes later, from the worker, and never delays the caller.
func Record(ctx context.Context, q any, ev Event) error {
	if ev.TicketID <= 0 {
		return fmt.Errorf("notify %s: no ticket", ev.Kind)
	}
	if !ev.Kind.valid() {
		return fmt.Errorf("notify: unknown event %q", ev.Kind)
	}
	if ev.At.IsZero() {
		ev.At = time.Now().UTC()
	}
	jq, err := store.Jobs(q)
	if err != nil {
		return err
	}
	if _, err := jobs.Enqueue(ctx, jq, JobEvent, ev, time.Time{}, eventAttempts); err != nil {
		return fmt.Errorf("notify %s of ticket %d: %w", ev.Kind, ev.TicketID, err)
	}
	return nil
}

// RecordApprovalRequest tells approvers they are asked to approve a
// ticket; the approvals code calls it in its transaction.
func RecordApprovalRequest(ctx context.Context, q any, ticketID, requestedBy int64, approvers []int64, comment string) error {
	return Record(ctx, q, Event{Kind: ApprovalRequest, TicketID: ticketID, AuthorID: requestedBy, Approvers: approvers, Text: comment})
}

// RecordApprovalAnswer tells the ticket's people an approver's answer.
func RecordApprovalAnswer(ctx context.Context, q any, ticketID, approver int64, accepted bool, comment string) error {
	return Record(ctx, q, Event{Kind: ApprovalAnswer, TicketID: ticketID, AuthorID: approver, Accepted: accepted, Text: comment})
}

func (k Kind) valid() bool {
	switch k {
	case Created, Followup, Assigned, StatusChanged, Solved, ApprovalRequest, ApprovalAnswer, SLAWarning:
		return true
	}
	return false
}
