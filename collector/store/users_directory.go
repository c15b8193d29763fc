package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Where a user's password is checked.
const (
	SourceLocal = "local" // password_hash, in this database
	SourceLDAP  = "ldap"  // the LDAP / Active Directory server
)

// NoPassword is the password hash of a directory user: it is not a bcrypt
// hash, so no password ever matches it locally.
const NoPassword = "!directory"

// DirectoryUser is a user with the columns a directory fills in.
type DirectoryUser struct {
	User
	Source     string // SourceLocal or SourceLDAP
	DN         string // the directory entry, e.g. "uid=alice,ou=people,dc=mairie,dc=local"
	Phone      string
	Department string
	SyncedAt   time.Time // when a login or an import last wrote the entry here
	// Gone is set when an import disabled the user because the directory
	// no longer lists them.
	Gone bool
}

// DirectoryQueries read and write the users that come from a directory.
// Every Store opened by Open implements them, inside WithTx too; use
// Directory to get them.
type DirectoryQueries interface {
	// GetDirectoryUser returns the user with that login, ErrNotFound if none.
	GetDirectoryUser(ctx context.Context, login string) (*DirectoryUser, error)
	// ListDirectoryUsers lists the users of one source, by login.
	ListDirectoryUsers(ctx context.Context, source string) ([]DirectoryUser, error)
	// CreateDirectoryUser inserts u and sets u.ID; ErrConflict if the login exists.
	CreateDirectoryUser(ctx context.Context, u *DirectoryUser) error
	// UpdateDirectoryUser writes every field of u but the login, the
	// password hash and the creation time.
	UpdateDirectoryUser(ctx context.Context, u *DirectoryUser) error
}

// Directory returns the directory queries of st, or of the Queries given
// to a WithTx function.
func Directory(q any) (DirectoryQueries, error) {
	d, ok := q.(DirectoryQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no directory queries", q)
	}
	return d, nil
}

const directoryUserColumns = userColumns + ", auth_source, external_dn, phone, department, synced_at, gone_from_directory"

func scanDirectoryUser(s scanner) (*DirectoryUser, error) {
	var u DirectoryUser
	var created, synced sql.NullInt64
	if err := s.Scan(&u.ID, &u.Login, &u.Name, &u.Email, &u.Role, &u.PasswordHash, &u.Disabled, &created, &u.MustChangePassword,
		&u.Source, &u.DN, &u.Phone, &u.Department, &synced, &u.Gone); err != nil {
		return nil, err
	}
	u.CreatedAt, u.SyncedAt = fromMS(created), fromMS(synced)
	return &u, nil
}

func (q *queries) GetDirectoryUser(ctx context.Context, login string) (*DirectoryUser, error) {
	u, err := scanDirectoryUser(q.queryRow(ctx, "SELECT "+directoryUserColumns+" FROM users WHERE login = ?", login))
	if err != nil {
		return nil, notFound(err, "get user "+login)
	}
	return u, nil
}

func (q *queries) ListDirectoryUsers(ctx context.Context, source string) ([]DirectoryUser, error) {
	rows, err := q.query(ctx, "SELECT "+directoryUserColumns+" FROM users WHERE auth_source = ? ORDER BY login", source)
	if err != nil {
		return nil, fmt.Errorf("list %s users: %w", source, err)
	}
	var out []DirectoryUser
	err = scanEach(rows, func(s scanner) error {
		u, err := scanDirectoryUser(s)
		if err == nil {
			out = append(out, *u)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list %s users: %w", source, err)
	}
	return out, nil
}

func (q *queries) CreateDirectoryUser(ctx context.Context, u *DirectoryUser) error {
	if u.CreatedAt.IsZero() {
		u.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO users (login, name, email, role, password_hash, disabled, created_at,
			auth_source, external_dn, phone, department, synced_at, gone_from_directory)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		u.Login, u.Name, u.Email, u.Role, u.PasswordHash, u.Disabled, ms(u.CreatedAt),
		u.Source, u.DN, u.Phone, u.Department, ms(u.SyncedAt), u.Gone).Scan(&u.ID)
	return q.conflict(err, "create user "+u.Login)
}

func (q *queries) UpdateDirectoryUser(ctx context.Context, u *DirectoryUser) error {
	res, err := q.exec(ctx, `UPDATE users SET name = ?, email = ?, role = ?, disabled = ?, auth_source = ?,
			external_dn = ?, phone = ?, department = ?, synced_at = ?, gone_from_directory = ?
		WHERE id = ?`,
		u.Name, u.Email, u.Role, u.Disabled, u.Source, u.DN, u.Phone, u.Department, ms(u.SyncedAt), u.Gone, u.ID)
	if err != nil {
		return fmt.Errorf("update user %s: %w", u.Login, err)
	}
	return mustAffect(res, "update user "+u.Login)
}
