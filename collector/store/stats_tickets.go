package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// statsResolved is a ticket's resolution instant in SQL (as
// StatsTicket.ResolvedAt), never before its opening, as Series counts it.
const statsResolved = `CASE WHEN COALESCE(t.solved_at, t.closed_at) < t.opened_at THEN t.opened_at
	ELSE COALESCE(t.solved_at, t.closed_at) END`

// backlogStart is when the backlog of a series is first counted: the
// range's start, or now when the range lies in the future.
func (f StatsFilter) backlogStart() time.Time {
	if !f.Now.IsZero() && f.Now.Before(f.From) {
		return f.Now
	}
	return f.From
}

func (q *queries) StatsTickets(ctx context.Context, f StatsFilter) (StatsData, error) {
	var out StatsData
	if err := f.check("stats tickets"); err != nil {
		return out, err
	}
	out.Start = f.backlogStart()
	start, from, to := ms(out.Start), ms(f.From), ms(f.To)
	scope, sargs := f.scope("t.id")
	// The tickets still open at the start are only counted: reading them
	// all (a large part of the table) is what made the series slow.
	if err := q.queryRow(ctx, `SELECT COUNT(*) FROM tickets t WHERE t.opened_at < ?
		AND (COALESCE(t.solved_at, t.closed_at) IS NULL OR `+statsResolved+` >= ?) AND `+scope,
		append([]any{start, start}, sargs...)...).Scan(&out.Backlog); err != nil {
		return out, fmt.Errorf("stats tickets: backlog: %w", err)
	}
	// Every condition is on a column of tickets_stats, so the read is on
	// the index alone; events after the range change nothing.
	args := append([]any{to, start, start, to, start, to, from, to, from, to}, sargs...)
	rows, err := q.query(ctx, `SELECT t.opened_at, t.taken_at, t.solved_at, t.closed_at, t.due_at FROM tickets t
		WHERE t.opened_at < ? AND (t.opened_at >= ? OR (t.solved_at >= ? AND t.solved_at < ?)
			OR (t.closed_at >= ? AND t.closed_at < ?) OR (t.taken_at >= ? AND t.taken_at < ?)
			OR (t.due_at >= ? AND t.due_at < ?)) AND `+scope, args...)
	if err != nil {
		return out, fmt.Errorf("stats tickets: %w", err)
	}
	defer rows.Close()
	// A range may hold a hundred thousand tickets: they are read in
	// chunks, then copied once into a slice of the exact size (growing
	// one slice that large copies it several times).
	var chunks [][]StatsTicket
	n := 0
	// Declared once: scanned into through interfaces, they would
	// otherwise be allocated anew for each row.
	var opened int64
	var taken, solved, closed, due sql.NullInt64
	for rows.Next() {
		if err := rows.Scan(&opened, &taken, &solved, &closed, &due); err != nil {
			return out, fmt.Errorf("stats tickets: %w", err)
		}
		if len(chunks) == 0 || len(chunks[len(chunks)-1]) == cap(chunks[len(chunks)-1]) {
			chunks = append(chunks, make([]StatsTicket, 0, 4096))
		}
		c := &chunks[len(chunks)-1]
		*c = append(*c, StatsTicket{OpenedAt: time.UnixMilli(opened).UTC(), TakenAt: fromMS(taken),
			SolvedAt: fromMS(solved), ClosedAt: fromMS(closed), DueAt: fromMS(due)})
		n++
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("stats tickets: %w", err)
	}
	out.Tickets = make([]StatsTicket, 0, n)
	for _, c := range chunks {
		out.Tickets = append(out.Tickets, c...)
	}
	return out, nil
}
