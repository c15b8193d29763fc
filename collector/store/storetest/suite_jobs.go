package storetest

import (
	"sync"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunJobs runs the conformance suite of store.JobQueries; open must
// return a fresh, migrated store.
func RunJobs(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, j store.JobQueries)
	}{
		{"ClaimOrder", testJobClaimOrder},
		{"FailRetry", testJobFailRetry},
		{"LeaseExpiry", testJobLeaseExpiry},
		{"ConcurrentClaims", testJobConcurrentClaims},
		{"Schedules", testJobSchedules},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			j, err := store.Jobs(st)
			must(t, err)
			tc.fn(t, st, j)
		})
	}
}

// jt0 is a fixed instant, so the tests never depend on the clock.
var jt0 = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func testJobClaimOrder(t *testing.T, _ store.Store, q store.JobQueries) {
	late := &store.Job{Kind: "a", Payload: `{"n":2}`, RunAt: jt0.Add(time.Minute)}
	early := &store.Job{Kind: "a", Payload: `{"n":1}`, RunAt: jt0}
	other := &store.Job{Kind: "b", RunAt: jt0}
	for _, j := range []*store.Job{late, early, other} {
		must(t, q.EnqueueJob(ctx, j))
	}
	got, err := q.ClaimJob(ctx, []string{"a"}, "w1", jt0.Add(2*time.Minute), time.Minute)
	must(t, err)
	if got.ID != early.ID || got.State != store.JobRunning || got.Attempts != 1 || got.LeaseOwner != "w1" || got.Payload != `{"n":1}` {
		t.Fatalf("got %+v; want job %d running, attempt 1, owned by w1", got, early.ID)
	}
	if !got.LeaseUntil.Equal(jt0.Add(3 * time.Minute)) {
		t.Errorf("got lease until %v; want %v", got.LeaseUntil, jt0.Add(3*time.Minute))
	}
	_, err = q.ClaimJob(ctx, []string{"a"}, "w1", jt0, time.Minute)
	wantErr(t, err, store.ErrNotFound) // late is not due at jt0
	wantErr(t, q.CompleteJob(ctx, early.ID, "w2", jt0), store.ErrNotFound)
	must(t, q.CompleteJob(ctx, early.ID, "w1", jt0.Add(3*time.Minute)))
	done, err := q.GetJob(ctx, early.ID)
	must(t, err)
	if done.State != store.JobDone || done.LeaseOwner != "" || done.FinishedAt.IsZero() {
		t.Errorf("got %+v; want done without a lease", done)
	}
	n, err := q.PruneJobs(ctx, jt0.Add(4*time.Minute))
	must(t, err)
	if n != 1 {
		t.Errorf("pruned %d jobs; want 1", n)
	}
}

func testJobFailRetry(t *testing.T, _ store.Store, q store.JobQueries) {
	j := &store.Job{Kind: "mail", RunAt: jt0, MaxAttempts: 2}
	must(t, q.EnqueueJob(ctx, j))
	_, err := q.ClaimJob(ctx, []string{"mail"}, "w", jt0, time.Minute)
	must(t, err)
	retry := jt0.Add(30 * time.Second)
	must(t, q.FailJob(ctx, j.ID, "w", jt0, "smtp: connection refused", retry))
	got, err := q.GetJob(ctx, j.ID)
	must(t, err)
	if got.State != store.JobQueued || !got.RunAt.Equal(retry) || got.LastError != "smtp: connection refused" || !got.FinishedAt.IsZero() {
		t.Fatalf("got %+v; want queued again at %v with the error", got, retry)
	}
	_, err = q.ClaimJob(ctx, []string{"mail"}, "w", jt0.Add(10*time.Second), time.Minute)
	wantErr(t, err, store.ErrNotFound) // backing off
	_, err = q.ClaimJob(ctx, []string{"mail"}, "w", retry, time.Minute)
	must(t, err)
	must(t, q.FailJob(ctx, j.ID, "w", retry, "still refused", retry.Add(time.Minute)))
	got, err = q.GetJob(ctx, j.ID)
	must(t, err)
	if got.State != store.JobFailed || got.Attempts != 2 || got.FinishedAt.IsZero() {
		t.Errorf("got %+v; want failed after its 2 attempts", got)
	}
}

