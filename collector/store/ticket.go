package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

const ticketColumns = `t.id, t.title, t.content, t.type, t.status, t.urgency, t.impact, t.priority, t.category_id,
	t.approval, t.created_by, t.opened_at, t.taken_at, t.solved_at, t.closed_at, t.due_at, t.updated_at, t.global_validation`

// ticketSearchText is the lower-case text ListTickets' Query matches.
func ticketSearchText(t *Ticket) string {
	return strings.ToLower(t.Title + " " + t.Content)
}

func scanTicket(s scanner, extra ...any) (*Ticket, error) {
	var t Ticket
	var cat, by, opened, taken, solved, closed, due, updated sql.NullInt64
	dest := []any{&t.ID, &t.Title, &t.Content, &t.Type, &t.Status, &t.Urgency, &t.Impact, &t.Priority, &cat,
		&t.Approval, &by, &opened, &taken, &solved, &closed, &due, &updated, &t.Validation}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	t.CategoryID, t.CreatedBy = cat.Int64, by.Int64
	t.OpenedAt, t.TakenAt, t.SolvedAt = fromMS(opened), fromMS(taken), fromMS(solved)
	t.ClosedAt, t.DueAt, t.UpdatedAt = fromMS(closed), fromMS(due), fromMS(updated)
	return &t, nil
}

func (q *queries) CreateTicket(ctx context.Context, t *Ticket) error {
	now := time.Now().UTC()
	if t.OpenedAt.IsZero() {
		t.OpenedAt = now
	}
	if t.UpdatedAt.IsZero() {
		t.UpdatedAt = t.OpenedAt
	}
	if t.Approval == 0 {
		t.Approval = 1
	}
	slaRow, err := q.slaOnCreate(ctx, t)
	if err != nil {
		return fmt.Errorf("create ticket: %w", err)
	}
	err = q.writeRow(ctx, `INSERT INTO tickets (title, content, type, status, urgency, impact, priority, category_id,
		approval, created_by, search_text, opened_at, taken_at, solved_at, closed_at, due_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		t.Title, t.Content, t.Type, t.Status, t.Urgency, t.Impact, t.Priority, nullID(t.CategoryID),
		t.Approval, nullID(t.CreatedBy), ticketSearchText(t), ms(t.OpenedAt), ms(t.TakenAt), ms(t.SolvedAt),
		ms(t.ClosedAt), ms(t.DueAt), ms(t.UpdatedAt)).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("create ticket: %w", err)
	}
	if slaRow != nil {
		slaRow.TicketID = t.ID
		return q.writeTicketSLA(ctx, slaRow)
	}
	return nil
}

func (q *queries) GetTicket(ctx context.Context, id int64) (*Ticket, error) {
	t, err := scanTicket(q.queryRow(ctx, "SELECT "+ticketColumns+" FROM tickets t WHERE t.id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get ticket %d", id))
	}
	if t.CategoryID != 0 {
		c, err := q.GetCategory(ctx, t.CategoryID)
		if err != nil {
			return nil, fmt.Errorf("get ticket %d: %w", id, err)
		}
		t.CategoryPath = c.Path
	}
	return t, nil
}

func (q *queries) UpdateTicket(ctx context.Context, t *Ticket) error {
	if t.UpdatedAt.IsZero() {
		t.UpdatedAt = time.Now().UTC()
	}
	if err := q.slaOnUpdate(ctx, t); err != nil {
		return fmt.Errorf("update ticket %d: %w", t.ID, err)
	}
	res, err := q.exec(ctx, `UPDATE tickets SET title = ?, content = ?, type = ?, status = ?, urgency = ?, impact = ?,
		priority = ?, category_id = ?, approval = ?, search_text = ?, taken_at = ?, solved_at = ?, closed_at = ?,
		due_at = ?, updated_at = ? WHERE id = ?`,
		t.Title, t.Content, t.Type, t.Status, t.Urgency, t.Impact, t.Priority, nullID(t.CategoryID), t.Approval,
		ticketSearchText(t), ms(t.TakenAt), ms(t.SolvedAt), ms(t.ClosedAt), ms(t.DueAt), ms(t.UpdatedAt), t.ID)
	if err != nil {
		return fmt.Errorf("update ticket %d: %w", t.ID, err)
	}
	return mustAffect(res, fmt.Sprintf("update ticket %d", t.ID))
}

// UpdateTicketIf is UpdateTicket only while the stored status is still
// fromStatus; it reports whether it wrote. Jobs that several collectors
// run at once (closing solved tickets) use it so only one of them acts.
func (q *queries) UpdateTicketIf(ctx context.Context, t *Ticket, fromStatus int) (bool, error) {
	if t.UpdatedAt.IsZero() {
		t.UpdatedAt = time.Now().UTC()
	}
	res, err := q.exec(ctx, `UPDATE tickets SET status = ?, approval = ?, closed_at = ?, solved_at = ?, updated_at = ?
		WHERE id = ? AND status = ?`, t.Status, t.Approval, ms(t.ClosedAt), ms(t.SolvedAt), ms(t.UpdatedAt), t.ID, fromStatus)
	if err != nil {
		return false, fmt.Errorf("update ticket %d: %w", t.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("update ticket %d: %w", t.ID, err)
	}
	return n == 1, nil
}
