package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// dbtx is what *sql.DB and *sql.Tx have in common.
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// dialect holds the few things that differ between SQLite and PostgreSQL.
type dialect struct {
	name       string
	dollar     bool // placeholders are $1, $2... instead of ?
	isConflict func(error) bool
	cache      sync.Map // query text -> rebound text
}

// rebind rewrites "?" placeholders to "$n" for PostgreSQL. Queries in this
// package never contain a literal "?" inside a string.
func (d *dialect) rebind(q string) string {
	if !d.dollar {
		return q
	}
	if v, ok := d.cache.Load(q); ok {
		return v.(string)
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	out := b.String()
	d.cache.Store(q, out)
	return out
}

// queries implements Queries on a reader and a writer handle: the same
// *sql.Tx inside a transaction; for SQLite outside one, the read pool and
// the single writer connection.
type queries struct {
	d    *dialect
	r, w dbtx
	inTx bool
	// pr serves the point reads of every agent request (the token lookup,
	// the contact's task check) outside a transaction: on SQLite, read
	// connections without the memory map that large scans use (see
	// sqlitePointDriver); nil elsewhere, and r serves them.
	pr dbtx
	// swCache holds catalogue IDs in SQLite batch transactions; nil
	// elsewhere.
	swCache *softwareCache
}

func (q *queries) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return q.w.ExecContext(ctx, q.d.rebind(query), args...)
}

func (q *queries) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.r.QueryContext(ctx, q.d.rebind(query), args...)
}

func (q *queries) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return q.r.QueryRowContext(ctx, q.d.rebind(query), args...)
}

// pointRow is queryRow for a point read on an agent request's path.
func (q *queries) pointRow(ctx context.Context, query string, args ...any) *sql.Row {
	if q.pr == nil {
		return q.queryRow(ctx, query, args...)
	}
	return q.pr.QueryRowContext(ctx, q.d.rebind(query), args...)
}

// writeRow runs a writing statement that returns one row (INSERT ... RETURNING).
func (q *queries) writeRow(ctx context.Context, query string, args ...any) *sql.Row {
	return q.w.QueryRowContext(ctx, q.d.rebind(query), args...)
}

// conflict maps a uniqueness violation to ErrConflict.
func (q *queries) conflict(err error, what string) error {
	if err != nil && q.d.isConflict(err) {
		return fmt.Errorf("%s: %w", what, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// notFound maps sql.ErrNoRows to ErrNotFound.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// mustAffect returns ErrNotFound when an UPDATE or DELETE touched no row.
func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, ErrNotFound)
	}
	return nil
}

// ms converts a time to stored milliseconds; the zero time is NULL.
func ms(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// fromMS converts stored milliseconds back; NULL is the zero time.
func fromMS(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMilli(v.Int64).UTC()
}

// nullID stores 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullStr stores "" as NULL, for keys that must never match when empty.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// placeholders returns "?,?,?" for n values.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface {
	Scan(dest ...any) error
}
