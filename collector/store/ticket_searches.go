package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

func (q *queries) SaveSearch(ctx context.Context, s *SavedSearch) error {
	if s.CreatedAt.IsZero() {
		s.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO ticket_saved_searches (user_id, name, query, shared, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, s.UserID, s.Name, s.Query, s.Shared, ms(s.CreatedAt)).Scan(&s.ID)
	return q.conflict(err, "save search "+s.Name)
}

func (q *queries) SavedSearches(ctx context.Context, userID int64) ([]SavedSearch, error) {
	rows, err := q.query(ctx, `SELECT s.id, s.user_id, u.login, s.name, s.query, s.shared, s.created_at
		FROM ticket_saved_searches s JOIN users u ON u.id = s.user_id
		WHERE s.user_id = ? OR s.shared ORDER BY s.user_id <> ?, lower(s.name), s.id`, userID, userID)
	if err != nil {
		return nil, fmt.Errorf("saved searches of user %d: %w", userID, err)
	}
	var out []SavedSearch
	err = scanEach(rows, func(sc scanner) error {
		var s SavedSearch
		var created sql.NullInt64
		if err := sc.Scan(&s.ID, &s.UserID, &s.Owner, &s.Name, &s.Query, &s.Shared, &created); err != nil {
			return err
		}
		s.CreatedAt = fromMS(created)
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("saved searches of user %d: %w", userID, err)
	}
	return out, nil
}

// DeleteSavedSearch removes one of the user's own searches; another
// user's search is ErrNotFound, shared or not.
func (q *queries) DeleteSavedSearch(ctx context.Context, id, userID int64) error {
	res, err := q.exec(ctx, "DELETE FROM ticket_saved_searches WHERE id = ? AND user_id = ?", id, userID)
	if err != nil {
		return fmt.Errorf("delete saved search %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete saved search %d", id))
}
