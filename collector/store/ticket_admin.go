package store

import (
	"context"
	"fmt"
)

func (q *queries) UpdateGroup(ctx context.Context, g *Group) error {
	res, err := q.exec(ctx, "UPDATE user_groups SET name = ?, comment = ?, assignable = ? WHERE id = ?",
		g.Name, g.Comment, !g.NotAssignable, g.ID)
	if err = q.conflict(err, fmt.Sprintf("update group %d", g.ID)); err != nil {
		return err
	}
	return mustAffect(res, fmt.Sprintf("update group %d", g.ID))
}

// DeleteGroup removes a group: its memberships and its places as a
// ticket actor go with it (ON DELETE CASCADE), and categories that
// assigned it assign nobody.
func (q *queries) DeleteGroup(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, "DELETE FROM user_groups WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete group %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete group %d", id))
}

func (q *queries) UpdateCategory(ctx context.Context, c *Category) error {
	res, err := q.exec(ctx, "UPDATE itil_categories SET parent_id = ?, name = ?, group_id = ?, active = ? WHERE id = ?",
		nullID(c.ParentID), c.Name, nullID(c.GroupID), !c.Inactive, c.ID)
	if err != nil {
		return fmt.Errorf("update category %d: %w", c.ID, err)
	}
	return mustAffect(res, fmt.Sprintf("update category %d", c.ID))
}

// DeleteCategory removes a category without children (ErrConflict
// otherwise: delete or move them first); its tickets keep no category.
func (q *queries) DeleteCategory(ctx context.Context, id int64) error {
	var kids int
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM itil_categories WHERE parent_id = ?", id).Scan(&kids); err != nil {
		return fmt.Errorf("delete category %d: %w", id, err)
	}
	if kids > 0 {
		return fmt.Errorf("delete category %d: it has %d subcategories: %w", id, kids, ErrConflict)
	}
	res, err := q.exec(ctx, "DELETE FROM itil_categories WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete category %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete category %d", id))
}

func (q *queries) UpdateAccount(ctx context.Context, a Account) error {
	if !ValidRole(a.Role) {
		return fmt.Errorf("update account %d: unknown role %q", a.UserID, a.Role)
	}
	res, err := q.exec(ctx, "UPDATE users SET role = ?, disabled = ?, location_id = ? WHERE id = ?",
		a.Role, a.Disabled, nullID(a.LocationID), a.UserID)
	if err != nil {
		return fmt.Errorf("update account %d: %w", a.UserID, err)
	}
	return mustAffect(res, fmt.Sprintf("update account %d", a.UserID))
}

func (q *queries) UserLocations(ctx context.Context) (map[int64]int64, error) {
	rows, err := q.query(ctx, "SELECT id, location_id FROM users WHERE location_id IS NOT NULL")
	if err != nil {
		return nil, fmt.Errorf("user locations: %w", err)
	}
	out := map[int64]int64{}
	err = scanEach(rows, func(s scanner) error {
		var id, loc int64
		err := s.Scan(&id, &loc)
		out[id] = loc
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("user locations: %w", err)
	}
	return out, nil
}
