package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPointReadAfterWrite is an agent's token lookup on SQLite while
// reports are being written: one committed write, then one lookup, b.N
// times, through the mmap'd read pool and through the point pool that
// agent requests use (see sqlitePointDriver). read-us/op is the lookup
// alone.
func BenchmarkPointReadAfterWrite(b *testing.B) {
	ctx := context.Background()
	st, err := openSQLite(ctx, filepath.Join(b.TempDir(), "parc.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s := st.(*sqlStore)
	if err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	const agents = 1000
	for i := range agents {
		if err := s.CreateAgent(ctx, &Agent{DeviceID: fmt.Sprint("pc-", i), TokenHash: fmt.Sprint("hash-", i)}); err != nil {
			b.Fatal(err)
		}
	}
	for _, pool := range []struct {
		name string
		db   dbtx
	}{{"mmap_reader", s.reader}, {"point_reader", s.pr}} {
		b.Run(pool.name, func(b *testing.B) {
			q := s.queries
			q.pr = pool.db
			var read time.Duration
			for i := 0; b.Loop(); i++ {
				err := s.WithTx(ctx, func(tx Queries) error {
					return tx.TouchAgentContact(ctx, int64(i%agents+1), time.Now(), "")
				})
				if err != nil {
					b.Fatal(err)
				}
				t := time.Now()
				if _, err := q.GetAgentByTokenHash(ctx, fmt.Sprint("hash-", i*7%agents)); err != nil {
					b.Fatal(err)
				}
				read += time.Since(t)
			}
			b.ReportMetric(float64(read.Microseconds())/float64(b.N), "read-us/op")
		})
	}
}
