package store

import (
	"context"
	"fmt"
	"time"
)

// StatsFilter selects the tickets the helpdesk statistics count.
type StatsFilter struct {
	// From and To bound the range: From inclusive, To exclusive.
	From, To time.Time
	// Now is when the statistics are computed: a ticket is late only once
	// its due date has passed, and the backlog is never counted in the
	// future.
	Now time.Time
	// AssigneeUser, when not 0, keeps only the tickets assigned to this
	// user or to one of AssigneeGroups (a technician's own statistics).
	AssigneeUser   int64
	AssigneeGroups []int64
}

// StatsTicket is what the per-period statistics need of a ticket: its
// dates (zero when the event has not happened).
type StatsTicket struct {
	OpenedAt, TakenAt, SolvedAt, ClosedAt, DueAt time.Time
}

// StatsData is what Series counts: the tickets with an event in a range
// and the backlog at its start.
type StatsData struct {
	// Start is when Backlog was counted: the range's start, or now when
	// the range starts later.
	Start time.Time
	// Backlog counts the tickets opened before Start and not resolved by
	// then.
	Backlog int
	Tickets []StatsTicket
}

// ResolvedAt is when the ticket stopped waiting for the helpdesk: its
// solution, or its closing when it was closed without one.
func (t StatsTicket) ResolvedAt() time.Time {
	if !t.SolvedAt.IsZero() {
		return t.SolvedAt
	}
	return t.ClosedAt
}

// StatsQueries are the helpdesk statistics' reads. Every Store opened by
// Open implements them; use Stats to get them.
type StatsQueries interface {
	// StatsTickets counts the backlog at the start of f's range and
	// lists the dates of the tickets with an event (opening, assignment,
	// solution, closing, due date) in the range: what Series needs.
	StatsTickets(ctx context.Context, f StatsFilter) (StatsData, error)
	// StatsBreakdown counts the tickets opened in f's range by one of
	// StatsDimensions, most tickets first.
	StatsBreakdown(ctx context.Context, f StatsFilter, dimension string) ([]StatsRow, error)
	// StatsSatisfaction summarises the survey answers given in f's range.
	StatsSatisfaction(ctx context.Context, f StatsFilter) (SatisfactionStats, error)
}

// Stats returns the statistics queries of a Store, or of the Queries a
// WithTx function receives.
func Stats(x any) (StatsQueries, error) {
	s, ok := x.(StatsQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no statistics queries", x)
	}
	return s, nil
}

var _ StatsQueries = (*queries)(nil)

// SatisfactionStats are the survey answers of a range.
type SatisfactionStats struct {
	Answers int
	// Mean is the mean rating, 0 without answers.
	Mean float64
	// ByRating counts the answers per rating: ByRating[0] is rating 1.
	ByRating [5]int
}

// scope returns the condition (on tickets as t) and arguments that keep
// the tickets of f's assignee scope; "1=1" when f has none.
func (f StatsFilter) scope(col string) (string, []any) {
	if f.AssigneeUser == 0 {
		return "1=1", nil
	}
	cond := "a.user_id = ?"
	args := []any{f.AssigneeUser}
	if len(f.AssigneeGroups) > 0 {
		cond += " OR a.group_id IN (" + placeholders(len(f.AssigneeGroups)) + ")"
		for _, g := range f.AssigneeGroups {
			args = append(args, g)
		}
	}
	return col + " IN (SELECT a.ticket_id FROM ticket_actors a WHERE a.kind = 2 AND (" + cond + "))", args
}

func (f StatsFilter) check(what string) error {
	if f.From.IsZero() || f.To.IsZero() || !f.From.Before(f.To) {
		return fmt.Errorf("%s: the range from %v to %v is empty", what, f.From, f.To)
	}
	return nil
}

func (q *queries) StatsSatisfaction(ctx context.Context, f StatsFilter) (SatisfactionStats, error) {
	var out SatisfactionStats
	if err := f.check("stats satisfaction"); err != nil {
		return out, err
	}
	scope, sargs := f.scope("s.ticket_id")
	rows, err := q.query(ctx, `SELECT s.rating, COUNT(*) FROM ticket_satisfactions s
		WHERE s.answered_at >= ? AND s.answered_at < ? AND `+scope+` GROUP BY s.rating`,
		append([]any{ms(f.From), ms(f.To)}, sargs...)...)
	if err != nil {
		return out, fmt.Errorf("stats satisfaction: %w", err)
	}
	defer rows.Close()
	sum := 0
	for rows.Next() {
		var rating, n int
		if err := rows.Scan(&rating, &n); err != nil {
			return out, fmt.Errorf("stats satisfaction: %w", err)
		}
		if rating >= 1 && rating <= 5 {
			out.ByRating[rating-1] = n
			out.Answers += n
			sum += rating * n
		}
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("stats satisfaction: %w", err)
	}
	if out.Answers > 0 {
		out.Mean = float64(sum) / float64(out.Answers)
	}
	return out, nil
}
