// Package storetest is the store conformance suite, run on SQLite and on
// PostgreSQL, and the helpers that open a fresh, migrated test database of
// either dialect for other packages' tests.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver for the admin connection

	"github.com/parcproject/parc/collector/store"
)

// PostgresURL is the test server: PARC_TEST_POSTGRES, or the local
// PostgreSQL's "test" database with trust authentication.
func PostgresURL() string {
	if u := os.Getenv("PARC_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// Dialects are the names accepted by Open.
var Dialects = []string{"sqlite", "postgres"}

// Open returns a fresh, migrated store of the dialect, removed when the
// test ends.
func Open(t testing.TB, dialect string) store.Store {
	t.Helper()
	st := OpenEmpty(t, dialect)
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatalf("migrate %s: %v", dialect, err)
	}
	return st
}

// OpenEmpty returns a fresh store without any migration applied.
func OpenEmpty(t testing.TB, dialect string) store.Store {
	t.Helper()
	var dsn string
	switch dialect {
	case "sqlite":
		dsn = filepath.Join(t.TempDir(), "parc.db")
	case "postgres":
		dsn = postgresSchema(t)
	default:
		t.Fatalf("unknown dialect %q", dialect)
	}
	st, err := store.Open(context.Background(), store.Options{DSN: dsn})
	if err != nil {
		t.Fatalf("open %s: %v", dialect, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var (
	pgOnce sync.Once
	pgErr  error
)

// postgresSchema creates a schema of its own for the test and returns a DSN
// whose search_path points at it; the schema is dropped at cleanup.
func postgresSchema(t testing.TB) string {
	t.Helper()
	pgOnce.Do(func() { pgErr = ensurePostgres() })
	if pgErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required in CI: %v", pgErr)
		}
		t.Skipf("PostgreSQL not reachable (%v); set PARC_TEST_POSTGRES or start it with pg_ctlcluster", pgErr)
	}
	admin, err := sql.Open("pgx", PostgresURL())
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "parc_t_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", PostgresURL())
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer db.Close()
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(PostgresURL())
	if err != nil {
		t.Fatalf("parse %s: %v", PostgresURL(), err)
	}
	qv := u.Query()
	qv.Set("search_path", schema)
	u.RawQuery = qv.Encode()
	return u.String()
}

// ensurePostgres checks the server answers, starting the local cluster if
// it does not, and creates the test database if it is missing.
func ensurePostgres() error {
	if err := pingPostgres(PostgresURL()); err == nil {
		return nil
	} else if strings.Contains(err.Error(), "does not exist") {
		return createTestDB()
	}
	if vers, _ := filepath.Glob("/etc/postgresql/*"); len(vers) > 0 && os.Getenv("PARC_TEST_POSTGRES") == "" {
		cmd := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", filepath.Base(vers[0]), "main", "start")
		out, err := cmd.CombinedOutput()
		if err != nil && !strings.Contains(string(out), "already running") {
			return fmt.Errorf("start PostgreSQL: %v: %s", err, out)
		}
	}
	var err error
	for i := 0; i < 50; i++ {
		if err = pingPostgres(PostgresURL()); err == nil {
			return nil
		}
		if strings.Contains(err.Error(), "does not exist") {
			return createTestDB()
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}

func pingPostgres(dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return db.PingContext(ctx)
}

func createTestDB() error {
	u, err := url.Parse(PostgresURL())
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE DATABASE "` + name + `"`); err != nil && !strings.Contains(err.Error(), "already exists") {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return pingPostgres(PostgresURL())
}
