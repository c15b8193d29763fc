package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// waitJob polls job id until it reaches state, or fails the test after a
// generous deadline.
func waitJob(t *testing.T, q store.JobQueries, id int64, state string) *store.Job {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		j, err := q.GetJob(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if j.State == state {
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %d is %s (%s); want %s", id, j.State, j.LastError, state)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestWorker(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	q, _ := store.Jobs(st)
	w, err := jobs.NewWorker(st, quiet, jobs.WorkerOptions{Poll: 20 * time.Millisecond, Backoff: func(int) time.Duration { return 0 }})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	calls := map[string]int{}
	w.Handle("ok", func(_ context.Context, j *store.Job) error {
		mu.Lock()
		defer mu.Unlock()
		calls[j.Payload]++
		return nil
	})
	w.Handle("flaky", func(_ context.Context, j *store.Job) error {
		if j.Attempts < 3 {
			return errors.New("not yet")
		}
		return nil
	})
	w.Handle("bad", func(context.Context, *store.Job) error { return jobs.Permanent(errors.New("no such run")) })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()

	okID, err := jobs.Enqueue(ctx, q, "ok", map[string]int{"n": 1}, time.Time{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	flaky, _ := jobs.Enqueue(ctx, q, "flaky", nil, time.Time{}, 5)
	bad, _ := jobs.Enqueue(ctx, q, "bad", nil, time.Time{}, 5)
	w.Wake()
	waitJob(t, q, okID, store.JobDone)
	if j := waitJob(t, q, flaky, store.JobDone); j.Attempts != 3 {
		t.Errorf("flaky job done after %d attempts; want 3", j.Attempts)
	}
	if j := waitJob(t, q, bad, store.JobFailed); j.Attempts != 1 || j.LastError != "no such run" {
		t.Errorf("got %+v; want failed on its first attempt with the handler's error", j)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls[`{"n":1}`] != 1 {
		t.Errorf("got calls %v; want the ok job once", calls)
	}
}

// TestWorkerShutdown cancels the worker while a job runs past the grace
// period: the job goes back to the queue, attempt uncounted.
func TestWorkerShutdown(t *testing.T) {
	st := storetest.Open(t, "sqlite")
	q, _ := store.Jobs(st)
	w, _ := jobs.NewWorker(st, quiet, jobs.WorkerOptions{Poll: 20 * time.Millisecond, Grace: 50 * time.Millisecond})
	started := make(chan struct{})
	w.Handle("long", func(ctx context.Context, _ *store.Job) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	id, _ := jobs.Enqueue(context.Background(), q, "long", nil, time.Time{}, 3)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	<-started
	cancel()
	<-done
	j, err := q.GetJob(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if j.State != store.JobQueued || j.Attempts != 0 || j.LeaseOwner != "" {
		t.Errorf("got %+v; want queued again, no attempt counted, no lease", j)
	}
}
