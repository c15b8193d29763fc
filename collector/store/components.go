package store

import (
	"context"
	"fmt"
	"time"
)

// Component is one item of an inventoried section (a CPU, a disk, a network
// interface...) or the whole of an object section (bios, hardware), kept as
// the JSON the agent sent. ItemKey identifies the item within its section
// across reports (e.g. a disk's serial); Hash is the SHA-256 of Data, so an
// unchanged item is never rewritten.
type Component struct {
	ID      int64
	AssetID int64
	Section string // inventory key, e.g. "cpus", "bios"
	ItemKey string
	Hash    string
	Data    string // JSON
}

// ComponentChanges are the writes of one section: new items, items whose
// data changed (matched by ID) and removed items.
type ComponentChanges struct {
	Add    []Component
	Update []Component
	Delete []int64
}

func (q *queries) SectionHashes(ctx context.Context, assetID int64) (map[string]string, error) {
	rows, err := q.query(ctx, "SELECT section, hash FROM asset_sections WHERE asset_id = ?", assetID)
	if err != nil {
		return nil, fmt.Errorf("section hashes of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var s, h string
		if err := rows.Scan(&s, &h); err != nil {
			return nil, fmt.Errorf("section hashes of asset %d: %w", assetID, err)
		}
		out[s] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("section hashes of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) Components(ctx context.Context, assetID int64, section string) ([]Component, error) {
	query := "SELECT id, asset_id, section, item_key, hash, data FROM asset_components WHERE asset_id = ?"
	args := []any{assetID}
	if section != "" {
		query += " AND section = ?"
		args = append(args, section)
	}
	rows, err := q.query(ctx, query+" ORDER BY section, id", args...)
	if err != nil {
		return nil, fmt.Errorf("components of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []Component
	for rows.Next() {
		var c Component
		if err := rows.Scan(&c.ID, &c.AssetID, &c.Section, &c.ItemKey, &c.Hash, &c.Data); err != nil {
			return nil, fmt.Errorf("components of asset %d: %w", assetID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("components of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) ApplyComponents(ctx context.Context, assetID int64, section, hash string, ch ComponentChanges, at time.Time) error {
	what := fmt.Sprintf("write %s of asset %d", section, assetID)
	// Deletes first: an item whose key moved to a new row must not collide.
	for _, id := range ch.Delete {
		if _, err := q.exec(ctx, "DELETE FROM asset_components WHERE id = ? AND asset_id = ?", id, assetID); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	for _, c := range ch.Update {
		if _, err := q.exec(ctx, "UPDATE asset_components SET item_key = ?, hash = ?, data = ? WHERE id = ? AND asset_id = ?",
			c.ItemKey, c.Hash, c.Data, c.ID, assetID); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	for _, c := range ch.Add {
		if _, err := q.exec(ctx, "INSERT INTO asset_components (asset_id, section, item_key, hash, data) VALUES (?, ?, ?, ?, ?)",
			assetID, section, c.ItemKey, c.Hash, c.Data); err != nil {
			return q.conflict(err, what)
		}
	}
	if hash == "" {
		if _, err := q.exec(ctx, "DELETE FROM asset_sections WHERE asset_id = ? AND section = ?", assetID, section); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	}
	_, err := q.exec(ctx, `INSERT INTO asset_sections (asset_id, section, hash, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (asset_id, section) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`,
		assetID, section, hash, ms(at))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
