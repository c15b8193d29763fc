package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ErrBackupUnsupported is returned by Backup on PostgreSQL, whose own tools
// (pg_dump, base backups) are the right way to copy it.
var ErrBackupUnsupported = errors.New("backup of PostgreSQL is done with pg_dump (for example `pg_dump -Fc -f parc.dump DSN`), not by parc-collector")

// Options say which database to open.
type Options struct {
	// DSN is "postgres://..." (or "postgresql://...") for PostgreSQL; any
	// other value is a SQLite file path.
	DSN string
}

// Open opens the database named by opts.DSN without migrating it.
func Open(ctx context.Context, opts Options) (Store, error) {
	if IsPostgres(opts.DSN) {
		return openPostgres(ctx, opts.DSN)
	}
	return openSQLite(ctx, opts.DSN)
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// sqlStore is the Store shared by both dialects.
type sqlStore struct {
	queries
	reader, writer *sql.DB
	closers        []func() error
	backup         func(ctx context.Context, path string) error
	batch          *batcher // SQLite group commit; nil on PostgreSQL
}

func (s *sqlStore) Dialect() string { return s.d.name }

func (s *sqlStore) Ping(ctx context.Context) error {
	if err := s.writer.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", s.d.name, err)
	}
	return nil
}

func (s *sqlStore) Close() error {
	var errs []error
	for _, c := range s.closers {
		errs = append(errs, c())
	}
	return errors.Join(errs...)
}

func (s *sqlStore) Backup(ctx context.Context, path string) error {
	return s.backup(ctx, path)
}

// WithTx runs fn in a transaction on the writer; on SQLite, concurrent
// calls share one commit (see batcher).
func (s *sqlStore) WithTx(ctx context.Context, fn func(q Queries) error) (err error) {
	if s.batch != nil {
		return s.batch.do(ctx, fn)
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
	}()
	if err := fn(&queries{d: s.d, r: tx, w: tx, inTx: true}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// QueryDB is the raw read access tests use to inspect the schema.
type QueryDB interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// DB gives tests raw read access to the database.
func (s *sqlStore) DB() QueryDB { return s.reader }
