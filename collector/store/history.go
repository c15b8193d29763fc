package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// ActorInventory is the Actor of changes made by ingest.
const ActorInventory = "inventory"

// HistoryEntry is one change of an asset: who made it (a login or
// ActorInventory), which field ("name", "software", "cpus"...), the old and
// new values, and when. Added components have only New, removed ones only Old.
type HistoryEntry struct {
	ID       int64
	AssetID  int64
	Actor    string
	Field    string
	OldValue string
	NewValue string
	At       time.Time
}

// historyBatch bounds the rows of one multi-row INSERT.
const historyBatch = 100

func (q *queries) AddHistory(ctx context.Context, entries []HistoryEntry) error {
	for start := 0; start < len(entries); start += historyBatch {
		batch := entries[start:min(start+historyBatch, len(entries))]
		vals := make([]string, len(batch))
		args := make([]any, 0, len(batch)*6)
		for i, e := range batch {
			vals[i] = "(?, ?, ?, ?, ?, ?)"
			at := e.At
			if at.IsZero() {
				at = time.Now().UTC()
			}
			args = append(args, e.AssetID, e.Actor, e.Field, e.OldValue, e.NewValue, ms(at))
		}
		if _, err := q.exec(ctx, "INSERT INTO asset_history (asset_id, actor, field, old_value, new_value, at) VALUES "+
			strings.Join(vals, ", "), args...); err != nil {
			return fmt.Errorf("add history: %w", err)
		}
	}
	return nil
}

func (q *queries) AssetHistory(ctx context.Context, assetID, beforeID int64, limit int) ([]HistoryEntry, error) {
	if limit <= 0 {
		limit = 50
	}
	query := "SELECT id, asset_id, actor, field, old_value, new_value, at FROM asset_history WHERE asset_id = ?"
	args := []any{assetID}
	if beforeID > 0 {
		query += " AND id < ?"
		args = append(args, beforeID)
	}
	rows, err := q.query(ctx, query+" ORDER BY id DESC LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("history of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var e HistoryEntry
		var at sql.NullInt64
		if err := rows.Scan(&e.ID, &e.AssetID, &e.Actor, &e.Field, &e.OldValue, &e.NewValue, &at); err != nil {
			return nil, fmt.Errorf("history of asset %d: %w", assetID, err)
		}
		e.At = fromMS(at)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) CountHistory(ctx context.Context, assetID int64) (int, error) {
	var n int
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM asset_history WHERE asset_id = ?", assetID).Scan(&n); err != nil {
		return 0, fmt.Errorf("count history of asset %d: %w", assetID, err)
	}
	return n, nil
}
