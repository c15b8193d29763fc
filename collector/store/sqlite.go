package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"

	"github.com/mattn/go-sqlite3"
)

// SQLite settings. synchronous=FULL makes every commit durable before it
// returns: a kill -9 or a power cut never loses an accepted report or an
// edit. (Batched transactions commit with NORMAL and are flushed by the
// walSyncer before they are answered: just as durable.) busy_timeout lets the admin commands run beside a serving
// collector.
const sqliteParams = "_journal_mode=WAL&_synchronous=FULL&_busy_timeout=10000&_foreign_keys=on"

func openSQLite(ctx context.Context, path string) (Store, error) {
	if path == "" {
		return nil, errors.New("open sqlite: empty database path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("open sqlite: %w", err)
		}
	}
	base := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + sqliteParams
	// One writer connection: SQLite allows one writer at a time, and
	// queuing in Go is cheaper than spinning on SQLITE_BUSY. BEGIN
	// IMMEDIATE takes the write lock up front so a transaction never has to
	// upgrade (and deadlock) half-way.
	writer, err := sql.Open(sqliteDriver, base+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxLifetime(0)
	reader, err := sql.Open(sqliteDriver, base+"&mode=ro&_query_only=true")
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	point, err := sql.Open(sqlitePointDriver, base+"&mode=ro&_query_only=true")
	if err != nil {
		writer.Close()
		reader.Close()
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	n := max(4, runtime.NumCPU())
	for _, db := range []*sql.DB{reader, point} {
		db.SetMaxOpenConns(n)
		db.SetMaxIdleConns(n)
	}
	// Create the file and switch it to WAL before readers open it read-only.
	if err := writer.PingContext(ctx); err != nil {
		writer.Close()
		reader.Close()
		point.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	d := &dialect{name: "sqlite", isConflict: sqliteConflict}
	s := &sqlStore{
		queries: queries{d: d, r: reader, w: writer, pr: point},
		reader:  reader, writer: writer,
	}
	s.backup = func(ctx context.Context, dst string) error { return sqliteBackup(ctx, writer, dst) }
	syncer := newWALSyncer(path)
	s.batch = newBatcher(writer, d, syncer)
	s.closers = []func() error{func() error { s.batch.close(); return nil }, reader.Close, point.Close, writer.Close, syncer.closeFile}
	return s, nil
}

func sqliteConflict(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
	}
	return false
}

// sqliteBackup writes a consistent online copy with VACUUM INTO, which
// reads one snapshot while the collector keeps serving.
func sqliteBackup(ctx context.Context, db *sql.DB, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file name", dst)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	return nil
}
