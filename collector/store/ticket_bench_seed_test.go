package store_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// The helpdesk benchmarks' park: 100,000 tickets over about 70 days,
// 10,000 users (50 technicians in 10 groups), 20 locations and
// categories, 10,000 computers; every ticket has a requester, most an
// assignee, half a linked computer.
const (
	benchTickets = 100_000
	benchUsers   = 10_000
	benchStaff   = 50
	benchAssets  = 10_000
	// benchSeedVersion names the cached SQLite file: change it when the
	// seed changes.
	benchSeedVersion = 3
)

// benchSeedSQL fills an empty, migrated database. It is the same SQL for
// both dialects (recursive CTEs, integer arithmetic), so the two measure
// the same data; "ids" stands for the sequence 1..N of each statement.
var benchSeedSQL = []string{
	`WITH RECURSIVE ids(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM ids WHERE i < 20)
	INSERT INTO locations (id, parent_id, name) SELECT i, NULL, 'Site ' || i FROM ids`,
	`WITH RECURSIVE ids(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM ids WHERE i < 20)
	INSERT INTO itil_categories (id, parent_id, name) SELECT i, NULL, 'Category ' || i FROM ids`,
	`WITH RECURSIVE ids(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM ids WHERE i < 10)
	INSERT INTO user_groups (id, name, created_at) SELECT i, 'Group ' || i, 1700000000000 FROM ids`,
	fmt.Sprintf(`WITH RECURSIVE ids(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM ids WHERE i < %d)
	INSERT INTO users (id, login, name, role, password_hash, created_at, location_id)
	SELECT i, 'user' || i, 'User ' || i, CASE WHEN i <= %d THEN 'technician' ELSE 'self-service' END, 'x',
	1700000000000, 1 + i %% 20 FROM ids`, benchUsers, benchStaff),
	fmt.Sprintf(`WITH RECURSIVE ids(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM ids WHERE i < %d)
	INSERT INTO user_group_members (group_id, user_id) SELECT 1 + i %% 10, i FROM ids`, benchStaff),
	fmt.Sprintf(`WITH RECURSIVE ids(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM ids WHERE i < %d)
	INSERT INTO assets (id, type, name, location_id, created_at, updated_at)
	SELECT i, 'computer', 'PC-' || i, 1 + (i * 7) %% 20, 1700000000000, 1700000000000 FROM ids`, benchAssets),
	// h1 and h2 spread each ticket's attributes so that no two are
	// correlated (a status must not imply a category or a group).
	fmt.Sprintf(`WITH RECURSIVE ids(i) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT i + 1 FROM ids WHERE i < %[1]d),
	h(i, h1, h2) AS (SELECT i, (i * 7919) %% 10007, (i * 104729) %% 10009 FROM ids),
	t(i, h1, h2, title, status, opened) AS (SELECT i, h1, h2,
		CASE h2 %% 6 WHEN 0 THEN 'Printer jam' WHEN 1 THEN 'Screen flickers' WHEN 2 THEN 'Cannot log in'
		WHEN 3 THEN 'Outlook crashes' WHEN 4 THEN 'New keyboard' ELSE 'VPN down' END || ' ' || i,
		CASE WHEN h1 %% 10 < 4 THEN 6 WHEN h1 %% 10 < 5 THEN 5 WHEN h1 %% 10 < 6 THEN 4 WHEN h1 %% 10 < 7 THEN 1 ELSE 2 END,
		1760000000000 - (%[1]d - i) * 60000 FROM h)
	INSERT INTO tickets (id, title, content, type, status, urgency, impact, priority, category_id, approval, created_by,
		search_text, opened_at, taken_at, solved_at, closed_at, due_at, updated_at, requester_sort, assignee_sort)
	SELECT i, title, 'Reported from office ' || (h1 %% 300) || ': what was tried and what happens.', 1 + h2 %% 2, status,
		1 + (h1 / 10) %% 5, 1 + (h2 / 20) %% 5, 1 + (h1 / 50) %% 5, 1 + (h2 / 7) %% 20, CASE WHEN status = 5 THEN 2 ELSE 1 END,
		%[2]d + 1 + (i * 7919) %% %[3]d,
		lower(title || ' reported from office ' || (h1 %% 300) || ': what was tried and what happens.'), opened,
		CASE WHEN status <> 1 THEN opened + 600000 END, CASE WHEN status >= 5 THEN opened + 86400000 END,
		CASE WHEN status = 6 THEN opened + 172800000 END, CASE WHEN h2 %% 7 = 0 THEN opened + 259200000 END,
		opened + (h2 %% 1000) * 60000,
		-- The sort keys the actors below give (migration 0019), written
		-- here so their triggers find them right rather than rewrite
		-- every ticket twice.
		'user ' || (%[2]d + 1 + (i * 7919) %% %[3]d),
		CASE WHEN status <> 1 THEN CASE WHEN i %% 3 <> 0 THEN 'user ' || (1 + (i * 17) %% 50) ELSE 'group ' || (1 + (i / 3) %% 10) END END
		FROM t`, benchTickets, benchStaff, benchUsers-benchStaff),
	`INSERT INTO ticket_actors (ticket_id, kind, user_id, group_id) SELECT id, 1, created_by, NULL FROM tickets`,
	`INSERT INTO ticket_actors (ticket_id, kind, user_id, group_id)
	SELECT id, 2, CASE WHEN id % 3 <> 0 THEN 1 + (id * 17) % 50 END, CASE WHEN id % 3 = 0 THEN 1 + (id / 3) % 10 END
	FROM tickets WHERE status <> 1`,
	fmt.Sprintf(`INSERT INTO ticket_assets (ticket_id, asset_id) SELECT id, 1 + (id * 31) %% %d FROM tickets WHERE id %% 2 = 0`, benchAssets),
}

