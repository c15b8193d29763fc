package store

import (
	"context"
	"fmt"
	"time"
)

// WebQueries are the data operations of the web UI that the core Queries
// do not cover: login throttling, session expiry sliding, preferences
// and park counts. Every Store opened by Open
// implements them; use Web to get them.
type WebQueries interface {
	// LoginThrottle returns the failure counter of key, ErrNotFound if none.
	LoginThrottle(ctx context.Context, key string) (*Throttle, error)
	// RecordLoginFailure adds a failure to key and returns the new counter.
	// A counter whose last failure is older than resetAfter starts over.
	// block computes blocked_until from the new number of failures.
	RecordLoginFailure(ctx context.Context, key string, at time.Time, resetAfter time.Duration, block func(failures int) time.Time) (*Throttle, error)
	// ClearLoginFailures forgets key's failures (after a good password).
	ClearLoginFailures(ctx context.Context, key string) error
	// PruneLoginThrottle forgets counters whose last failure is before t.
	PruneLoginThrottle(ctx context.Context, before time.Time) (int64, error)
	// ExtendSession moves a session's expiry (idle timeout sliding).
	ExtendSession(ctx context.Context, idHash string, expiresAt time.Time) error
	// DeleteUserSessions ends every session of a user (password change,
	// account disabled).
	DeleteUserSessions(ctx context.Context, userID int64) error
	// UserPrefs returns a user's preferences.
	UserPrefs(ctx context.Context, userID int64) (map[string]string, error)
	// SetUserPref stores one preference; an empty value deletes it.
	SetUserPref(ctx context.Context, userID int64, key, value string) error
	// CountAssetsBy groups the assets of assetType ("" for all) by one of
	// CountColumns, biggest groups first, at most limit groups.
	CountAssetsBy(ctx context.Context, column, assetType string, limit int) ([]GroupCount, error)
}

// Web returns the web queries of st.
func Web(st Store) (WebQueries, error) {
	w, ok := st.(WebQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no web queries", st)
	}
	return w, nil
}

// Throttle is a failed-login counter.
type Throttle struct {
	Key           string
	Failures      int
	LastFailureAt time.Time
	BlockedUntil  time.Time // zero when not blocked
}

// GroupCount is one group of CountAssetsBy.
type GroupCount struct {
	Value string
	Count int
}
