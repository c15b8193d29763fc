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

// listWhere is a filter as SQL: conds over the assets aliased a, and the
// text search apart (search, over the unaliased assets table), so SQLite
// can find its matches once per list (see ListAssets).
type listWhere struct {
	conds      []string
	args       []any
	search     string
	searchArgs []any
}

// clause is " WHERE ..." over conds plus extra conditions first, or "".
func (w listWhere) clause(extra ...string) string {
	all := append(extra, w.conds...)
	if len(all) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(all, " AND ")
}

// where turns the filter into SQL. osIn are the distinct OS names that
// contain f.OSName (see osNamesContaining); nil with f.OSName set means too
// many to list, and the OS filter is a LIKE.
func (f AssetFilter) where(osIn []string) listWhere {
	var lw listWhere
	add := func(cond string, a ...any) {
		lw.conds = append(lw.conds, cond)
		lw.args = append(lw.args, a...)
	}
	if f.Type != "" {
		add("a.type = ?", f.Type)
	}
	var words []string
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		// A narrow covering index (assets_search) holds search_text;
		// PostgreSQL's LIKE uses its trigram index.
		cond := `search_text LIKE ? ESCAPE '\'`
		lw.searchArgs = append(lw.searchArgs, "%"+escapeLike(w)+"%")
		if reMACPart.MatchString(w) {
			// Uncorrelated: the matching MACs are found once, not per asset.
			cond = `(` + cond + ` OR id IN (SELECT asset_id FROM asset_macs WHERE mac LIKE ? ESCAPE '\'))`
			lw.searchArgs = append(lw.searchArgs, "%"+escapeLike(macPattern(w))+"%")
		}
		words = append(words, cond)
	}
	lw.search = strings.Join(words, " AND ")
	if f.Manufacturer != "" {
		add("a.manufacturer = ?", f.Manufacturer)
	}
	switch {
	case f.OSName != "" && osIn != nil && len(osIn) == 0:
		add("1 = 0") // no OS name contains the text
	case f.OSName != "" && osIn != nil:
		add("a.os_name IN ("+placeholders(len(osIn))+")", anys(osIn)...)
	case f.OSName != "":
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
	return lw
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

// ListAssets counts the matching assets and reads one page. On SQLite a
// text search scans every asset's search_text once: its matches are
// materialised once and serve both the count and the page, in a single
// statement.
func (q *queries) ListAssets(ctx context.Context, f AssetFilter) (AssetPage, error) {
	var osIn []string
	if f.OSName != "" {
		var err error
		if osIn, err = q.osNamesContaining(ctx, f.OSName); err != nil {
			return AssetPage{}, err
		}
	}
	lw := f.where(osIn)
	tail, pargs := pageClause(AssetSortKeys, f.Sort, "a.name", "a.id", f.Desc, f.Limit, f.Offset)
	cols := prefixed("a.", assetColumns)
	if lw.search != "" && q.d.name == "sqlite" {
		return q.listSearched(ctx, lw, cols, tail, pargs)
	}
	if lw.search != "" {
		lw.conds = append(lw.conds, strings.ReplaceAll(lw.search, "search_text", "a.search_text"))
		lw.args = append(lw.args, lw.searchArgs...)
	}
	var page AssetPage
	where := lw.clause()
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM assets a"+where, lw.args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count assets: %w", err)
	}
	rows, err := q.query(ctx, "SELECT "+cols+" FROM assets a"+where+tail, append(lw.args, pargs...)...)
	if err != nil {
		return page, fmt.Errorf("list assets: %w", err)
	}
	page.Assets, err = collectAssets(rows, "list assets")
	return page, err
}

// listSearched is SQLite's ListAssets with a text search: the page rows
// carry the total.
func (q *queries) listSearched(ctx context.Context, lw listWhere, cols, tail string, pargs []any) (AssetPage, error) {
	var page AssetPage
	cte := "WITH m AS MATERIALIZED (SELECT id FROM assets WHERE " + lw.search + ") "
	where := lw.clause("a.id IN (SELECT id FROM m)")
	args := append(append(append(append([]any{}, lw.searchArgs...), lw.args...), lw.args...), pargs...)
	rows, err := q.query(ctx, cte+"SELECT "+cols+", (SELECT COUNT(*) FROM assets a"+where+") FROM assets a"+where+tail, args...)
	if err != nil {
		return page, fmt.Errorf("list assets: %w", err)
	}
	err = scanEach(rows, func(s scanner) error {
		a, err := scanAsset(extraCols{s, []any{&page.Total}})
		if err == nil {
			page.Assets = append(page.Assets, *a)
		}
		return err
	})
	if err != nil {
		return page, fmt.Errorf("list assets: %w", err)
	}
	if len(page.Assets) == 0 {
		// No row to carry the total (none matched, or the page is past the end).
		args := append(append([]any{}, lw.searchArgs...), lw.args...)
		if err := q.queryRow(ctx, cte+"SELECT COUNT(*) FROM assets a"+where, args...).Scan(&page.Total); err != nil {
			return page, fmt.Errorf("count assets: %w", err)
		}
	}
	return page, nil
}

// prefixed qualifies every column of a comma-separated list.
func prefixed(p, cols string) string {
	parts := strings.Split(cols, ",")
	for i, c := range parts {
		parts[i] = p + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