// benchStore returns a store holding the benchmarks' park. SQLite's is
// seeded once and cached under ~/.cache/parc (a copy is opened, so runs
// never see each other's writes); PostgreSQL's lives in a schema of its
// own, created here and dropped when b ends.
func benchStore(b *testing.B, dialect string) store.Store {
	b.Helper()
	ctx := context.Background()
	var dsn string
	switch dialect {
	case "sqlite":
		dsn = filepath.Join(b.TempDir(), "parc.db")
		copyFile(b, cachedSQLite(b), dsn)
	case "postgres":
		dsn = benchSchema(b)
	}
	st, err := store.Open(ctx, store.Options{DSN: dsn})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if dialect == "postgres" {
		seed(b, "pgx", dsn)
		// What autovacuum does some time after a bulk load: planner
		// statistics and the visibility map (see tools/loadgen).
		db, _ := sql.Open("pgx", dsn)
		defer db.Close()
		if _, err := db.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return st
}

// cachedSQLite is the path of the seeded SQLite file, made if missing.
func cachedSQLite(b *testing.B) string {
	b.Helper()
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "parc")
	// The name changes with the schema (every migration's text) and the
	// seed, so a stale file is never measured.
	ms, err := store.Migrations("sqlite")
	if err != nil {
		b.Fatal(err)
	}
	h := sha256.New()
	for _, m := range ms {
		io.WriteString(h, m.SQL)
	}
	path := filepath.Join(dir, fmt.Sprintf("bench-tickets-%x-s%d.db", h.Sum(nil)[:6], benchSeedVersion))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := filepath.Join(b.TempDir(), "seed.db")
	st, err := store.Open(context.Background(), store.Options{DSN: tmp})
	if err != nil {
		b.Fatal(err)
	}
	if err := st.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	seed(b, "sqlite3", tmp)
	if err := st.Backup(context.Background(), path+".part"); err != nil {
		b.Fatal(err)
	}
	st.Close()
	if err := os.Rename(path+".part", path); err != nil {
		b.Fatal(err)
	}
	// Files of older schemas or seeds are never read again.
	old, _ := filepath.Glob(filepath.Join(dir, "bench-tickets-*.db"))
	for _, f := range old {
		if f != path {
			os.Remove(f)
		}
	}
	return path
}

// seed runs benchSeedSQL in one transaction.
func seed(b *testing.B, driver, dsn string) {
	b.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	for i, q := range benchSeedSQL {
		if _, err := tx.Exec(q); err != nil {
			tx.Rollback()
			b.Fatalf("seed statement %d: %v", i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// benchSchema creates a PostgreSQL schema for the benchmark, dropped at
// the end, and returns a DSN that uses it.
func benchSchema(b *testing.B) string {
	b.Helper()
	storetest.Open(b, "postgres").Close() // starts or checks the server, as the tests do
	admin, err := sql.Open("pgx", storetest.PostgresURL())
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	buf := make([]byte, 6)
	rand.Read(buf)
	schema := "parc_bench_" + hex.EncodeToString(buf)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		db, err := sql.Open("pgx", storetest.PostgresURL())
		if err == nil {
			_, err = db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
		if err != nil {
			b.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(storetest.PostgresURL())
	if err != nil {
		b.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
