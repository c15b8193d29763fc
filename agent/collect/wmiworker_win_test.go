package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeWMI stands for the COM session: "stall" queries block until release
// is closed, every other query answers at once with its own text.
type fakeWMI struct {
	release  chan struct{}
	opens    atomic.Int32
	closes   atomic.Int32
	inFlight atomic.Int32
	maxIn    atomic.Int32
	failOpen atomic.Bool
}

type fakeSession struct{ f *fakeWMI }

func (f *fakeWMI) open() (wmiExecutor, error) {
	if f.failOpen.Load() {
		return nil, errors.New("CoInitializeEx: RPC_E_CHANGED_MODE")
	}
	f.opens.Add(1)
	return fakeSession{f}, nil
}

func (s fakeSession) query(ns, q string) ([]map[string]any, error) {
	n := s.f.inFlight.Add(1)
	defer s.f.inFlight.Add(-1)
	for {
		m := s.f.maxIn.Load()
		if n <= m || s.f.maxIn.CompareAndSwap(m, n) {
			break
		}
	}
	if q == "stall" {
		<-s.f.release
	}
	return []map[string]any{{"ns": ns, "q": q}}, nil
}

func (s fakeSession) close() { s.f.closes.Add(1) }

func newFakeClient(t *testing.T, timeout time.Duration) (*wmiClient, *fakeWMI) {
	t.Helper()
	f := &fakeWMI{release: make(chan struct{})}
	c := newWMIClient(slog.New(slog.NewTextHandler(io.Discard, nil)), f.open)
	c.timeout = timeout
	t.Cleanup(func() {
		select {
		case <-f.release:
		default:
			close(f.release)
		}
		c.Close()
	})
	return c, f
}

// waitFor polls cond for up to two seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestWMIWorkerSerialisesQueries(t *testing.T) {
	c, f := newFakeClient(t, time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := fmt.Sprintf("SELECT %d", i)
			rows, err := c.Query(context.Background(), `root\CIMV2`, q)
			if err == nil && (len(rows) != 1 || rows[0]["q"] != q) {
				err = fmt.Errorf("query %q: got rows %v", q, rows)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := f.opens.Load(); got != 1 {
		t.Errorf("sessions opened: got %d; want 1", got)
	}
	if got := f.maxIn.Load(); got != 1 {
		t.Errorf("queries in flight at once: got %d; want 1", got)
	}
}

func TestWMIWorkerAbandonsStalledQuery(t *testing.T) {
	c, f := newFakeClient(t, 50*time.Millisecond)
	_, err := c.Query(context.Background(), `root\CIMV2`, "stall")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("stalled query: got %v; want DeadlineExceeded", err)
	}
	rows, err := c.Query(context.Background(), `root\CIMV2`, "SELECT Name FROM Win32_BIOS")
	if err != nil || len(rows) != 1 {
		t.Fatalf("query after a stall: got %v, %v; want one row", rows, err)
	}
	if got := f.opens.Load(); got != 2 {
		t.Errorf("sessions opened: got %d; want 2 (a fresh worker)", got)
	}
	close(f.release)
	waitFor(t, "the abandoned worker to exit", func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.stalled == 0 && f.closes.Load() == 1
	})
}

func TestWMIWorkerRefusesAfterTooManyStalls(t *testing.T) {
	c, f := newFakeClient(t, 30*time.Millisecond)
	for i := range wmiMaxStalled {
		if _, err := c.Query(context.Background(), "ns", "stall"); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("stall %d: got %v; want DeadlineExceeded", i, err)
		}
	}
	start := time.Now()
	_, err := c.Query(context.Background(), "ns", "SELECT 1")
	if !errors.Is(err, errWMIStalled) {
		t.Fatalf("got %v; want errWMIStalled", err)
	}
	if d := time.Since(start); d > 20*time.Millisecond {
		t.Errorf("refusal took %s; want immediate", d)
	}
	close(f.release)
	waitFor(t, "stuck workers to exit", func() bool {
		_, err := c.Query(context.Background(), "ns", "SELECT 1")
		return err == nil
	})
}

func TestWMIWorkerHonoursContext(t *testing.T) {
	c, f := newFakeClient(t, 10*time.Second)
	go c.Query(context.Background(), "ns", "stall") // occupies the worker
	waitFor(t, "the stall to start", func() bool { return f.inFlight.Load() == 1 })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	_, err := c.Query(ctx, "ns", "SELECT 1")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("queued query: got %v; want the context's deadline", err)
	}
	close(f.release)
	if _, err := c.Query(context.Background(), "ns", "SELECT 2"); err != nil {
		t.Fatalf("query after release: %v", err)
	}
	if got := f.opens.Load(); got != 1 {
		t.Errorf("sessions opened: got %d; want 1 (a cancelled caller does not abandon the worker)", got)
	}
}

func TestWMIWorkerOpenFailureAndClose(t *testing.T) {
	c, f := newFakeClient(t, time.Second)
	f.failOpen.Store(true)
	if _, err := c.Query(context.Background(), "ns", "SELECT 1"); err == nil {
		t.Fatal("got no error with COM failing; want one")
	}
	f.failOpen.Store(false)
	if _, err := c.Query(context.Background(), "ns", "SELECT 1"); err != nil {
		t.Fatalf("second attempt: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got := f.closes.Load(); got != 1 {
		t.Errorf("sessions closed: got %d; want 1", got)
	}
	if _, err := c.Query(context.Background(), "ns", "SELECT 1"); !errors.Is(err, errWMIClosed) {
		t.Errorf("after Close: got %v; want errWMIClosed", err)
	}
}

// TestWMIWorkerDeadlineOutlivesCaller checks a stalled query is abandoned
// at its deadline even when its caller gave up earlier, so the queries
// behind it do not queue forever.
func TestWMIWorkerDeadlineOutlivesCaller(t *testing.T) {
	c, f := newFakeClient(t, 50*time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		for f.inFlight.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel() // the caller gives up once the worker is stuck
	}()
	if _, err := c.Query(ctx, "ns", "stall"); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v; want the caller's cancellation", err)
	}
	start := time.Now()
	if _, err := c.Query(context.Background(), "ns", "SELECT 1"); err != nil {
		t.Fatalf("query behind the stall: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("query behind the stall took %s; want about the 50ms deadline", d)
	}
	if got := f.opens.Load(); got != 2 {
		t.Errorf("sessions opened: got %d; want 2", got)
	}
}
