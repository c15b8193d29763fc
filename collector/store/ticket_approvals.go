package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
)

// ApprovalTarget is who is asked to approve a ticket: a user, or a group
// whose members are each asked (the group is expanded when asked, so a
// member who joins later is not asked). Exactly one field is non-zero.
type ApprovalTarget struct{ UserID, GroupID int64 }

// ApprovalRequest asks Targets to approve TicketID. MinPercent (0, 50 or
// 100) becomes the ticket's rule for every approval it has.
type ApprovalRequest struct {
	TicketID, RequestedBy int64 // RequestedBy 0: the system (a form)
	Targets               []ApprovalTarget
	MinPercent            int
	Comment               string
	At                    time.Time // zero: now
}

// TicketApproval is one user's approval of a ticket. Status is a
// helpdesk.Approval code: 2 waiting, 3 accepted, 4 refused.
type TicketApproval struct {
	ID             int64
	TicketID       int64
	ApproverID     int64
	GroupID        int64 // the group asked through, 0 if asked by name
	RequestedBy    int64
	RequestedAt    time.Time
	RequestComment string
	Status         int
	AnsweredAt     time.Time
	AnswerComment  string
	// Filled on read: display names ("" once a user or group is gone).
	Approver, Group, Requester string
}

// ApprovalState is a ticket's approval rule and its global state (a
// helpdesk.Approval code, 1 when nobody was asked).
type ApprovalState struct {
	MinPercent int
	Global     int
}

// ApprovalToGive is a ticket waiting for one user's answer.
type ApprovalToGive struct {
	Approval     TicketApproval
	Title        string
	TicketStatus int
}

// ApprovalQueries store ticket approvals (GLPI's ticket validations) and
// keep each ticket's global state (helpdesk.GlobalApproval) in step with
// the answers. Call Request and Answer inside WithTx, with the ticket
// history and the notification (package approval does all three). Who may
// ask is the caller's check (helpdesk.CanRequestApproval); who may answer
// is checked here, against the stored row.
type ApprovalQueries struct{ q *queries }

// queriesHolder is what Store and the Queries of WithTx have in common:
// they are, or embed, the package's queries.
type queriesHolder interface{ base() *queries }

func (q *queries) base() *queries { return q }

// Approvals returns the approval queries of a Store, or of the Queries a
// WithTx function receives.
func Approvals(x any) (*ApprovalQueries, error) {
	h, ok := x.(queriesHolder)
	if !ok {
		return nil, fmt.Errorf("store %T has no approval queries", x)
	}
	return &ApprovalQueries{q: h.base()}, nil
}

