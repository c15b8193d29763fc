package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Session is a logged-in web session. The cookie holds a random ID; only
// its SHA-256 hash is stored.
type Session struct {
	IDHash    string
	UserID    int64
	CSRFToken string
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (q *queries) CreateSession(ctx context.Context, s *Session) error {
	if s.CreatedAt.IsZero() {
		s.CreatedAt = time.Now().UTC()
	}
	_, err := q.exec(ctx, `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?)`, s.IDHash, s.UserID, s.CSRFToken, ms(s.CreatedAt), ms(s.ExpiresAt))
	return q.conflict(err, "create session")
}

func (q *queries) GetSession(ctx context.Context, idHash string) (*Session, error) {
	var s Session
	var created, expires sql.NullInt64
	err := q.queryRow(ctx, `SELECT id_hash, user_id, csrf_token, created_at, expires_at
		FROM sessions WHERE id_hash = ?`, idHash).Scan(&s.IDHash, &s.UserID, &s.CSRFToken, &created, &expires)
	if err != nil {
		return nil, notFound(err, "get session")
	}
	s.CreatedAt, s.ExpiresAt = fromMS(created), fromMS(expires)
	return &s, nil
}

func (q *queries) DeleteSession(ctx context.Context, idHash string) error {
	res, err := q.exec(ctx, "DELETE FROM sessions WHERE id_hash = ?", idHash)
	if err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return mustAffect(res, "delete session")
}

func (q *queries) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res, err := q.exec(ctx, "DELETE FROM sessions WHERE expires_at <= ?", ms(now))
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	return n, nil
}
