package web

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// Login throttling: after loginFree failures of one login (ipFree from one
// address, higher because an office shares one address), each further
// failure blocks that key for a delay that doubles from a minute up to an
// hour. Counters reset an hour after the last failure.
const (
	loginFree     = 5
	ipFree        = 20
	throttleBase  = time.Minute
	throttleMax   = time.Hour
	throttleReset = time.Hour
)

func loginKey(login string) string { return "login:" + strings.ToLower(strings.TrimSpace(login)) }
func ipKey(ip string) string       { return "ip:" + ip }

// blockedFor returns how long the login or address must wait, 0 if not.
func (s *Server) blockedFor(ctx context.Context, keys ...string) (time.Duration, error) {
	var wait time.Duration
	for _, k := range keys {
		th, err := s.wq.LoginThrottle(ctx, k)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return 0, err
		}
		wait = max(wait, th.BlockedUntil.Sub(s.now()))
	}
	return wait, nil
}

// recordFailure counts a failed login against the login and the address.
func (s *Server) recordFailure(ctx context.Context, login, ip string) error {
	now := s.now()
	for _, k := range []struct {
		key  string
		free int
	}{{loginKey(login), loginFree}, {ipKey(ip), ipFree}} {
		block := func(n int) time.Time {
			if n < k.free {
				return time.Time{}
			}
			d := throttleBase << min(n-k.free, 6)
			return now.Add(min(d, throttleMax))
		}
		if _, err := s.wq.RecordLoginFailure(ctx, k.key, now, throttleReset, block); err != nil {
			return err
		}
	}
	return nil
}
