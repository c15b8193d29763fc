package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"
)

func (q *queries) CreateGroup(ctx context.Context, g *Group) error {
	if g.CreatedAt.IsZero() {
		g.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, "INSERT INTO user_groups (name, comment, assignable, created_at) VALUES (?, ?, ?, ?) RETURNING id",
		g.Name, g.Comment, !g.NotAssignable, ms(g.CreatedAt)).Scan(&g.ID)
	return q.conflict(err, "create group "+g.Name)
}

func (q *queries) ListGroups(ctx context.Context) ([]Group, error) {
	rows, err := q.query(ctx, "SELECT id, name, comment, assignable, created_at FROM user_groups ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list groups: %w", err)
	}
	var out []Group
	err = scanEach(rows, func(s scanner) error {
		var g Group
		var created sql.NullInt64
		var assignable bool
		if err := s.Scan(&g.ID, &g.Name, &g.Comment, &assignable, &created); err != nil {
			return err
		}
		g.NotAssignable = !assignable
		g.CreatedAt = fromMS(created)
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list groups: %w", err)
	}
	return out, nil
}

func (q *queries) AddGroupMember(ctx context.Context, groupID, userID int64) error {
	_, err := q.exec(ctx, "INSERT INTO user_group_members (group_id, user_id) VALUES (?, ?)", groupID, userID)
	return q.conflict(err, fmt.Sprintf("add user %d to group %d", userID, groupID))
}

func (q *queries) RemoveGroupMember(ctx context.Context, groupID, userID int64) error {
	res, err := q.exec(ctx, "DELETE FROM user_group_members WHERE group_id = ? AND user_id = ?", groupID, userID)
	if err != nil {
		return fmt.Errorf("remove user %d from group %d: %w", userID, groupID, err)
	}
	return mustAffect(res, fmt.Sprintf("remove user %d from group %d", userID, groupID))
}

func (q *queries) GroupMembers(ctx context.Context, groupID int64) ([]User, error) {
	rows, err := q.query(ctx, "SELECT "+prefixed("u.", userColumns)+` FROM users u
		JOIN user_group_members m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.login`, groupID)
	if err != nil {
		return nil, fmt.Errorf("members of group %d: %w", groupID, err)
	}
	var out []User
	err = scanEach(rows, func(s scanner) error {
		u, err := scanUser(s)
		if err == nil {
			out = append(out, *u)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("members of group %d: %w", groupID, err)
	}
	return out, nil
}

func (q *queries) UserGroupIDs(ctx context.Context, userID int64) ([]int64, error) {
	rows, err := q.query(ctx, "SELECT group_id FROM user_group_members WHERE user_id = ? ORDER BY group_id", userID)
	if err != nil {
		return nil, fmt.Errorf("groups of user %d: %w", userID, err)
	}
	var out []int64
	err = scanEach(rows, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		out = append(out, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("groups of user %d: %w", userID, err)
	}
	return out, nil
}

func (q *queries) CreateCategory(ctx context.Context, c *Category) error {
	err := q.writeRow(ctx, "INSERT INTO itil_categories (parent_id, name, group_id, active) VALUES (?, ?, ?, ?) RETURNING id",
		nullID(c.ParentID), c.Name, nullID(c.GroupID), !c.Inactive).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("create category %s: %w", c.Name, err)
	}
	return nil
}

func (q *queries) GetCategory(ctx context.Context, id int64) (*Category, error) {
	cats, err := q.ListCategories(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		if c.ID == id {
			return &c, nil
		}
	}
	return nil, fmt.Errorf("get category %d: %w", id, ErrNotFound)
}

func (q *queries) ListCategories(ctx context.Context) ([]Category, error) {
	rows, err := q.query(ctx, "SELECT id, parent_id, name, group_id, active FROM itil_categories")
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	children := map[int64][]Category{}
	err = scanEach(rows, func(s scanner) error {
		var c Category
		var parent, group sql.NullInt64
		var active bool
		if err := s.Scan(&c.ID, &parent, &c.Name, &group, &active); err != nil {
			return err
		}
		c.Inactive = !active
		c.ParentID, c.GroupID = parent.Int64, group.Int64
		children[c.ParentID] = append(children[c.ParentID], c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	var out []Category
	var walk func(parent int64, path []string)
	walk = func(parent int64, path []string) {
		kids := children[parent]
		sort.Slice(kids, func(i, j int) bool { return strings.ToLower(kids[i].Name) < strings.ToLower(kids[j].Name) })
		for _, c := range kids {
			p := append(path[:len(path):len(path)], c.Name)
			c.Path, c.Depth = strings.Join(p, " > "), len(path)
			out = append(out, c)
			walk(c.ID, p)
		}
	}
	walk(0, nil)
	return out, nil
}
