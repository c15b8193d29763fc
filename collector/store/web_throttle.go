package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

func (q *queries) LoginThrottle(ctx context.Context, key string) (*Throttle, error) {
	var t Throttle
	var last, blocked sql.NullInt64
	err := q.queryRow(ctx, "SELECT key, failures, last_failure_at, blocked_until FROM login_throttle WHERE key = ?", key).
		Scan(&t.Key, &t.Failures, &last, &blocked)
	if err != nil {
		return nil, notFound(err, "login throttle")
	}
	t.LastFailureAt, t.BlockedUntil = fromMS(last), fromMS(blocked)
	return &t, nil
}

func (q *queries) RecordLoginFailure(ctx context.Context, key string, at time.Time, resetAfter time.Duration, block func(int) time.Time) (*Throttle, error) {
	// One statement increments atomically, so two collectors counting the
	// same login never lose a failure.
	var n int
	err := q.writeRow(ctx, `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?, 1, ?)
		ON CONFLICT (key) DO UPDATE SET
			failures = CASE WHEN login_throttle.last_failure_at < ? THEN 1 ELSE login_throttle.failures + 1 END,
			last_failure_at = excluded.last_failure_at
		RETURNING failures`, key, ms(at), ms(at.Add(-resetAfter))).Scan(&n)
	if err != nil {
		return nil, fmt.Errorf("record login failure: %w", err)
	}
	t := &Throttle{Key: key, Failures: n, LastFailureAt: at, BlockedUntil: block(n)}
	if _, err := q.exec(ctx, "UPDATE login_throttle SET blocked_until = ? WHERE key = ?", ms(t.BlockedUntil), key); err != nil {
		return nil, fmt.Errorf("record login failure: %w", err)
	}
	return t, nil
}

func (q *queries) ClearLoginFailures(ctx context.Context, key string) error {
	if _, err := q.exec(ctx, "DELETE FROM login_throttle WHERE key = ?", key); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}

func (q *queries) PruneLoginThrottle(ctx context.Context, before time.Time) (int64, error) {
	res, err := q.exec(ctx, "DELETE FROM login_throttle WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)",
		ms(before), ms(before))
	if err != nil {
		return 0, fmt.Errorf("prune login throttle: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune login throttle: %w", err)
	}
	return n, nil
}

func (q *queries) ExtendSession(ctx context.Context, idHash string, expiresAt time.Time) error {
	res, err := q.exec(ctx, "UPDATE sessions SET expires_at = ? WHERE id_hash = ?", ms(expiresAt), idHash)
	if err != nil {
		return fmt.Errorf("extend session: %w", err)
	}
	return mustAffect(res, "extend session")
}

func (q *queries) DeleteUserSessions(ctx context.Context, userID int64) error {
	if _, err := q.exec(ctx, "DELETE FROM sessions WHERE user_id = ?", userID); err != nil {
		return fmt.Errorf("delete sessions of user %d: %w", userID, err)
	}
	return nil
}
