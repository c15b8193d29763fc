package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// IdentityKind names an identifier reconciliation matches on.
type IdentityKind int

// Identifiers, in the order reconciliation tries them.
const (
	ByUUID IdentityKind = iota
	BySerial
	ByMAC
	ByName
)

func (k IdentityKind) String() string {
	return [...]string{"uuid", "serial", "mac", "name"}[k]
}

// AssetRef is what reconciliation needs to know about a candidate asset.
type AssetRef struct {
	ID           int64
	UUIDKey      string
	SerialKey    string
	NameKey      string
	Manufacturer string
	OwnerAgentID int64 // the agent that owns it, 0 if none
}

func (q *queries) FindAssets(ctx context.Context, kind IdentityKind, assetType string, values []string) ([]AssetRef, error) {
	if len(values) == 0 {
		return nil, nil
	}
	// agents.asset_id is unique, so an asset is one row.
	const cols = ` a.id, a.uuid_key, a.serial_key, a.name_key, a.manufacturer, g.id
		FROM assets a LEFT JOIN agents g ON g.asset_id = a.id `
	const sel = "SELECT" + cols
	var query string
	switch kind {
	case ByUUID:
		query = sel + "WHERE a.type = ? AND a.uuid_key IN (" + placeholders(len(values)) + ")"
	case BySerial:
		query = sel + "WHERE a.type = ? AND a.serial_key IN (" + placeholders(len(values)) + ")"
	case ByName:
		query = sel + "WHERE a.type = ? AND a.name_key IN (" + placeholders(len(values)) + ")"
	case ByMAC:
		// Driven by the MAC index: "a.type || ''" keeps SQLite, which has
		// no statistics to go by, from walking every asset of the type
		// and probing its MACs (a cost that grew with the park).
		query = sel + "WHERE a.id IN (SELECT m.asset_id FROM asset_macs m WHERE m.mac IN (" + placeholders(len(values)) + ")) AND a.type || '' = ?"
	default:
		return nil, fmt.Errorf("find assets: unknown identity kind %d", kind)
	}
	args := make([]any, 0, len(values)+1)
	if kind != ByMAC {
		args = append(args, assetType)
	}
	for _, v := range values {
		args = append(args, v)
	}
	if kind == ByMAC {
		args = append(args, assetType)
	}
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("find assets by %s: %w", kind, err)
	}
	defer rows.Close()
	var out []AssetRef
	for rows.Next() {
		var r AssetRef
		var uk, sk, nk sql.NullString
		var owner sql.NullInt64
		if err := rows.Scan(&r.ID, &uk, &sk, &nk, &r.Manufacturer, &owner); err != nil {
			return nil, fmt.Errorf("find assets by %s: %w", kind, err)
		}
		r.UUIDKey, r.SerialKey, r.NameKey, r.OwnerAgentID = uk.String, sk.String, nk.String, owner.Int64
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find assets by %s: %w", kind, err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (q *queries) AssetMACs(ctx context.Context, assetID int64) ([]string, error) {
	rows, err := q.query(ctx, "SELECT mac FROM asset_macs WHERE asset_id = ? ORDER BY mac", assetID)
	if err != nil {
		return nil, fmt.Errorf("list MACs of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, fmt.Errorf("list MACs of asset %d: %w", assetID, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list MACs of asset %d: %w", assetID, err)
	}
	return out, nil
}

// SetAssetMACs replaces the asset's MAC addresses, touching only the rows
// that change.
func (q *queries) SetAssetMACs(ctx context.Context, assetID int64, macs []string) error {
	old, err := q.AssetMACs(ctx, assetID)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, m := range macs {
		want[m] = true
	}
	for _, m := range old {
		if want[m] {
			delete(want, m)
			continue
		}
		if _, err := q.exec(ctx, "DELETE FROM asset_macs WHERE asset_id = ? AND mac = ?", assetID, m); err != nil {
			return fmt.Errorf("remove MAC of asset %d: %w", assetID, err)
		}
	}
	for m := range want {
		if _, err := q.exec(ctx, "INSERT INTO asset_macs (asset_id, mac) VALUES (?, ?)", assetID, m); err != nil {
			return fmt.Errorf("add MAC of asset %d: %w", assetID, err)
		}
	}
	return nil
}
