package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// AssetFilter selects and orders a page of assets. Zero values mean "any".
type AssetFilter struct {
	Type           string
	Query          string // words matched (case-insensitively) against name, serial, inventory number, model, manufacturer, OS, last user, UUID, IP and MACs
	Manufacturer   string // exact
	OSName         string // substring, case-insensitive
	LocationID     int64
	StateID        int64
	ParentID       int64
	OwnerID        int64
	WarrantyBefore string    // warranty ends before this "YYYY-MM-DD" (and is set)
	SeenBefore     time.Time // last inventory before (the "not seen for N days" view); never-inventoried assets match
	SeenAfter      time.Time
	HasSoftware    string // substring of a software name, case-insensitive
	Sort           string // one of AssetSortKeys; default "name"
	Desc           bool
	Limit          int // default 50, at most 1000
	Offset         int
}

// AssetSortKeys maps the sort keys ListAssets accepts to their columns.
var AssetSortKeys = map[string]string{
	"id": "a.id", "name": "a.name", "type": "a.type", "serial": "a.serial",
	"manufacturer": "a.manufacturer", "model": "a.model", "os": "a.os_name",
	"last_user": "a.last_user", "inventory_number": "a.inventory_number",
	"last_inventory": "a.last_inventory_at", "created": "a.created_at", "memory": "a.memory_mb",
	"ip": "a.ip", "warranty_end": "a.warranty_end", "purchase_date": "a.purchase_date",
}

// AssetPage is one page of ListAssets and the total that matched.
type AssetPage struct {
	Assets []Asset
	Total  int
}

func (f AssetFilter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.Type != "" {
		add("a.type = ?", f.Type)
	}
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		p := "%" + escapeLike(w) + "%"
		add(`(lower(a.name) LIKE ? ESCAPE '\' OR lower(a.serial) LIKE ? ESCAPE '\' OR lower(a.inventory_number) LIKE ? ESCAPE '\'
			OR lower(a.model) LIKE ? ESCAPE '\' OR lower(a.manufacturer) LIKE ? ESCAPE '\' OR lower(a.os_name) LIKE ? ESCAPE '\'
			OR lower(a.last_user) LIKE ? ESCAPE '\' OR lower(a.uuid) LIKE ? ESCAPE '\' OR a.ip LIKE ? ESCAPE '\'
			OR EXISTS (SELECT 1 FROM asset_macs m WHERE m.asset_id = a.id AND m.mac LIKE ? ESCAPE '\'))`,
			p, p, p, p, p, p, p, p, p, p)
	}
	if f.Manufacturer != "" {
		add("a.manufacturer = ?", f.Manufacturer)
	}
	if f.OSName != "" {
		add(`lower(a.os_name) LIKE ? ESCAPE '\'`, "%"+escapeLike(strings.ToLower(f.OSName))+"%")
	}
	if f.LocationID != 0 {
		add("a.location_id = ?", f.LocationID)
	}
	if f.StateID != 0 {
		add("a.state_id = ?", f.StateID)
	}
	if f.ParentID != 0 {
		add("a.parent_id = ?", f.ParentID)
	}
	if f.OwnerID != 0 {
		add("a.owner_id = ?", f.OwnerID)
	}
	if f.WarrantyBefore != "" {
		add("a.warranty_end <> '' AND a.warranty_end < ?", f.WarrantyBefore)
	}
	if !f.SeenBefore.IsZero() {
		add("(a.last_inventory_at IS NULL OR a.last_inventory_at < ?)", ms(f.SeenBefore))
	}
	if !f.SeenAfter.IsZero() {
		add("a.last_inventory_at >= ?", ms(f.SeenAfter))
	}
	if f.HasSoftware != "" {
		add(`EXISTS (SELECT 1 FROM installations i JOIN software_versions v ON v.id = i.version_id
			JOIN software s ON s.id = v.software_id WHERE i.asset_id = a.id AND lower(s.name) LIKE ? ESCAPE '\')`,
			"%"+escapeLike(strings.ToLower(f.HasSoftware))+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// escapeLike escapes LIKE's wildcards so user text matches literally.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func (q *queries) ListAssets(ctx context.Context, f AssetFilter) (AssetPage, error) {
	where, args := f.where()
	var page AssetPage
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM assets a"+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count assets: %w", err)
	}
	col, ok := AssetSortKeys[f.Sort]
	if !ok {
		col = "a.name"
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 1000)
	query := "SELECT " + prefixed("a.", assetColumns) + " FROM assets a" + where +
		" ORDER BY " + col + " " + dir + ", a.id " + dir + " LIMIT ? OFFSET ?"
	rows, err := q.query(ctx, query, append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return page, fmt.Errorf("list assets: %w", err)
	}
	page.Assets, err = collectAssets(rows, "list assets")
	return page, err
}

// prefixed qualifies every column of a comma-separated list.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
