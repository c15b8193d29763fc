package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Licence grants Seats of one software of the catalogue.
type Licence struct {
	ID         int64
	SoftwareID int64
	Name       string // e.g. "Microsoft 365 E3 — 2026 order"
	Seats      int
	ExpiresOn  string // "YYYY-MM-DD"; "" for a perpetual licence
	Comment    string
	CreatedAt  time.Time
}

// Expired reports whether the licence no longer grants seats on day today
// ("YYYY-MM-DD"): it is valid through its expiry date.
func (l *Licence) Expired(today string) bool {
	return l.ExpiresOn != "" && l.ExpiresOn < today
}

// LicenceUsage is a licence with the use of its software.
type LicenceUsage struct {
	Licence
	SoftwareName string
	// Used counts the assets that have any version of the software (an
	// asset with the 32- and 64-bit builds side by side takes one seat).
	Used int
	// SoftwareSeats sums the seats of the software's licences that are not
	// expired: several purchases of one software pool their seats.
	SoftwareSeats int
	// Over is set when Used exceeds SoftwareSeats.
	Over bool
}

// LicenceQueries manage software licences. Every Store opened by Open
// implements them; use Licences to get them.
type LicenceQueries interface {
	// CreateLicence stores l and sets its ID; ErrNotFound if its software
	// does not exist.
	CreateLicence(ctx context.Context, l *Licence) error
	GetLicence(ctx context.Context, id int64) (*Licence, error)
	UpdateLicence(ctx context.Context, l *Licence) error
	DeleteLicence(ctx context.Context, id int64) error
	// LicenceUsages lists the licences of softwareID (0 for all) with
	// their use on day today ("YYYY-MM-DD"), by software name then ID.
	LicenceUsages(ctx context.Context, softwareID int64, today string) ([]LicenceUsage, error)
}

// Licences returns the licence queries of x, a Store or the Queries of a
// transaction.
func Licences(x any) (LicenceQueries, error) {
	l, ok := x.(LicenceQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no licence queries", x)
	}
	return l, nil
}

func (q *queries) CreateLicence(ctx context.Context, l *Licence) error {
	if l.CreatedAt.IsZero() {
		l.CreatedAt = time.Now().UTC()
	}
	if _, err := q.GetSoftware(ctx, l.SoftwareID); err != nil {
		return fmt.Errorf("create licence: %w", err)
	}
	err := q.writeRow(ctx, `INSERT INTO licences (software_id, name, seats, expires_on, comment, created_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		l.SoftwareID, l.Name, l.Seats, l.ExpiresOn, l.Comment, ms(l.CreatedAt)).Scan(&l.ID)
	if err != nil {
		return fmt.Errorf("create licence: %w", err)
	}
	return nil
}

func (q *queries) GetLicence(ctx context.Context, id int64) (*Licence, error) {
	var l Licence
	var created sql.NullInt64
	err := q.queryRow(ctx, `SELECT id, software_id, name, seats, expires_on, comment, created_at
		FROM licences WHERE id = ?`, id).Scan(&l.ID, &l.SoftwareID, &l.Name, &l.Seats, &l.ExpiresOn, &l.Comment, &created)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get licence %d", id))
	}
	l.CreatedAt = fromMS(created)
	return &l, nil
}

func (q *queries) UpdateLicence(ctx context.Context, l *Licence) error {
	if _, err := q.GetSoftware(ctx, l.SoftwareID); err != nil {
		return fmt.Errorf("update licence %d: %w", l.ID, err)
	}
	res, err := q.exec(ctx, `UPDATE licences SET software_id = ?, name = ?, seats = ?, expires_on = ?, comment = ?
		WHERE id = ?`, l.SoftwareID, l.Name, l.Seats, l.ExpiresOn, l.Comment, l.ID)
	if err != nil {
		return fmt.Errorf("update licence %d: %w", l.ID, err)
	}
	return mustAffect(res, fmt.Sprintf("update licence %d", l.ID))
}

func (q *queries) DeleteLicence(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, "DELETE FROM licences WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete licence %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete licence %d", id))
}

func (q *queries) LicenceUsages(ctx context.Context, softwareID int64, today string) ([]LicenceUsage, error) {
	where, args := "", []any{today}
	if softwareID != 0 {
		where = " WHERE l.software_id = ?"
		args = append(args, softwareID)
	}
	// Licences are few (tens, hundreds): per-row subqueries on the indexed
	// installations_version and licences_software are cheap.
	rows, err := q.query(ctx, `SELECT l.id, l.software_id, l.name, l.seats, l.expires_on, l.comment, l.created_at, s.name,
		(SELECT COUNT(DISTINCT i.asset_id) FROM installations i JOIN software_versions v ON v.id = i.version_id
			WHERE v.software_id = l.software_id),
		(SELECT COALESCE(SUM(o.seats), 0) FROM licences o
			WHERE o.software_id = l.software_id AND (o.expires_on = '' OR o.expires_on >= ?))
		FROM licences l JOIN software s ON s.id = l.software_id`+where+` ORDER BY lower(s.name), l.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("licence usages: %w", err)
	}
	var out []LicenceUsage
	err = scanEach(rows, func(s scanner) error {
		var u LicenceUsage
		var created sql.NullInt64
		if err := s.Scan(&u.ID, &u.SoftwareID, &u.Name, &u.Seats, &u.ExpiresOn, &u.Comment, &created,
			&u.SoftwareName, &u.Used, &u.SoftwareSeats); err != nil {
			return err
		}
		u.CreatedAt = fromMS(created)
		u.Over = u.Used > u.SoftwareSeats
		out = append(out, u)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("licence usages: %w", err)
	}
	return out, nil
}
