package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// Schema describes the store's tables and columns as sorted text, to compare
// a migrated database with a fresh one.
func Schema(t testing.TB, st store.Store) string {
	t.Helper()
	var query string
	if st.Dialect() == "postgres" {
		query = `SELECT table_name, column_name || ' ' || data_type || ' ' || is_nullable
			FROM information_schema.columns WHERE table_schema = current_schema()`
	} else {
		query = `SELECT m.name, p.name || ' ' || p.type || ' ' || p."notnull"
			FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'`
	}
	db := st.(interface{ DB() QueryDB }).DB()
	rows, err := db.QueryContext(context.Background(), query)
	if err != nil {
		t.Fatalf("read schema: %v", err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatalf("read schema: %v", err)
		}
		lines = append(lines, fmt.Sprintf("%s.%s", table, col))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read schema: %v", err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// QueryDB is the read access Schema needs.
type QueryDB = store.QueryDB
