package store

import (
	"context"
	"fmt"
	"regexp"
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
	ExcludeType    string // leave this type out (the park list hides unmanaged hosts)
	LowSupplies    bool   // printers with a consumable supply under the site's threshold
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

func (f AssetFilter) where(d *dialect) (string, []any) {
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
		// SQLite scans the narrow covering index assets_search, then reads
		// only the matching rows; PostgreSQL's LIKE uses the trigram index.
		p := "%" + escapeLike(w) + "%"
		cond := `a.id IN (SELECT id FROM assets WHERE search_text LIKE ? ESCAPE '\')`
		if d.name == "postgres" {
			cond = `a.search_text LIKE ? ESCAPE '\'`
		}
		if reMACPart.MatchString(w) {
			// Uncorrelated: the matching MACs are found once, not per asset.
			add(`(`+cond+` OR a.id IN (SELECT asset_id FROM asset_macs WHERE mac LIKE ? ESCAPE '\'))`,
				p, "%"+escapeLike(macPattern(w))+"%")
			continue
		}
		add(cond, p)
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
	if f.ExcludeType != "" {
		add("a.type <> ?", f.ExcludeType)
	}
	if f.LowSupplies {
		add(lowSupplySiteCond, SettingLowSupplyPercent, DefaultLowSupplyPercent)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// reMACPart matches words that may be part of a MAC address ("0a:bc",
// "3c5282"), the only ones worth looking up in asset_macs.
var reMACPart = regexp.MustCompile(`^[0-9a-f]{2}([:-][0-9a-f]{0,2})+$|^[0-9a-f]{6,12}$`)

// macPattern writes a MAC fragment the way MACs are stored: "3C-52" and
// "3c52" become "3c:52".
func macPattern(w string) string {
	w = strings.ReplaceAll(w, "-", ":")
	if strings.Contains(w, ":") || len(w)%2 != 0 {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(w[i : i+2])
	}
	return b.String()
}

// escapeLike escapes LIKE's wildcards so user text matches literally.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func (q *queries) ListAssets(ctx context.Context, f AssetFilter) (AssetPage, error) {
	where, args := f.where(q.d)
	var page AssetPage
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM assets a"+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count assets: %w", err)
	}
	tail, pargs := pageClause(AssetSortKeys, f.Sort, "a.name", "a.id", f.Desc, f.Limit, f.Offset)
	query := "SELECT " + prefixed("a.", assetColumns) + " FROM assets a" + where + tail
	rows, err := q.query(ctx, query, append(args, pargs...)...)
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
