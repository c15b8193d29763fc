package jobs_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// TestTwoCollectorsOnePostgres runs two collectors' schedulers and workers,
// each on its own connection pool, on one PostgreSQL: every occurrence of
// a schedule is enqueued once and its job runs once.
func TestTwoCollectorsOnePostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	var stores []store.Store
	for range 2 {
		st, err := store.Open(ctx, store.Options{DSN: dsn})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, st)
	}
	q0, _ := store.Jobs(stores[0])
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if err := jobs.PutSchedule(ctx, q0, "snmp.job:1", "tick", map[string]int{"job_id": 1}, "every 1m", start.Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	var runs atomic.Int64
	var perJob sync.Map
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var scheds []*jobs.Scheduler
	for i, st := range stores {
		w, err := jobs.NewWorker(st, quiet, jobs.WorkerOptions{Owner: []string{"collector-a", "collector-b"}[i], Slots: 3, Poll: 10 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		w.Handle("tick", func(_ context.Context, j *store.Job) error {
			runs.Add(1)
			n, _ := perJob.LoadOrStore(j.ID, new(atomic.Int64))
			n.(*atomic.Int64).Add(1)
			return nil
		})
		wg.Add(1)
		go func() { defer wg.Done(); w.Run(wctx) }()
		scheds = append(scheds, jobs.NewScheduler(st, quiet, time.Hour))
	}
	// Five occurrences; at each, both collectors tick at the same instant.
	const occurrences = 5
	var enqueued atomic.Int64
	for k := range occurrences {
		now := start.Add(time.Duration(k) * time.Minute)
		var tw sync.WaitGroup
		for _, s := range scheds {
			tw.Add(1)
			go func() {
				defer tw.Done()
				n, err := s.Tick(ctx, now)
				if err != nil {
					t.Error(err)
				}
				enqueued.Add(int64(n))
			}()
		}
		tw.Wait()
	}
	deadline := time.Now().Add(20 * time.Second)
	for runs.Load() < occurrences && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	if got := enqueued.Load(); got != occurrences {
		t.Errorf("enqueued %d occurrences; want %d", got, occurrences)
	}
	if got := runs.Load(); got != occurrences {
		t.Errorf("ran %d jobs; want %d", got, occurrences)
	}
	perJob.Range(func(id, n any) bool {
		if c := n.(*atomic.Int64).Load(); c != 1 {
			t.Errorf("job %v ran %d times; want once", id, c)
		}
		return true
	})
}
