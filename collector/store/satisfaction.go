package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Satisfaction is a requester's answer to the survey of a closed ticket.
type Satisfaction struct {
	TicketID   int64
	UserID     int64 // who answered (the requester), 0 once deleted
	Rating     int   // 1..5
	Comment    string
	AnsweredAt time.Time
}

// SatisfactionQueries store the satisfaction surveys. Who may answer and
// until when is package helpdesk's rule; this is storage only. Every
// Store opened by Open implements them; use Satisfactions to get them.
type SatisfactionQueries interface {
	// SetSatisfaction records s, replacing an earlier answer to the same
	// ticket (the survey may be answered again while it is open);
	// ErrNotFound when the ticket does not exist.
	SetSatisfaction(ctx context.Context, s *Satisfaction) error
	// GetSatisfaction returns a ticket's answer, ErrNotFound when none.
	GetSatisfaction(ctx context.Context, ticketID int64) (*Satisfaction, error)
}

// Satisfactions returns the survey queries of a Store, or of the Queries
// a WithTx function receives.
func Satisfactions(x any) (SatisfactionQueries, error) {
	s, ok := x.(SatisfactionQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no satisfaction queries", x)
	}
	return s, nil
}

var _ SatisfactionQueries = (*queries)(nil)

func (q *queries) SetSatisfaction(ctx context.Context, s *Satisfaction) error {
	if s.Rating < 1 || s.Rating > 5 {
		return fmt.Errorf("set satisfaction: rating %d is not between 1 and 5", s.Rating)
	}
	// The ticket is checked first so a missing one is ErrNotFound rather
	// than a foreign key error that differs by dialect.
	var one int
	if err := q.queryRow(ctx, `SELECT 1 FROM tickets WHERE id = ?`, s.TicketID).Scan(&one); err != nil {
		return notFound(err, "set satisfaction")
	}
	_, err := q.exec(ctx, `INSERT INTO ticket_satisfactions (ticket_id, user_id, rating, comment, answered_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (ticket_id) DO UPDATE SET user_id = excluded.user_id, rating = excluded.rating,
			comment = excluded.comment, answered_at = excluded.answered_at`,
		s.TicketID, nullID(s.UserID), s.Rating, s.Comment, ms(s.AnsweredAt))
	if err != nil {
		return fmt.Errorf("set satisfaction: %w", err)
	}
	return nil
}

func (q *queries) GetSatisfaction(ctx context.Context, ticketID int64) (*Satisfaction, error) {
	s := Satisfaction{TicketID: ticketID}
	var user sql.NullInt64
	var at sql.NullInt64
	err := q.queryRow(ctx, `SELECT user_id, rating, comment, answered_at FROM ticket_satisfactions WHERE ticket_id = ?`,
		ticketID).Scan(&user, &s.Rating, &s.Comment, &at)
	if err != nil {
		return nil, notFound(err, "get satisfaction")
	}
	s.UserID, s.AnsweredAt = user.Int64, fromMS(at)
	return &s, nil
}
