package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// openBatchTest opens a SQLite store with a table t(x) to write to.
func openBatchTest(t *testing.T) *sqlStore {
	t.Helper()
	ctx := context.Background()
	st, err := openSQLite(ctx, filepath.Join(t.TempDir(), "parc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := st.(*sqlStore)
	if _, err := s.writer.ExecContext(ctx, "CREATE TABLE t (x INTEGER NOT NULL UNIQUE)"); err != nil {
		t.Fatal(err)
	}
	return s
}

func insertX(x int) func(q Queries) error {
	return func(q Queries) error {
		_, err := q.(*queries).exec(context.Background(), "INSERT INTO t (x) VALUES (?)", x)
		return err
	}
}

func countX(t *testing.T, s *sqlStore) int {
	t.Helper()
	var n int
	if err := s.reader.QueryRow("SELECT COUNT(*) FROM t").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBatchAnswersAfterSync checks a transaction is acknowledged only once
// the write-ahead log was flushed: an acknowledged write survives a power cut.
func TestBatchAnswersAfterSync(t *testing.T) {
	s := openBatchTest(t)
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	s.batch.sync.syncFn = func() error {
		once.Do(func() { close(entered) })
		<-release
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- s.WithTx(context.Background(), insertX(1)) }()
	<-entered
	select {
	case err := <-done:
		t.Fatalf("got an answer (%v) before the log was flushed; want none until then", err)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatalf("got %v; want nil", err)
	}
	if n := countX(t, s); n != 1 {
		t.Fatalf("got %d rows; want 1", n)
	}
}

// TestBatchSyncError checks a failed flush is reported to the caller,
// who then retries (a resent report is answered from processed_reports).
func TestBatchSyncError(t *testing.T) {
	s := openBatchTest(t)
	s.batch.sync.syncFn = func() error { return errors.New("disk on fire") }
	err := s.WithTx(context.Background(), insertX(1))
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("got %v; want the flush error", err)
	}
}

// TestBatchRollsBackOneCall checks concurrent calls share commits, a
// failing call undoes only its own writes, and the real flush works.
func TestBatchRollsBackOneCall(t *testing.T) {
	s := openBatchTest(t)
	const n = 40
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := i
			if i%10 == 9 {
				x = i - 1 // a duplicate of its neighbour: one of the two fails
			}
			errs[i] = s.WithTx(context.Background(), func(q Queries) error {
				if err := insertX(1000 + i)(q); err != nil {
					return err
				}
				return insertX(x)(q)
			})
		}()
	}
	wg.Wait()
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
		}
	}
	if failed != 4 {
		t.Fatalf("got %d failed calls; want 4 (one per duplicate)", failed)
	}
	if got := countX(t, s); got != 2*(n-failed) {
		t.Fatalf("got %d rows; want %d: a failed call must leave no row and the others all theirs", got, 2*(n-failed))
	}
}

// TestStmtCacheReuse checks a statement run in several batches is
// prepared once and still gives the right results.
func TestStmtCacheReuse(t *testing.T) {
	s := openBatchTest(t)
	for i := range 5 {
		if err := s.WithTx(context.Background(), insertX(i)); err != nil {
			t.Fatal(err)
		}
	}
	// The loop prepares after answering; a sixth call orders after it.
	if err := s.WithTx(context.Background(), insertX(5)); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.batch.stmts.prepared["INSERT INTO t (x) VALUES (?)"]; !ok {
		t.Fatalf("got no prepared statement for the repeated INSERT; want one")
	}
	if n := countX(t, s); n != 6 {
		t.Fatalf("got %d rows; want 6", n)
	}
}

// TestSQLiteMmap checks the reader and the writer read the file through a
// memory map (see sqliteMmapSize), and the point readers of agent
// requests do not (see sqlitePointDriver).
func TestSQLiteMmap(t *testing.T) {
	s := openBatchTest(t)
	for name, c := range map[string]struct {
		db interface {
			QueryRowContext(context.Context, string, ...any) *sql.Row
		}
		want int64
	}{"reader": {s.reader, sqliteMmapSize}, "writer": {s.writer, sqliteMmapSize}, "point reader": {s.pr, 0}} {
		var n int64
		if err := c.db.QueryRowContext(context.Background(), "PRAGMA mmap_size").Scan(&n); err != nil || n != c.want {
			t.Errorf("%s: got mmap_size %d (%v); want %d", name, n, err, c.want)
		}
	}
}