func testJobLeaseExpiry(t *testing.T, _ store.Store, q store.JobQueries) {
	j := &store.Job{Kind: "sla", RunAt: jt0}
	must(t, q.EnqueueJob(ctx, j))
	_, err := q.ClaimJob(ctx, []string{"sla"}, "dead", jt0, time.Minute)
	must(t, err)
	must(t, q.ExtendJobLease(ctx, j.ID, "dead", jt0.Add(2*time.Minute)))
	_, err = q.ClaimJob(ctx, []string{"sla"}, "alive", jt0.Add(90*time.Second), time.Minute)
	wantErr(t, err, store.ErrNotFound) // the extended lease still holds
	got, err := q.ClaimJob(ctx, []string{"sla"}, "alive", jt0.Add(3*time.Minute), time.Minute)
	must(t, err)
	if got.ID != j.ID || got.LeaseOwner != "alive" || got.Attempts != 2 {
		t.Fatalf("got %+v; want job %d taken over by alive on attempt 2", got, j.ID)
	}
	wantErr(t, q.ExtendJobLease(ctx, j.ID, "dead", jt0.Add(time.Hour)), store.ErrNotFound)
	must(t, q.ReleaseJob(ctx, j.ID, "alive"))
	got, err = q.GetJob(ctx, j.ID)
	must(t, err)
	if got.State != store.JobQueued || got.Attempts != 1 {
		t.Errorf("got %+v; want queued with the released attempt uncounted", got)
	}
}

// testJobConcurrentClaims has eight workers claim twenty jobs at once: each
// job must be claimed exactly once.
func testJobConcurrentClaims(t *testing.T, _ store.Store, q store.JobQueries) {
	const jobs = 20
	for range jobs {
		must(t, q.EnqueueJob(ctx, &store.Job{Kind: "c", RunAt: jt0}))
	}
	var mu sync.Mutex
	seen := map[int64]int{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, err := q.ClaimJob(ctx, []string{"c"}, "w"+string(rune('0'+w)), jt0, time.Minute)
				if err != nil {
					return
				}
				mu.Lock()
				seen[j.ID]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(seen) != jobs {
		t.Errorf("claimed %d distinct jobs; want %d", len(seen), jobs)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("job %d claimed %d times; want once", id, n)
		}
	}
}

func testJobSchedules(t *testing.T, _ store.Store, q store.JobQueries) {
	s := &store.Schedule{Name: "snmp.job:1", Kind: "snmp.run", Payload: `{"job_id":1}`, Spec: "every 6h", NextRun: jt0}
	must(t, q.PutSchedule(ctx, s))
	must(t, q.PutSchedule(ctx, &store.Schedule{Name: "later", Kind: "x", Spec: "daily 02:30", NextRun: jt0.Add(time.Hour)}))
	due, err := q.DueSchedules(ctx, jt0)
	must(t, err)
	if len(due) != 1 || due[0].Name != s.Name || due[0].Payload != s.Payload || !due[0].NextRun.Equal(jt0) {
		t.Fatalf("got due %+v; want only %s", due, s.Name)
	}
	ok, err := q.AdvanceSchedule(ctx, s.Name, jt0, jt0.Add(6*time.Hour))
	must(t, err)
	again, err := q.AdvanceSchedule(ctx, s.Name, jt0, jt0.Add(6*time.Hour))
	must(t, err)
	if !ok || again {
		t.Errorf("advance twice from the same occurrence: got %v then %v; want true then false", ok, again)
	}
	got, err := q.GetSchedule(ctx, s.Name)
	must(t, err)
	if !got.NextRun.Equal(jt0.Add(6 * time.Hour)) {
		t.Errorf("got next run %v; want %v", got.NextRun, jt0.Add(6*time.Hour))
	}
	s.Spec, s.NextRun = "daily 03:00", jt0.Add(2*time.Hour)
	must(t, q.PutSchedule(ctx, s))
	if got, err = q.GetSchedule(ctx, s.Name); err != nil || got.Spec != "daily 03:00" {
		t.Errorf("got %+v, %v; want the replaced spec", got, err)
	}
	must(t, q.DeleteSchedule(ctx, s.Name))
	_, err = q.GetSchedule(ctx, s.Name)
	wantErr(t, err, store.ErrNotFound)
}
