package collect

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingWMI answers after a short pause and counts the queries it gets;
// it fails the queries named "fail".
type countingWMI struct{ n atomic.Int32 }

func (w *countingWMI) Query(_ context.Context, ns, q string) ([]map[string]any, error) {
	w.n.Add(1)
	time.Sleep(10 * time.Millisecond)
	if q == "fail" {
		return nil, errors.New("provider failure")
	}
	return []map[string]any{{"q": q}}, nil
}

func TestWMICacheSharesConcurrentQueries(t *testing.T) {
	inner := &countingWMI{}
	c := newWMICache(inner, time.Minute)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows, err := c.Query(context.Background(), nsCIMV2, qComputerSystem)
			if err != nil || len(rows) != 1 {
				t.Errorf("got %v, %v; want one row", rows, err)
			}
		}()
	}
	wg.Wait()
	if got := inner.n.Load(); got != 1 {
		t.Errorf("queries sent to WMI: got %d; want 1", got)
	}
	if _, err := c.Query(context.Background(), nsCIMV2, qBIOS); err != nil {
		t.Fatal(err)
	}
	if got := inner.n.Load(); got != 2 {
		t.Errorf("after a different query: got %d; want 2", got)
	}
}

func TestWMICacheExpiresAndForgetsFailures(t *testing.T) {
	inner := &countingWMI{}
	c := newWMICache(inner, time.Minute)
	now := time.Now()
	c.now = func() time.Time { return now }
	for range 2 {
		if _, err := c.Query(context.Background(), "ns", "fail"); err == nil {
			t.Fatal("got no error; want the provider's")
		}
	}
	if got := inner.n.Load(); got != 2 {
		t.Errorf("failed queries sent: got %d; want 2 (failures are not kept)", got)
	}
	c.Query(context.Background(), "ns", "SELECT 1")
	c.Query(context.Background(), "ns", "SELECT 1")
	if got := inner.n.Load(); got != 3 {
		t.Errorf("within ttl: got %d; want 3", got)
	}
	now = now.Add(2 * time.Minute)
	c.Query(context.Background(), "ns", "SELECT 1")
	if got := inner.n.Load(); got != 4 {
		t.Errorf("after ttl: got %d; want 4", got)
	}
}
