package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// StatsDimensions are what StatsBreakdown groups tickets by.
var StatsDimensions = []string{"category", "technician", "group", "location", "asset_type"}

// StatsRow is one line of a breakdown: the tickets opened in the range
// that share a category, a technician...
type StatsRow struct {
	// Key identifies the line: an ID ("" for the tickets without one, such
	// as unassigned tickets) or, for asset types, the type.
	Key    string
	Name   string
	Opened int
	Solved int // of those opened, how many are solved or closed
	Late   int // of those opened, how many passed their due date unsolved
	// MeanOwn and MeanResolve are the mean times from opening to the first
	// assignment and to the solution, 0 when no ticket got there.
	MeanOwn, MeanResolve time.Duration
}

// statsDims says, per dimension, the key and name columns and the joins
// from the selected tickets (t) to them. A ticket with two technicians
// (or groups, or asset types) counts once under each.
var statsDims = map[string]struct{ key, name, join string }{
	"category": {"CAST(c.id AS TEXT)", "c.name", "LEFT JOIN itil_categories c ON c.id = t.category_id"},
	"technician": {"CAST(u.id AS TEXT)", "COALESCE(NULLIF(u.name, ''), u.login)",
		`LEFT JOIN ticket_actors x ON x.ticket_id = t.id AND x.kind = 2 AND x.user_id IS NOT NULL
		LEFT JOIN users u ON u.id = x.user_id`},
	"group": {"CAST(g.id AS TEXT)", "g.name",
		`LEFT JOIN ticket_actors x ON x.ticket_id = t.id AND x.kind = 2 AND x.group_id IS NOT NULL
		LEFT JOIN user_groups g ON g.id = x.group_id`},
	"location":   {"CAST(l.id AS TEXT)", "l.name", "LEFT JOIN locations l ON l.id = t.loc_id"},
	"asset_type": {"x.type", "x.type", "LEFT JOIN (SELECT DISTINCT ta.ticket_id, a.type FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id) x ON x.ticket_id = t.id"},
}

// statsLocation is a ticket's location: its first linked asset's with a
// location, else its first requester's workplace (as the queue's
// location filter, which accepts either).
const statsLocation = `COALESCE(
	(SELECT a.location_id FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id
		WHERE ta.ticket_id = t.id AND a.location_id IS NOT NULL ORDER BY a.id LIMIT 1),
	(SELECT u.location_id FROM ticket_actors ra JOIN users u ON u.id = ra.user_id
		WHERE ra.ticket_id = t.id AND ra.kind = 1 AND u.location_id IS NOT NULL ORDER BY ra.id LIMIT 1))`

func (q *queries) StatsBreakdown(ctx context.Context, f StatsFilter, dimension string) ([]StatsRow, error) {
	dim, ok := statsDims[dimension]
	if !ok {
		return nil, fmt.Errorf("stats breakdown: unknown dimension %q", dimension)
	}
	if err := f.check("stats breakdown"); err != nil {
		return nil, err
	}
	loc := "NULL"
	if dimension == "location" {
		loc = statsLocation
	}
	scope, sargs := f.scope("t.id")
	now := ms(f.Now)
	// The selected tickets come first in a subquery so the joins (which
	// may repeat a ticket) read only the range.
	query := `SELECT ` + dim.key + `, ` + dim.name + `, COUNT(*),
		SUM(CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN t.due_at < ? AND COALESCE(t.resolved_at, ?) > t.due_at THEN 1 ELSE 0 END),
		CAST(AVG(t.taken_at - t.opened_at) AS DOUBLE PRECISION),
		CAST(AVG(t.solved_at - t.opened_at) AS DOUBLE PRECISION)
	FROM (SELECT t.id, t.category_id, t.opened_at, t.taken_at, t.solved_at, t.due_at,
			COALESCE(t.solved_at, t.closed_at) AS resolved_at, ` + loc + ` AS loc_id
		FROM tickets t WHERE t.opened_at >= ? AND t.opened_at < ? AND ` + scope + `) t
	` + dim.join + `
	GROUP BY ` + dim.key + `, ` + dim.name + `
	ORDER BY COUNT(*) DESC, COALESCE(` + dim.name + `, '')`
	args := append([]any{now, now, ms(f.From), ms(f.To)}, sargs...)
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("stats breakdown %s: %w", dimension, err)
	}
	defer rows.Close()
	var out []StatsRow
	for rows.Next() {
		var r StatsRow
		var key, name sql.NullString
		var own, resolve sql.NullFloat64
		if err := rows.Scan(&key, &name, &r.Opened, &r.Solved, &r.Late, &own, &resolve); err != nil {
			return nil, fmt.Errorf("stats breakdown %s: %w", dimension, err)
		}
		r.Key, r.Name = key.String, name.String
		r.MeanOwn = time.Duration(own.Float64) * time.Millisecond
		r.MeanResolve = time.Duration(resolve.Float64) * time.Millisecond
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stats breakdown %s: %w", dimension, err)
	}
	return out, nil
}
