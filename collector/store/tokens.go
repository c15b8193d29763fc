package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// APIToken is a user's credential for the REST API. Only the SHA-256 hash
// of the token is stored.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	TokenHash  string
	CreatedAt  time.Time
	LastUsedAt time.Time
}

const tokenColumns = "id, user_id, name, token_hash, created_at, last_used_at"

func scanToken(s scanner) (*APIToken, error) {
	var t APIToken
	var created, used sql.NullInt64
	if err := s.Scan(&t.ID, &t.UserID, &t.Name, &t.TokenHash, &created, &used); err != nil {
		return nil, err
	}
	t.CreatedAt, t.LastUsedAt = fromMS(created), fromMS(used)
	return &t, nil
}

func (q *queries) CreateAPIToken(ctx context.Context, t *APIToken) error {
	if t.CreatedAt.IsZero() {
		t.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at)
		VALUES (?, ?, ?, ?) RETURNING id`, t.UserID, t.Name, t.TokenHash, ms(t.CreatedAt)).Scan(&t.ID)
	return q.conflict(err, "create API token")
}

func (q *queries) GetAPITokenByHash(ctx context.Context, hash string) (*APIToken, error) {
	t, err := scanToken(q.queryRow(ctx, "SELECT "+tokenColumns+" FROM api_tokens WHERE token_hash = ?", hash))
	if err != nil {
		return nil, notFound(err, "get API token")
	}
	return t, nil
}

func (q *queries) ListAPITokens(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := q.query(ctx, "SELECT "+tokenColumns+" FROM api_tokens WHERE user_id = ? ORDER BY id", userID)
	if err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("list API tokens: %w", err)
		}
		out = append(out, *t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	return out, nil
}

func (q *queries) TouchAPIToken(ctx context.Context, id int64, at time.Time) error {
	res, err := q.exec(ctx, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", ms(at), id)
	if err != nil {
		return fmt.Errorf("touch API token %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("touch API token %d", id))
}

func (q *queries) DeleteAPIToken(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, "DELETE FROM api_tokens WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete API token %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete API token %d", id))
}
