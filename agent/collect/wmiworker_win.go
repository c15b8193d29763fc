package collect

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"
)

// WMI through COM has two traps GLPI Agent falls into: COM state belongs to
// an OS thread, and a broken WMI provider can block a query forever. So
// every query runs on one worker goroutine locked to its own thread, which
// initialises COM once and keeps its connections, and every query has a
// deadline. A worker stuck past the deadline is abandoned (it cannot be
// interrupted) and the next query starts a fresh one; after wmiMaxStalled
// stuck workers, queries fail at once instead of piling up threads.

const (
	// wmiQueryTimeout bounds one query, enumeration included. Healthy
	// queries take milliseconds; MSFT_PhysicalDisk can take a few seconds.
	wmiQueryTimeout = 30 * time.Second
	// wmiMaxStalled is how many abandoned workers may still be stuck in a
	// WMI call before new queries are refused.
	wmiMaxStalled = 2
)

var (
	errWMIClosed  = errors.New("WMI worker is closed")
	errWMIStalled = errors.New("WMI is not answering")
)

// wmiExecutor runs queries on the worker's thread: the COM session on
// Windows (wmisession_windows.go), a fake in tests.
type wmiExecutor interface {
	query(namespace, query string) ([]map[string]any, error)
	close()
}

// wmiClient implements WMI by handing queries to the current worker.
type wmiClient struct {
	log     *slog.Logger
	timeout time.Duration
	open    func() (wmiExecutor, error) // called on the worker's locked thread

	mu      sync.Mutex
	cur     *wmiWorker
	stalled int // abandoned workers that have not exited yet
	closed  bool
}

type wmiWorker struct {
	reqs      chan *wmiRequest // unbuffered: a send succeeds when the worker takes the query
	quit      chan struct{}    // closed to stop the worker (Close, or abandoned)
	done      chan struct{}    // closed once the worker has released COM
	abandoned bool             // guarded by wmiClient.mu
}

type wmiRequest struct {
	namespace, query string
	reply            chan wmiReply // buffered, so an abandoned worker never blocks on it
}

type wmiReply struct {
	rows []map[string]any
	err  error
}

func newWMIClient(log *slog.Logger, open func() (wmiExecutor, error)) *wmiClient {
	return &wmiClient{log: log, timeout: wmiQueryTimeout, open: open}
}

// Query implements WMI.
func (c *wmiClient) Query(ctx context.Context, namespace, query string) ([]map[string]any, error) {
	req := &wmiRequest{namespace: namespace, query: query, reply: make(chan wmiReply, 1)}
	for {
		w, err := c.worker()
		if err != nil {
			return nil, fmt.Errorf("wmi %s %q: %w", namespace, query, err)
		}
		select {
		case w.reqs <- req:
		case <-w.quit:
			continue // abandoned while we queued behind it: use the next worker
		case <-ctx.Done():
			return nil, fmt.Errorf("wmi %s %q: %w", namespace, query, ctx.Err())
		}
		return c.wait(ctx, w, req)
	}
}

func (c *wmiClient) wait(ctx context.Context, w *wmiWorker, req *wmiRequest) ([]map[string]any, error) {
	timer := time.NewTimer(c.timeout)
	select {
	case rep := <-req.reply:
		timer.Stop()
		return rep.rows, rep.err
	case <-timer.C:
		c.stall(w, req)
		return nil, fmt.Errorf("wmi %s %q: no answer after %s: %w", req.namespace, req.query, c.timeout, context.DeadlineExceeded)
	case <-ctx.Done():
		// The caller leaves, but the deadline still stands: were the worker
		// stuck, the queries queued behind it would wait forever.
		go func() {
			select {
			case <-req.reply:
				timer.Stop()
			case <-timer.C:
				c.stall(w, req)
			}
		}()
		return nil, fmt.Errorf("wmi %s %q: %w", req.namespace, req.query, ctx.Err())
	}
}

func (c *wmiClient) stall(w *wmiWorker, req *wmiRequest) {
	c.abandon(w)
	c.log.Warn("WMI query stalled, worker abandoned", "namespace", req.namespace, "query", req.query, "timeout", c.timeout)
}

// worker returns the current worker, starting one if needed.
func (c *wmiClient) worker() (*wmiWorker, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.closed:
		return nil, errWMIClosed
	case c.cur != nil:
		return c.cur, nil
	case c.stalled >= wmiMaxStalled:
		return nil, fmt.Errorf("%w: %d workers stuck in earlier queries", errWMIStalled, c.stalled)
	}
	w := &wmiWorker{reqs: make(chan *wmiRequest), quit: make(chan struct{}), done: make(chan struct{})}
	ready := make(chan error, 1)
	go w.run(c.open, ready, func() { c.exited(w) })
	if err := <-ready; err != nil {
		return nil, err
	}
	c.cur = w
	return w, nil
}

// abandon retires a worker stuck in a query.
func (c *wmiClient) abandon(w *wmiWorker) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if w.abandoned {
		return
	}
	w.abandoned = true
	c.stalled++
	if c.cur == w {
		c.cur = nil
	}
	close(w.quit)
}

// exited is called by a worker's goroutine as it ends.
func (c *wmiClient) exited(w *wmiWorker) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if w.abandoned {
		c.stalled--
	}
	if c.cur == w {
		c.cur = nil
	}
}

// Close stops the worker and waits briefly for it to release COM. A worker
// stuck in WMI is left behind; the process exit reclaims it.
func (c *wmiClient) Close() error {
	c.mu.Lock()
	w := c.cur
	c.closed, c.cur = true, nil
	if w != nil && !w.abandoned {
		close(w.quit)
	}
	c.mu.Unlock()
	if w == nil {
		return nil
	}
	select {
	case <-w.done:
		return nil
	case <-time.After(5 * time.Second):
		return fmt.Errorf("close WMI: %w", errWMIStalled)
	}
}

// run is the worker's goroutine. It stays locked to its thread and never
// unlocks: when it returns Go destroys the thread, so no other goroutine
// ever runs on a thread whose COM state was touched.
func (w *wmiWorker) run(open func() (wmiExecutor, error), ready chan<- error, exited func()) {
	runtime.LockOSThread()
	defer close(w.done)
	defer exited()
	s, err := open()
	if err != nil {
		ready <- err
		return
	}
	defer s.close()
	ready <- nil
	for {
		select {
		case <-w.quit:
			return
		case req := <-w.reqs:
			rows, err := s.query(req.namespace, req.query)
			req.reply <- wmiReply{rows: rows, err: err}
		}
	}
}