// Request asks every target to approve the ticket, sets the ticket's
// minimum percentage and recomputes its global state. A group is
// expanded to its enabled members; users already waiting to answer about
// this ticket are not asked twice. It returns the users newly asked, in
// the order asked; ErrConflict when every one was already waiting,
// ErrNotFound when the ticket, a user or a group does not exist. Errors
// name the field at fault.
func (a *ApprovalQueries) Request(ctx context.Context, req ApprovalRequest) ([]int64, error) {
	if err := helpdesk.CheckMinPercent(req.MinPercent); err != nil {
		return nil, err
	}
	if len(req.Targets) == 0 {
		return nil, errors.New("approvers: choose at least one user or group")
	}
	q := a.q
	var one int
	if err := q.queryRow(ctx, "SELECT 1 FROM tickets WHERE id = ?", req.TicketID).Scan(&one); err != nil {
		return nil, notFound(err, fmt.Sprintf("request approval of ticket %d", req.TicketID))
	}
	type asked struct{ user, group int64 }
	var want []asked
	seen := map[int64]bool{}
	add := func(user, group int64) {
		if !seen[user] {
			seen[user] = true
			want = append(want, asked{user, group})
		}
	}
	for _, t := range req.Targets {
		switch {
		case (t.UserID == 0) == (t.GroupID == 0):
			return nil, errors.New("approvers: each target is one user or one group")
		case t.UserID != 0:
			u, err := q.GetUser(ctx, t.UserID)
			if err != nil {
				return nil, fmt.Errorf("approver_user: %w (%w)", ErrNoApprover, err)
			}
			if u.Disabled {
				return nil, fmt.Errorf("approver_user: %s is disabled: %w", u.Login, ErrNoApprover)
			}
			add(u.ID, 0)
		default:
			var name string
			if err := q.queryRow(ctx, "SELECT name FROM user_groups WHERE id = ?", t.GroupID).Scan(&name); err != nil {
				return nil, fmt.Errorf("%w: %w", ErrNoApprover, notFound(err, fmt.Sprintf("approver_group %d", t.GroupID)))
			}
			members, err := q.GroupMembers(ctx, t.GroupID)
			if err != nil {
				return nil, fmt.Errorf("approver_group: %w", err)
			}
			n := 0
			for _, m := range members {
				if !m.Disabled {
					add(m.ID, t.GroupID)
					n++
				}
			}
			if n == 0 {
				return nil, fmt.Errorf("approver_group: group %q has no enabled member: %w", name, ErrNoApprover)
			}
		}
	}
	at := req.At
	if at.IsZero() {
		at = time.Now().UTC()
	}
	var ids []int64
	for _, w := range want {
		var n int
		err := q.queryRow(ctx, "SELECT COUNT(*) FROM ticket_approvals WHERE ticket_id = ? AND approver_id = ? AND status = ?",
			req.TicketID, w.user, int(helpdesk.ApprovalWaiting)).Scan(&n)
		if err != nil {
			return nil, fmt.Errorf("request approval of ticket %d: %w", req.TicketID, err)
		}
		if n > 0 {
			continue
		}
		_, err = q.exec(ctx, `INSERT INTO ticket_approvals (ticket_id, approver_id, group_id, requested_by, requested_at,
			request_comment, status) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			req.TicketID, w.user, nullID(w.group), nullID(req.RequestedBy), ms(at), req.Comment, int(helpdesk.ApprovalWaiting))
		if err != nil {
			return nil, q.conflict(err, fmt.Sprintf("request approval of ticket %d", req.TicketID))
		}
		ids = append(ids, w.user)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("approvers: every user asked already has to answer: %w", ErrConflict)
	}
	if _, err := q.exec(ctx, "UPDATE tickets SET validation_percent = ? WHERE id = ?", req.MinPercent, req.TicketID); err != nil {
		return nil, fmt.Errorf("request approval of ticket %d: %w", req.TicketID, err)
	}
	if err := a.recompute(ctx, req.TicketID); err != nil {
		return nil, err
	}
	return ids, nil
}

// Answer records userID's answer to approval approvalID of ticketID and
// recomputes the ticket's global state. ErrNotFound when no such approval
// is on that ticket; helpdesk.ErrNotApprover, ErrAlreadyAnswered or
// ErrRefusalComment when the rules forbid the answer.
func (a *ApprovalQueries) Answer(ctx context.Context, ticketID, approvalID, userID int64, accept bool, comment string) error {
	q := a.q
	var approver int64
	var status int
	err := q.queryRow(ctx, "SELECT approver_id, status FROM ticket_approvals WHERE id = ? AND ticket_id = ?",
		approvalID, ticketID).Scan(&approver, &status)
	if err != nil {
		return notFound(err, fmt.Sprintf("approval %d of ticket %d", approvalID, ticketID))
	}
	comment = strings.TrimSpace(comment)
	if err := helpdesk.CheckApprovalAnswer(approver, userID, helpdesk.Approval(status), accept, comment); err != nil {
		return err
	}
	to := helpdesk.ApprovalRefused
	if accept {
		to = helpdesk.ApprovalAccepted
	}
	// The status condition makes a concurrent second answer lose.
	res, err := q.exec(ctx, `UPDATE ticket_approvals SET status = ?, answered_at = ?, answer_comment = ?
		WHERE id = ? AND status = ?`, int(to), ms(time.Now().UTC()), comment, approvalID, int(helpdesk.ApprovalWaiting))
	if err != nil {
		return fmt.Errorf("answer approval %d: %w", approvalID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return fmt.Errorf("answer approval %d: %w", approvalID, err)
		}
		return helpdesk.ErrAlreadyAnswered
	}
	return a.recompute(ctx, ticketID)
}

// recompute stores the ticket's global state from its approvals.
func (a *ApprovalQueries) recompute(ctx context.Context, ticketID int64) error {
	q := a.q
	var percent int
	if err := q.queryRow(ctx, "SELECT validation_percent FROM tickets WHERE id = ?", ticketID).Scan(&percent); err != nil {
		return notFound(err, fmt.Sprintf("approval state of ticket %d", ticketID))
	}
	rows, err := q.query(ctx, "SELECT status FROM ticket_approvals WHERE ticket_id = ?", ticketID)
	if err != nil {
		return fmt.Errorf("approval state of ticket %d: %w", ticketID, err)
	}
	var answers []helpdesk.Approval
	err = scanEach(rows, func(s scanner) error {
		var st int
		err := s.Scan(&st)
		answers = append(answers, helpdesk.Approval(st))
		return err
	})
	if err != nil {
		return fmt.Errorf("approval state of ticket %d: %w", ticketID, err)
	}
	global := helpdesk.GlobalApproval(percent, answers)
	if _, err := q.exec(ctx, "UPDATE tickets SET global_validation = ? WHERE id = ?", int(global), ticketID); err != nil {
		return fmt.Errorf("approval state of ticket %d: %w", ticketID, err)
	}
	return nil
}

// State returns the ticket's approval rule and global state.
func (a *ApprovalQueries) State(ctx context.Context, ticketID int64) (ApprovalState, error) {
	var s ApprovalState
	err := a.q.queryRow(ctx, "SELECT validation_percent, global_validation FROM tickets WHERE id = ?", ticketID).
		Scan(&s.MinPercent, &s.Global)
	if err != nil {
		return s, notFound(err, fmt.Sprintf("approval state of ticket %d", ticketID))
	}
	return s, nil
}

const approvalColumns = `a.id, a.ticket_id, a.approver_id, a.group_id, a.requested_by, a.requested_at, a.request_comment,
	a.status, a.answered_at, a.answer_comment, COALESCE(NULLIF(u.name, ''), u.login, ''), COALESCE(g.name, ''),
	COALESCE(NULLIF(r.name, ''), r.login, '')`

const approvalJoins = ` FROM ticket_approvals a LEFT JOIN users u ON u.id = a.approver_id
	LEFT JOIN user_groups g ON g.id = a.group_id LEFT JOIN users r ON r.id = a.requested_by`

func scanApproval(s scanner, extra ...any) (TicketApproval, error) {
	var x TicketApproval
	var group, by, requested, answered sql.NullInt64
	dest := []any{&x.ID, &x.TicketID, &x.ApproverID, &group, &by, &requested, &x.RequestComment,
		&x.Status, &answered, &x.AnswerComment, &x.Approver, &x.Group, &x.Requester}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return x, err
	}
	x.GroupID, x.RequestedBy = group.Int64, by.Int64
	x.RequestedAt, x.AnsweredAt = fromMS(requested), fromMS(answered)
	return x, nil
}

// ForTicket lists the ticket's approvals in the order asked.
func (a *ApprovalQueries) ForTicket(ctx context.Context, ticketID int64) ([]TicketApproval, error) {
	rows, err := a.q.query(ctx, "SELECT "+approvalColumns+approvalJoins+" WHERE a.ticket_id = ? ORDER BY a.id", ticketID)
	if err != nil {
		return nil, fmt.Errorf("approvals of ticket %d: %w", ticketID, err)
	}
	var out []TicketApproval
	err = scanEach(rows, func(s scanner) error {
		x, err := scanApproval(s)
		out = append(out, x)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("approvals of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

// waitingLimit bounds the "to validate" list: nobody has more to answer,
// and a page must stay small.
const waitingLimit = 500

// WaitingFor lists the approvals userID has still to give, the oldest
// request first, with each ticket's title and status.
func (a *ApprovalQueries) WaitingFor(ctx context.Context, userID int64) ([]ApprovalToGive, error) {
	rows, err := a.q.query(ctx, "SELECT "+approvalColumns+", t.title, t.status"+approvalJoins+
		` JOIN tickets t ON t.id = a.ticket_id WHERE a.approver_id = ? AND a.status = ?
		ORDER BY a.requested_at, a.id LIMIT ?`, userID, int(helpdesk.ApprovalWaiting), waitingLimit)
	if err != nil {
		return nil, fmt.Errorf("approvals waiting for user %d: %w", userID, err)
	}
	var out []ApprovalToGive
	err = scanEach(rows, func(s scanner) error {
		var g ApprovalToGive
		x, err := scanApproval(s, &g.Title, &g.TicketStatus)
		g.Approval = x
		out = append(out, g)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("approvals waiting for user %d: %w", userID, err)
	}
	return out, nil
}

// CountWaitingFor counts the approvals userID has still to give (the
// home page's counter).
func (a *ApprovalQueries) CountWaitingFor(ctx context.Context, userID int64) (int, error) {
	var n int
	err := a.q.queryRow(ctx, "SELECT COUNT(*) FROM ticket_approvals WHERE approver_id = ? AND status = ?",
		userID, int(helpdesk.ApprovalWaiting)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("approvals waiting for user %d: %w", userID, err)
	}
	return n, nil
}

// IsApprover reports whether userID was ever asked to approve the ticket
// (such a user may read it, and answer while waiting).
func (a *ApprovalQueries) IsApprover(ctx context.Context, ticketID, userID int64) (bool, error) {
	var n int
	err := a.q.queryRow(ctx, "SELECT COUNT(*) FROM ticket_approvals WHERE ticket_id = ? AND approver_id = ?",
		ticketID, userID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("approvers of ticket %d: %w", ticketID, err)
	}
	return n > 0, nil
}
