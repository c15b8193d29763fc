package store

// pageClause returns the " ORDER BY ... LIMIT ? OFFSET ?" tail of a list
// query and its two arguments. sort is looked up in keys (column names we
// wrote, never user text), falling back to def; idCol breaks ties so pages
// are stable. limit defaults to 50 and is capped at 1000.
func pageClause(keys map[string]string, sort, def, idCol string, desc bool, limit, offset int) (string, []any) {
	col, ok := keys[sort]
	if !ok {
		col = def
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 1000)
	return " ORDER BY " + col + " " + dir + ", " + idCol + " " + dir + " LIMIT ? OFFSET ?", []any{limit, max(offset, 0)}
}
