package store

import (
	"context"
	"database/sql"
	"fmt"
)

// maxBatch bounds the transactions grouped into one SQLite commit.
const maxBatch = 64

// batcher is SQLite's group commit. SQLite has one writer and every commit
// waits for an fsync (synchronous=FULL), which costs more than a typical
// report's writes. So concurrent WithTx calls are queued, and one
// goroutine runs each queued batch in a single transaction, every call in
// its own SAVEPOINT (a failing call rolls back only its own writes), then
// commits once and answers every caller. A caller is answered only after
// the commit: an acknowledged report is durable. Under no load a batch is
// a single call, so latency does not change.
type batcher struct {
	db   *sql.DB
	d    *dialect
	jobs chan *txJob
}

type txJob struct {
	ctx  context.Context
	fn   func(q Queries) error
	done chan error
}

func newBatcher(db *sql.DB, d *dialect) *batcher {
	b := &batcher{db: db, d: d, jobs: make(chan *txJob, maxBatch)}
	go b.loop()
	return b
}

// close stops the loop once the queue is drained.
func (b *batcher) close() { close(b.jobs) }

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
		b.run(batch)
	}
}

// run executes one batch and answers its callers.
func (b *batcher) run(batch []*txJob) {
	errs := make([]error, len(batch))
	tx, err := b.db.BeginTx(context.Background(), nil)
	if err != nil {
		for _, j := range batch {
			j.done <- fmt.Errorf("begin: %w", err)
		}
		return
	}
	nc := noCancel{tx}
	q := &queries{d: b.d, r: nc, w: nc, inTx: true}
	for i, j := range batch {
		errs[i] = b.runOne(tx, q, j)
	}
	if err := tx.Commit(); err != nil {
		for _, j := range batch {
			j.done <- fmt.Errorf("commit: %w", err)
		}
		return
	}
	for i, j := range batch {
		j.done <- errs[i]
	}
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

// noCancel runs statements of a shared batch transaction without their
// caller's cancellation: interrupting SQLite mid-write could roll back the
// whole transaction, and with it the other callers' work. A cancelled
// caller is checked before its turn instead.
type noCancel struct{ tx *sql.Tx }

func (n noCancel) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return n.tx.ExecContext(context.WithoutCancel(ctx), q, args...)
}

func (n noCancel) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return n.tx.QueryContext(context.WithoutCancel(ctx), q, args...)
}

func (n noCancel) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return n.tx.QueryRowContext(context.WithoutCancel(ctx), q, args...)
}
