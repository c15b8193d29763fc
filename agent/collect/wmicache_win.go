package collect

import (
	"context"
	"sync"
	"time"
)

// wmiCache shares answers between collectors: hardware and bios both read
// Win32_ComputerSystem, hardware and operatingsystem Win32_OperatingSystem,
// and as they run at once the second would queue behind the first on the
// single WMI worker to ask the same thing again. Identical queries made
// within ttl get the first one's answer; failures are not kept. Rows are
// shared, so callers must not modify them.
type wmiCache struct {
	inner WMI
	ttl   time.Duration
	now   func() time.Time

	mu    sync.Mutex
	calls map[string]*wmiCall
}

type wmiCall struct {
	done chan struct{} // closed when rows and err are set
	rows []map[string]any
	err  error
	at   time.Time
}

func newWMICache(inner WMI, ttl time.Duration) *wmiCache {
	return &wmiCache{inner: inner, ttl: ttl, now: time.Now, calls: map[string]*wmiCall{}}
}

// Query implements WMI.
func (c *wmiCache) Query(ctx context.Context, namespace, query string) ([]map[string]any, error) {
	key := namespace + "\x00" + query
	c.mu.Lock()
	call, ok := c.calls[key]
	if ok && !call.at.IsZero() && c.now().Sub(call.at) > c.ttl {
		ok = false
	}
	if !ok {
		call = &wmiCall{done: make(chan struct{})}
		c.calls[key] = call
		c.mu.Unlock()
		call.rows, call.err = c.inner.Query(ctx, namespace, query)
		c.mu.Lock()
		call.at = c.now()
		if call.err != nil && c.calls[key] == call {
			delete(c.calls, key)
		}
		c.mu.Unlock()
		close(call.done)
		return call.rows, call.err
	}
	c.mu.Unlock()
	select {
	case <-call.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if call.err != nil {
		// The first caller's failure may be its own context's; try anew.
		return c.inner.Query(ctx, namespace, query)
	}
	return call.rows, nil
}
