package store

import (
	"context"
	"fmt"
	"time"
)

// Setting keys.
const (
	// SettingEnrollSecret is the site enrolment secret, in plain text (see
	// the package comment for why).
	SettingEnrollSecret = "enroll_secret"
)

func (q *queries) GetSetting(ctx context.Context, key string) (string, error) {
	var v string
	if err := q.queryRow(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v); err != nil {
		return "", notFound(err, "get setting "+key)
	}
	return v, nil
}

func (q *queries) SetSetting(ctx context.Context, key, value string) error {
	_, err := q.exec(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, value, time.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("set setting %s: %w", key, err)
	}
	return nil
}

func (q *queries) SetSettingIfAbsent(ctx context.Context, key, value string) (string, error) {
	_, err := q.exec(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO NOTHING`, key, value, time.Now().UnixMilli())
	if err != nil {
		return "", fmt.Errorf("set setting %s: %w", key, err)
	}
	// Read through the writer: a SQLite read connection could still hold an
	// older snapshot.
	var v string
	if err := q.w.QueryRowContext(ctx, q.d.rebind("SELECT value FROM settings WHERE key = ?"), key).Scan(&v); err != nil {
		return "", notFound(err, "get setting "+key)
	}
	return v, nil
}
