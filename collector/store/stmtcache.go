package store

import (
	"context"
	"database/sql"
)

// stmtCacheMax bounds the prepared statements kept for the SQLite writer.
// Queries with a variable number of placeholders (IN lists, multi-row
// inserts) have many texts; the bound keeps them from growing the cache
// for ever.
const stmtCacheMax = 512

// stmtCache keeps the SQLite writer's prepared statements across batches.
// Statements are prepared on the writer's single connection between
// batches (while a batch runs, its transaction holds that connection), and
// a transaction reuses them through Tx.StmtContext, which finds the
// statement already prepared on its own connection. A text is prepared on
// its second sighting, so one-off texts never take a place. Only the
// batcher's goroutine uses a stmtCache.
type stmtCache struct {
	db       *sql.DB
	prepared map[string]*sql.Stmt
	seen     map[string]int // texts run unprepared, and how often
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, prepared: map[string]*sql.Stmt{}, seen: map[string]int{}}
}

// get returns the prepared statement of q, or nil (and notes q) if it has
// none yet.
func (c *stmtCache) get(q string) *sql.Stmt {
	if st, ok := c.prepared[q]; ok {
		return st
	}
	if len(c.prepared) < stmtCacheMax {
		c.seen[q]++
	}
	return nil
}

// prepareSeen prepares the texts run at least twice. A text that fails to
// prepare is dropped: it will simply keep running unprepared.
func (c *stmtCache) prepareSeen() {
	for q, n := range c.seen {
		if n < 2 || len(c.prepared) >= stmtCacheMax {
			continue
		}
		delete(c.seen, q)
		st, err := c.db.PrepareContext(context.Background(), q)
		if err != nil {
			continue
		}
		c.prepared[q] = st
	}
	if len(c.seen) > 4*stmtCacheMax {
		clear(c.seen) // mostly one-off texts: forget them
	}
}

func (c *stmtCache) close() {
	for q, st := range c.prepared {
		_ = st.Close()
		delete(c.prepared, q)
	}
}
