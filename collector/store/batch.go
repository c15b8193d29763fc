package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// maxBatch bounds the transactions grouped into one SQLite commit.
const maxBatch = 64

// batcher is SQLite's group commit. SQLite has one writer and a durable
// commit waits for an fsync, which costs more than a typical report's
// writes. So concurrent WithTx calls are queued, and one goroutine runs
// each queued batch in a single transaction, every call in its own
// SAVEPOINT (a failing call rolls back only its own writes), then commits
// once. The commit itself does not wait for the disk: the walSyncer
// flushes the write-ahead log while the next batch already runs, and only
// then answers the batch's callers. So an acknowledged report is durable,
// and the writer never sits idle during an fsync. Under no load a batch is
// a single call, so latency does not change.
type batcher struct {
	db    *sql.DB
	d     *dialect
	jobs  chan *txJob
	stmts *stmtCache // owned by the loop goroutine
	sw    *softwareCache
	sync  *walSyncer
	done  chan struct{}
}

type txJob struct {
	ctx  context.Context
	fn   func(q Queries) error
	done chan error
}

func newBatcher(db *sql.DB, d *dialect, sync *walSyncer) *batcher {
	b := &batcher{db: db, d: d, jobs: make(chan *txJob, maxBatch), stmts: newStmtCache(db), sw: newSoftwareCache(), sync: sync,
		done: make(chan struct{})}
	go b.loop()
	return b
}

// close stops the loop once the queue is drained, and waits until the last
// batch is on disk and answered, so the database is closed only then.
func (b *batcher) close() {
	close(b.jobs)
	<-b.done
	b.sync.close()
}

func (b *batcher) do(ctx context.Context, fn func(q Queries) error) error {
	job := &txJob{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case b.jobs <- job:
	case <-ctx.Done():
		return ctx.Err()
	}
	return <-job.done
}

func (b *batcher) loop() {
	defer close(b.done)
	for first := range b.jobs {
		batch := []*txJob{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case j, ok := <-b.jobs:
				if !ok {
					break drain
				}
				batch = append(batch, j)
			default:
				break drain
			}
		}
		errs, err := b.run(batch)
		if err != nil {
			for _, j := range batch {
				j.done <- err
			}
		} else {
			b.sync.answerAfterSync(batch, errs)
		}
		// Between batches the writer connection is free: prepare the
		// statements the last batches ran more than once.
		b.stmts.prepareSeen()
	}
	b.stmts.close()
}

// run executes and commits one batch, without waiting for the disk. It
// returns each call's error, or the error that failed the whole batch.
func (b *batcher) run(batch []*txJob) (errs []error, err error) {
	ctx := context.Background()
	// Hold the writer connection for the whole batch: its commit runs with
	// synchronous=NORMAL (the walSyncer makes it durable), and no other
	// write may slip in before synchronous is FULL again.
	conn, err := b.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("writer connection: %w", err)
	}
	defer func() {
		if _, rerr := conn.ExecContext(ctx, "PRAGMA synchronous = FULL"); rerr != nil {
			// A connection left without durable commits must not serve
			// another write: throw it away.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = fmt.Errorf("restore synchronous=FULL: %w", rerr)
			}
		}
		_ = conn.Close()
	}()
	if _, err := conn.ExecContext(ctx, "PRAGMA synchronous = NORMAL"); err != nil {
		return nil, fmt.Errorf("group commit: %w", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	btx := batchTx{tx: tx, stmts: b.stmts}
	q := &queries{d: b.d, r: btx, w: btx, inTx: true, swCache: b.sw}
	errs = make([]error, len(batch))
	for i, j := range batch {
		errs[i] = b.runOne(tx, q, j)
	}
	if err := tx.Commit(); err != nil {
		// The catalogue rows the batch wrote are gone: forget their IDs.
		b.sw.reset()
		return nil, fmt.Errorf("commit: %w", err)
	}
	return errs, nil
}

// runOne runs one call inside a savepoint of the batch's transaction.
func (b *batcher) runOne(tx *sql.Tx, q *queries, j *txJob) (err error) {
	if err := j.ctx.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(j.ctx, "SAVEPOINT parc_tx"); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("transaction panicked: %v", p)
		}
		if err != nil {
			// Undo this call's writes only; the batch goes on.
			if _, rerr := tx.Exec("ROLLBACK TO parc_tx"); rerr != nil {
				err = fmt.Errorf("%w (and rollback: %v)", err, rerr)
			}
		}
		if _, rerr := tx.Exec("RELEASE parc_tx"); rerr != nil && err == nil {
			err = fmt.Errorf("release savepoint: %w", rerr)
		}
	}()
	return j.fn(q)
}

// batchTx runs statements of a shared batch transaction without their
// caller's cancellation: interrupting SQLite mid-write could roll back the
// whole transaction, and with it the other callers' work. A cancelled
// caller is checked before its turn instead. Statements run through the
// cache of prepared statements: preparing costs as much as running most of
// the point queries and small writes of a report.
type batchTx struct {
	tx    *sql.Tx
	stmts *stmtCache
}

func (b batchTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	ctx = context.WithoutCancel(ctx)
	if st := b.stmts.get(q); st != nil {
		return b.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return b.tx.ExecContext(ctx, q, args...)
}

func (b batchTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	ctx = context.WithoutCancel(ctx)
	if st := b.stmts.get(q); st != nil {
		return b.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return b.tx.QueryContext(ctx, q, args...)
}

func (b batchTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	ctx = context.WithoutCancel(ctx)
	if st := b.stmts.get(q); st != nil {
		return b.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return b.tx.QueryRowContext(ctx, q, args...)
}
