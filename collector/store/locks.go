package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// FieldLock keeps a person's value of an inventoried field: ingest leaves
// the field alone and records what the inventory says in InventoryValue, so
// unlocking can restore it.
type FieldLock struct {
	AssetID        int64
	Field          string // an inventoried field name, e.g. "name"
	LockedValue    string
	InventoryValue string
	LockedBy       string // login
	LockedAt       time.Time
}

func (q *queries) FieldLocks(ctx context.Context, assetID int64) ([]FieldLock, error) {
	rows, err := q.query(ctx, `SELECT asset_id, field, locked_value, inventory_value, locked_by, locked_at
		FROM field_locks WHERE asset_id = ? ORDER BY field`, assetID)
	if err != nil {
		return nil, fmt.Errorf("field locks of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []FieldLock
	for rows.Next() {
		var l FieldLock
		var at sql.NullInt64
		if err := rows.Scan(&l.AssetID, &l.Field, &l.LockedValue, &l.InventoryValue, &l.LockedBy, &at); err != nil {
			return nil, fmt.Errorf("field locks of asset %d: %w", assetID, err)
		}
		l.LockedAt = fromMS(at)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("field locks of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) PutFieldLock(ctx context.Context, l FieldLock) error {
	if l.LockedAt.IsZero() {
		l.LockedAt = time.Now().UTC()
	}
	_, err := q.exec(ctx, `INSERT INTO field_locks (asset_id, field, locked_value, inventory_value, locked_by, locked_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (asset_id, field) DO UPDATE SET locked_value = excluded.locked_value,
		inventory_value = excluded.inventory_value, locked_by = excluded.locked_by, locked_at = excluded.locked_at`,
		l.AssetID, l.Field, l.LockedValue, l.InventoryValue, l.LockedBy, ms(l.LockedAt))
	if err != nil {
		return fmt.Errorf("lock field %s of asset %d: %w", l.Field, l.AssetID, err)
	}
	return nil
}

func (q *queries) DeleteFieldLock(ctx context.Context, assetID int64, field string) error {
	res, err := q.exec(ctx, "DELETE FROM field_locks WHERE asset_id = ? AND field = ?", assetID, field)
	if err != nil {
		return fmt.Errorf("unlock field %s of asset %d: %w", field, assetID, err)
	}
	return mustAffect(res, fmt.Sprintf("unlock field %s of asset %d", field, assetID))
}
