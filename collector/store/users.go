package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Roles of a user, from the least to the most powerful.
const (
	RoleSelfService = "self-service" // opens and follows own tickets only
	RoleObserver    = "observer"     // reads the park
	RoleTechnician  = "technician"   // edits assets, works tickets
	RoleSupervisor  = "supervisor"   // technician plus assignment and approvals
	RoleAdmin       = "admin"        // everything, including users and settings
)

// Roles lists the roles from the least to the most powerful.
var Roles = []string{RoleSelfService, RoleObserver, RoleTechnician, RoleSupervisor, RoleAdmin}

// ValidRole reports whether r is one of the roles.
func ValidRole(r string) bool { return RoleRank(r) >= 0 }

// RoleRank orders roles: higher is more powerful, -1 for an unknown role.
// A route that needs role X admits every user with RoleRank >= RoleRank(X).
func RoleRank(r string) int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// User is a person who logs in to the collector.
type User struct {
	ID           int64
	Login        string
	Name         string
	Email        string
	Role         string
	PasswordHash string // bcrypt, from package auth
	Disabled     bool
	CreatedAt    time.Time
	// MustChangePassword is set on an account an administrator created or
	// reset with a one-time password: until its owner sets their own, the
	// web UI shows them nothing but the change-password page.
	MustChangePassword bool
}

const userColumns = "id, login, name, email, role, password_hash, disabled, created_at, must_change_password"

func scanUser(s scanner) (*User, error) {
	var u User
	var created sql.NullInt64
	if err := s.Scan(&u.ID, &u.Login, &u.Name, &u.Email, &u.Role, &u.PasswordHash, &u.Disabled, &created,
		&u.MustChangePassword); err != nil {
		return nil, err
	}
	u.CreatedAt = fromMS(created)
	return &u, nil
}

func (q *queries) CreateUser(ctx context.Context, u *User) error {
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO users (login, name, email, role, password_hash, disabled, created_at,
		must_change_password) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		u.Login, u.Name, u.Email, u.Role, u.PasswordHash, u.Disabled, ms(u.CreatedAt), u.MustChangePassword).Scan(&u.ID)
	return q.conflict(err, "create user "+u.Login)
}

func (q *queries) GetUser(ctx context.Context, id int64) (*User, error) {
	u, err := scanUser(q.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get user %d", id))
	}
	return u, nil
}

func (q *queries) GetUserByLogin(ctx context.Context, login string) (*User, error) {
	u, err := scanUser(q.queryRow(ctx, "SELECT "+userColumns+" FROM users WHERE login = ?", login))
	if err != nil {
		return nil, notFound(err, "get user "+login)
	}
	return u, nil
}

func (q *queries) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := q.query(ctx, "SELECT "+userColumns+" FROM users ORDER BY login")
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, *u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return out, nil
}

func (q *queries) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM users").Scan(&n); err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}

func (q *queries) SetUserPassword(ctx context.Context, id int64, passwordHash string) error {
	// The owner chose this password (profile, change-password page, CLI):
	// no change is owed any more.
	res, err := q.exec(ctx, "UPDATE users SET password_hash = ?, must_change_password = FALSE WHERE id = ?", passwordHash, id)
	if err != nil {
		return fmt.Errorf("set password of user %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("set password of user %d", id))
}

func (q *queries) ResetUserPassword(ctx context.Context, id int64, passwordHash string) error {
	res, err := q.exec(ctx, "UPDATE users SET password_hash = ?, must_change_password = TRUE WHERE id = ?", passwordHash, id)
	if err != nil {
		return fmt.Errorf("reset password of user %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("reset password of user %d", id))
}
