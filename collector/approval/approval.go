// Package approval asks users to approve a ticket and records their
// answers, with everything that goes with it in the same transaction: the
// approval rows and the ticket's global state (store.ApprovalQueries),
// the ticket history and the notification mail (package notify).
//
// Web handlers and service-catalogue forms call Request and Answer with
// the Queries of their WithTx, so the approval, its history and its mail
// exist together or not at all:
//
//	err := st.WithTx(ctx, func(q store.Queries) error {
//		_, err := approval.Request(ctx, q, store.ApprovalRequest{TicketID: id,
//			RequestedBy: userID, MinPercent: 100, Comment: "...",
//			Targets: []store.ApprovalTarget{{UserID: managerID}}}, login)
//		return err
//	})
//
// Who may ask is the caller's check: helpdesk.CanRequestApproval for a
// person; a form asks on behalf of its author. Who may answer is checked
// by Answer.
package approval

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// History fields of the ticket history rows written here.
const (
	// FieldRequest is an approval request; the new value lists the
	// approvers' logins and the minimum percentage ("boss, ann (100%)").
	FieldRequest = "approval_request"
	// FieldAnswer is one approver's answer, a helpdesk.Approval code:
	// "3" accepted or "4" refused.
	FieldAnswer = "approval_answer"
	// FieldGlobal is the ticket's global approval state when it changes
	// (helpdesk.Approval codes).
	FieldGlobal = "approval_global"
)

// Request asks req.Targets to approve the ticket (see
// store.ApprovalQueries.Request), writes the history row and queues the
// mail to the approvers, all on q, the Queries of the caller's
// transaction. actor names who asked in the history (a login, or the
// form's name). It returns the users newly asked.
func Request(ctx context.Context, q any, req store.ApprovalRequest, actor string) ([]int64, error) {
	aq, err := store.Approvals(q)
	if err != nil {
		return nil, err
	}
	tq, err := store.Tickets(q)
	if err != nil {
		return nil, err
	}
	if req.At.IsZero() {
		req.At = time.Now().UTC()
	}
	before, err := aq.State(ctx, req.TicketID)
	if err != nil {
		return nil, err
	}
	ids, err := aq.Request(ctx, req)
	if err != nil {
		return nil, err
	}
	uq, ok := q.(store.UserQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no user queries", q)
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		u, err := uq.GetUser(ctx, id)
		if err != nil {
			return nil, err
		}
		parts[i] = u.Login
	}
	hist := []store.TicketHistoryEntry{{TicketID: req.TicketID, Actor: actor, Field: FieldRequest,
		NewValue: fmt.Sprintf("%s (%d%%)", strings.Join(parts, ", "), req.MinPercent), At: req.At}}
	hist, err = withGlobal(ctx, aq, hist, req.TicketID, actor, before, req.At)
	if err != nil {
		return nil, err
	}
	if err := tq.AddTicketHistory(ctx, hist); err != nil {
		return nil, err
	}
	if err := notify.RecordApprovalRequest(ctx, q, req.TicketID, req.RequestedBy, ids, req.Comment); err != nil {
		return nil, err
	}
	return ids, nil
}

// Answer records userID's answer to approval approvalID of ticketID (see
// store.ApprovalQueries.Answer for the rules and errors), writes the
// history and queues the mail to the ticket's people, on q.
func Answer(ctx context.Context, q any, ticketID, approvalID, userID int64, actor string, accept bool, comment string) error {
	aq, err := store.Approvals(q)
	if err != nil {
		return err
	}
	tq, err := store.Tickets(q)
	if err != nil {
		return err
	}
	before, err := aq.State(ctx, ticketID)
	if err != nil {
		return err
	}
	comment = strings.TrimSpace(comment)
	if err := aq.Answer(ctx, ticketID, approvalID, userID, accept, comment); err != nil {
		return err
	}
	now := time.Now().UTC()
	answer := helpdesk.ApprovalRefused
	if accept {
		answer = helpdesk.ApprovalAccepted
	}
	hist := []store.TicketHistoryEntry{{TicketID: ticketID, Actor: actor, Field: FieldAnswer,
		NewValue: strconv.Itoa(int(answer)), At: now}}
	hist, err = withGlobal(ctx, aq, hist, ticketID, actor, before, now)
	if err != nil {
		return err
	}
	if err := tq.AddTicketHistory(ctx, hist); err != nil {
		return err
	}
	return notify.RecordApprovalAnswer(ctx, q, ticketID, userID, accept, comment)
}

// withGlobal appends a history row when the ticket's global state moved.
func withGlobal(ctx context.Context, aq *store.ApprovalQueries, hist []store.TicketHistoryEntry, ticketID int64,
	actor string, before store.ApprovalState, at time.Time) ([]store.TicketHistoryEntry, error) {
	after, err := aq.State(ctx, ticketID)
	if err != nil {
		return nil, err
	}
	if after.Global != before.Global {
		hist = append(hist, store.TicketHistoryEntry{TicketID: ticketID, Actor: actor, Field: FieldGlobal,
			OldValue: strconv.Itoa(before.Global), NewValue: strconv.Itoa(after.Global), At: at})
	}
	return hist, nil
}
