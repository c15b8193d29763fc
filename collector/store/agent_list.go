package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// AgentRow is an enrolled agent as the agents page lists it: with its
// asset's name and last inventory, and the reports it had refused.
type AgentRow struct {
	Agent
	AssetName       string
	LastInventoryAt time.Time // the asset's, by this agent or another source
	RefusedReports  int
	LastRefusal     string // the reason of the last refusal, e.g. "invalid: content.hardware.name is required"
	LastRefusalAt   time.Time
}

// LastInventoryFull says whether the last inventory was a full one: a full
// report sets the agent's last full inventory and the asset's last
// inventory to the same instant.
func (a AgentRow) LastInventoryFull() bool {
	return !a.LastFullAt.IsZero() && !a.LastFullAt.Before(a.LastInventoryAt)
}

// AgentFilter selects a page of agents, ordered by deviceid.
type AgentFilter struct {
	Query      string    // substring of the deviceid, hostname or asset name, case-insensitive
	LateBefore time.Time // only agents whose last contact is before this (or never)
	Limit      int       // default 50, at most 1000
	Offset     int
}

// AgentPage is one page of agents and the number that matched.
type AgentPage struct {
	Agents []AgentRow
	Total  int
}

// AgentPageQueries serve the agents page and record refused reports.
type AgentPageQueries interface {
	ListAgentPage(ctx context.Context, f AgentFilter) (AgentPage, error)
	// CountLateAgents counts the agents whose last contact is before
	// before, or who never called.
	CountLateAgents(ctx context.Context, before time.Time) (int, error)
	// RecordAgentRefusal counts a refused report of the agent and keeps
	// its reason (cut to 500 characters).
	RecordAgentRefusal(ctx context.Context, agentID int64, reason string, at time.Time) error
}

// AgentPages returns the agents page's queries of a Store or of the
// Queries of a transaction.
func AgentPages(x any) (AgentPageQueries, error) {
	q, ok := x.(AgentPageQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no agent page queries", x)
	}
	return q, nil
}

func (f AgentFilter) where() (string, []any) {
	var conds []string
	var args []any
	if w := strings.ToLower(strings.TrimSpace(f.Query)); w != "" {
		p := "%" + escapeLike(w) + "%"
		conds = append(conds, `(lower(g.deviceid) LIKE ? ESCAPE '\' OR lower(g.hostname) LIKE ? ESCAPE '\'
			OR lower(COALESCE(a.name, '')) LIKE ? ESCAPE '\')`)
		args = append(args, p, p, p)
	}
	if !f.LateBefore.IsZero() {
		conds = append(conds, "(g.last_contact_at IS NULL OR g.last_contact_at < ?)")
		args = append(args, ms(f.LateBefore))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func (q *queries) ListAgentPage(ctx context.Context, f AgentFilter) (AgentPage, error) {
	var page AgentPage
	where, args := f.where()
	const from = " FROM agents g LEFT JOIN assets a ON a.id = g.asset_id"
	if err := q.queryRow(ctx, "SELECT COUNT(*)"+from+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count agents: %w", err)
	}
	tail, pargs := pageClause(map[string]string{}, "", "g.deviceid", "g.id", false, f.Limit, f.Offset)
	rows, err := q.query(ctx, "SELECT "+prefixed("g.", agentColumns)+`, COALESCE(a.name, ''), a.last_inventory_at,
		g.refused_reports, g.last_refusal, g.last_refusal_at`+from+where+tail, append(args, pargs...)...)
	if err != nil {
		return page, fmt.Errorf("list agents: %w", err)
	}
	err = scanEach(rows, func(s scanner) error {
		var r AgentRow
		var inv, refusedAt sql.NullInt64
		a, err := scanAgent(extraCols{s, []any{&r.AssetName, &inv, &r.RefusedReports, &r.LastRefusal, &refusedAt}})
		if err != nil {
			return err
		}
		r.Agent, r.LastInventoryAt, r.LastRefusalAt = *a, fromMS(inv), fromMS(refusedAt)
		page.Agents = append(page.Agents, r)
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("list agents: %w", err)
	}
	return page, nil
}

func (q *queries) CountLateAgents(ctx context.Context, before time.Time) (int, error) {
	var n int
	err := q.queryRow(ctx, "SELECT COUNT(*) FROM agents WHERE last_contact_at IS NULL OR last_contact_at < ?", ms(before)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count late agents: %w", err)
	}
	return n, nil
}

// maxRefusalReason bounds the stored reason of a refused report.
const maxRefusalReason = 500

func (q *queries) RecordAgentRefusal(ctx context.Context, agentID int64, reason string, at time.Time) error {
	if r := []rune(reason); len(r) > maxRefusalReason {
		reason = string(r[:maxRefusalReason])
	}
	res, err := q.exec(ctx, `UPDATE agents SET refused_reports = refused_reports + 1, last_refusal = ?, last_refusal_at = ?
		WHERE id = ?`, reason, ms(at), agentID)
	if err != nil {
		return fmt.Errorf("record refusal of agent %d: %w", agentID, err)
	}
	return mustAffect(res, fmt.Sprintf("record refusal of agent %d", agentID))
}

// extraCols scans columns that follow the ones a scan function reads.
type extraCols struct {
	s     scanner
	extra []any
}

func (e extraCols) Scan(dest ...any) error { return e.s.Scan(append(dest, e.extra...)...) }
