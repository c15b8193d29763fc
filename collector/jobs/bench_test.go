package jobs_test

import (
	"context"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// BenchmarkQueue measures one job's life in the queue (enqueue, claim,
// complete) with 1000 jobs already waiting, on each dialect.
func BenchmarkQueue(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			st := storetest.Open(b, d)
			q, _ := store.Jobs(st)
			ctx := context.Background()
			later := time.Now().Add(time.Hour) // waiting, never due here
			for range 1000 {
				if err := q.EnqueueJob(ctx, &store.Job{Kind: "bench", RunAt: later}); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for b.Loop() {
				j := &store.Job{Kind: "bench"}
				if err := q.EnqueueJob(ctx, j); err != nil {
					b.Fatal(err)
				}
				got, err := q.ClaimJob(ctx, []string{"bench"}, "w", time.Now(), time.Minute)
				if err != nil {
					b.Fatal(err)
				}
				if err := q.CompleteJob(ctx, got.ID, "w", time.Now()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
