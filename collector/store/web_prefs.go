package store

import (
	"context"
	"fmt"
)

func (q *queries) UserPrefs(ctx context.Context, userID int64) (map[string]string, error) {
	rows, err := q.query(ctx, "SELECT key, value FROM user_prefs WHERE user_id = ?", userID)
	if err != nil {
		return nil, fmt.Errorf("preferences of user %d: %w", userID, err)
	}
	out := map[string]string{}
	err = scanEach(rows, func(s scanner) error {
		var k, v string
		if err := s.Scan(&k, &v); err != nil {
			return err
		}
		out[k] = v
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("preferences of user %d: %w", userID, err)
	}
	return out, nil
}

func (q *queries) SetUserPref(ctx context.Context, userID int64, key, value string) error {
	var err error
	if value == "" {
		_, err = q.exec(ctx, "DELETE FROM user_prefs WHERE user_id = ? AND key = ?", userID, key)
	} else {
		_, err = q.exec(ctx, `INSERT INTO user_prefs (user_id, key, value) VALUES (?, ?, ?)
			ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value`, userID, key, value)
	}
	if err != nil {
		return fmt.Errorf("set preference %s of user %d: %w", key, userID, err)
	}
	return nil
}
