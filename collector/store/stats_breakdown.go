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
	// assignment and to the solution, over OwnCount and ResolveCount
	// tickets (0 when no ticket got there).
	MeanOwn, MeanResolve   time.Duration
	OwnCount, ResolveCount int
}

// statsDims says, per dimension, the key of a selected ticket (t) and
// the joins it needs, then the name of a key (k) and the join to it. A
// ticket with two technicians (or groups, or asset types) counts once
// under each. Tickets are grouped by key before the names are joined, so
// the names are read once per line, not once per ticket.
var statsDims = map[string]struct{ key, join, name, nameJoin string }{
	"category": {"t.category_id", "", "n.name", "LEFT JOIN itil_categories n ON n.id = g.k"},
	"technician": {"x.user_id", "LEFT JOIN ticket_actors x ON x.ticket_id = t.id AND x.kind = 2 AND x.user_id IS NOT NULL",
		"COALESCE(NULLIF(n.name, ''), n.login)", "LEFT JOIN users n ON n.id = g.k"},
	"group": {"x.group_id", "LEFT JOIN ticket_actors x ON x.ticket_id = t.id AND x.kind = 2 AND x.group_id IS NOT NULL",
		"n.name", "LEFT JOIN user_groups n ON n.id = g.k"},
	"location": {statsLocation, "", "n.name", "LEFT JOIN locations n ON n.id = g.k"},
	"asset_type": {"x.type", "LEFT JOIN (SELECT DISTINCT ta.ticket_id, a.type FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id) x ON x.ticket_id = t.id",
		"g.k", ""},
}

// statsLocation is a ticket's location: its first linked asset's with a
// location, else its first requester's workplace (as the queue's
// location filter, which accepts either).
const statsLocation = `COALESCE(
	(SELECT a.location_id FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id
		WHERE ta.ticket_id = t.id AND a.location_id IS NOT NULL ORDER BY ta.asset_id LIMIT 1),
	(SELECT u.location_id FROM ticket_actors ra JOIN users u ON u.id = ra.user_id
		WHERE ra.ticket_id = t.id AND ra.kind = 1 AND u.location_id IS NOT NULL ORDER BY ra.id LIMIT 1))`

// statsLocationPG is statsLocation for PostgreSQL, as joins: it runs
// the two subqueries once per ticket in a range of a hundred thousand
// tickets several times slower, and their estimated cost makes it
// compile the query (JIT), which alone takes longer than the joins.
var statsLocationPG = struct{ key, join string }{"COALESCE(fa.location_id, fr.location_id)", `
	LEFT JOIN (SELECT DISTINCT ON (ta.ticket_id) ta.ticket_id, a.location_id FROM ticket_assets ta
		JOIN assets a ON a.id = ta.asset_id WHERE a.location_id IS NOT NULL
		ORDER BY ta.ticket_id, ta.asset_id) fa ON fa.ticket_id = t.id
	LEFT JOIN (SELECT DISTINCT ON (ra.ticket_id) ra.ticket_id, u.location_id FROM ticket_actors ra
		JOIN users u ON u.id = ra.user_id WHERE ra.kind = 1 AND u.location_id IS NOT NULL
		ORDER BY ra.ticket_id, ra.id) fr ON fr.ticket_id = t.id`}

func (q *queries) StatsBreakdown(ctx context.Context, f StatsFilter, dimension string) ([]StatsRow, error) {
	dim, ok := statsDims[dimension]
	if !ok {
		return nil, fmt.Errorf("stats breakdown: unknown dimension %q", dimension)
	}
	if err := f.check("stats breakdown"); err != nil {
		return nil, err
	}
	if dimension == "location" && q.d.name == "postgres" {
		dim.key, dim.join = statsLocationPG.key, statsLocationPG.join
	}
	scope, sargs := f.scope("t.id")
	now := ms(f.Now)
	query := `SELECT CAST(g.k AS TEXT), ` + dim.name + `, g.n, g.solved, g.late, g.own_n, g.own, g.resolve_n, g.resolve
	FROM (SELECT t.k, COUNT(*) AS n,
			SUM(CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS solved,
			SUM(CASE WHEN t.due_at < ? AND COALESCE(t.resolved_at, ?) > t.due_at THEN 1 ELSE 0 END) AS late,
			COUNT(t.taken_at) AS own_n, CAST(AVG(t.taken_at - t.opened_at) AS DOUBLE PRECISION) AS own,
			COUNT(t.solved_at) AS resolve_n, CAST(AVG(t.solved_at - t.opened_at) AS DOUBLE PRECISION) AS resolve
		FROM (SELECT ` + dim.key + ` AS k, t.opened_at, t.taken_at, t.solved_at, t.due_at,
				COALESCE(t.solved_at, t.closed_at) AS resolved_at
			FROM tickets t ` + dim.join + `
			WHERE t.opened_at >= ? AND t.opened_at < ? AND ` + scope + `) t
		GROUP BY t.k) g
	` + dim.nameJoin + `
	ORDER BY g.n DESC, COALESCE(` + dim.name + `, '')`
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
		if err := rows.Scan(&key, &name, &r.Opened, &r.Solved, &r.Late, &r.OwnCount, &own, &r.ResolveCount, &resolve); err != nil {
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
