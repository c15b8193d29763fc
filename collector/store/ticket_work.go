package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

var _ TicketQueries = (*queries)(nil)

// authorName is the name shown for the author of a followup, task or
// solution (x.user_id).
const authorName = "COALESCE(NULLIF(u.name, ''), u.login, '')"

func (q *queries) AddFollowup(ctx context.Context, f *Followup) error {
	if f.CreatedAt.IsZero() {
		f.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO ticket_followups (ticket_id, user_id, content, private, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, f.TicketID, nullID(f.UserID), f.Content, f.Private, ms(f.CreatedAt)).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("add followup to ticket %d: %w", f.TicketID, err)
	}
	return nil
}

func (q *queries) Followups(ctx context.Context, ticketID int64, withPrivate bool) ([]Followup, error) {
	query := `SELECT f.id, f.ticket_id, f.user_id, f.content, f.private, f.created_at, ` + authorName + `
		FROM ticket_followups f LEFT JOIN users u ON u.id = f.user_id WHERE f.ticket_id = ?`
	if !withPrivate {
		query += " AND NOT f.private"
	}
	rows, err := q.query(ctx, query+" ORDER BY f.id", ticketID)
	if err != nil {
		return nil, fmt.Errorf("followups of ticket %d: %w", ticketID, err)
	}
	var out []Followup
	err = scanEach(rows, func(s scanner) error {
		var f Followup
		var user, created sql.NullInt64
		if err := s.Scan(&f.ID, &f.TicketID, &user, &f.Content, &f.Private, &created, &f.Author); err != nil {
			return err
		}
		f.UserID, f.CreatedAt = user.Int64, fromMS(created)
		out = append(out, f)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("followups of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func (q *queries) AddTask(ctx context.Context, t *Task) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO ticket_tasks (ticket_id, user_id, content, duration_s, planned_start,
		planned_end, state, private, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		t.TicketID, nullID(t.UserID), t.Content, int64(t.Duration/time.Second), ms(t.PlannedStart), ms(t.PlannedEnd),
		t.State, t.Private, ms(t.CreatedAt)).Scan(&t.ID)
	if err != nil {
		return fmt.Errorf("add task to ticket %d: %w", t.TicketID, err)
	}
	return nil
}

func (q *queries) Tasks(ctx context.Context, ticketID int64) ([]Task, error) {
	rows, err := q.query(ctx, `SELECT t.id, t.ticket_id, t.user_id, t.content, t.duration_s, t.planned_start,
		t.planned_end, t.state, t.private, t.created_at, `+authorName+`
		FROM ticket_tasks t LEFT JOIN users u ON u.id = t.user_id WHERE t.ticket_id = ? ORDER BY t.id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("tasks of ticket %d: %w", ticketID, err)
	}
	var out []Task
	err = scanEach(rows, func(s scanner) error {
		var t Task
		var user, start, end, created sql.NullInt64
		var secs int64
		if err := s.Scan(&t.ID, &t.TicketID, &user, &t.Content, &secs, &start, &end, &t.State, &t.Private,
			&created, &t.Author); err != nil {
			return err
		}
		t.UserID, t.Duration = user.Int64, time.Duration(secs)*time.Second
		t.PlannedStart, t.PlannedEnd, t.CreatedAt = fromMS(start), fromMS(end), fromMS(created)
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("tasks of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func (q *queries) AddSolution(ctx context.Context, s *Solution) error {
	if s.CreatedAt.IsZero() {
		s.CreatedAt = time.Now().UTC()
	}
	if s.Status == 0 {
		s.Status = 2
	}
	err := q.writeRow(ctx, `INSERT INTO ticket_solutions (ticket_id, user_id, type, content, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, s.TicketID, nullID(s.UserID), s.Type, s.Content, s.Status,
		ms(s.CreatedAt)).Scan(&s.ID)
	if err != nil {
		return fmt.Errorf("add solution to ticket %d: %w", s.TicketID, err)
	}
	return nil
}

const solutionSelect = `SELECT s.id, s.ticket_id, s.user_id, s.type, s.content, s.status, s.approver_id,
	s.approval_comment, s.approved_at, s.created_at, ` + authorName + `
	FROM ticket_solutions s LEFT JOIN users u ON u.id = s.user_id WHERE s.ticket_id = ?`

func scanSolution(sc scanner) (*Solution, error) {
	var s Solution
	var user, approver, approved, created sql.NullInt64
	if err := sc.Scan(&s.ID, &s.TicketID, &user, &s.Type, &s.Content, &s.Status, &approver, &s.ApprovalComment,
		&approved, &created, &s.Author); err != nil {
		return nil, err
	}
	s.UserID, s.ApproverID, s.ApprovedAt, s.CreatedAt = user.Int64, approver.Int64, fromMS(approved), fromMS(created)
	return &s, nil
}

func (q *queries) LatestSolution(ctx context.Context, ticketID int64) (*Solution, error) {
	s, err := scanSolution(q.queryRow(ctx, solutionSelect+" ORDER BY s.id DESC LIMIT 1", ticketID))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("solution of ticket %d", ticketID))
	}
	return s, nil
}

func (q *queries) Solutions(ctx context.Context, ticketID int64) ([]Solution, error) {
	rows, err := q.query(ctx, solutionSelect+" ORDER BY s.id", ticketID)
	if err != nil {
		return nil, fmt.Errorf("solutions of ticket %d: %w", ticketID, err)
	}
	var out []Solution
	err = scanEach(rows, func(sc scanner) error {
		s, err := scanSolution(sc)
		if err == nil {
			out = append(out, *s)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("solutions of ticket %d: %w", ticketID, err)
	}
	return out, nil
}

func (q *queries) SetSolutionApproval(ctx context.Context, id int64, status int, approverID int64, comment string, at time.Time) error {
	res, err := q.exec(ctx, `UPDATE ticket_solutions SET status = ?, approver_id = ?, approval_comment = ?, approved_at = ?
		WHERE id = ?`, status, nullID(approverID), comment, ms(at), id)
	if err != nil {
		return fmt.Errorf("approve solution %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("approve solution %d", id))
}
