package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SNMPCredential is a stored SNMP credential set. Secret holds the
// community and passphrases sealed by collector/snmppoll; the store never
// sees them in clear.
type SNMPCredential struct {
	ID           int64
	Name         string // e.g. "printers v2c"
	Version      string // "1", "2c" or "3"
	Username     string // v3 user
	AuthProtocol string // v3: "", "MD5", "SHA", "SHA256"...
	PrivProtocol string // v3: "", "DES", "AES", "AES256"...
	ContextName  string // v3 context, usually ""
	Secret       string // sealed JSON of the secrets
	CreatedAt    time.Time
}

// SNMPQueries manage SNMP credentials, discovery jobs, their runs and
// results. Every Store opened by Open implements them; use SNMP to get
// them.
type SNMPQueries interface {
	// CreateSNMPCredential stores c and sets its ID; ErrConflict if the
	// name is taken.
	CreateSNMPCredential(ctx context.Context, c *SNMPCredential) error
	GetSNMPCredential(ctx context.Context, id int64) (*SNMPCredential, error)
	// ListSNMPCredentials lists every credential set by name.
	ListSNMPCredentials(ctx context.Context) ([]SNMPCredential, error)
	// DeleteSNMPCredential removes a credential set; ErrConflict while a
	// job uses it.
	DeleteSNMPCredential(ctx context.Context, id int64) error
	SNMPJobQueries
	SNMPRunQueries
}

// SNMP returns the SNMP queries of x, a Store or the Queries of a
// transaction.
func SNMP(x any) (SNMPQueries, error) {
	s, ok := x.(SNMPQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no SNMP queries", x)
	}
	return s, nil
}

func (q *queries) CreateSNMPCredential(ctx context.Context, c *SNMPCredential) error {
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO snmp_credentials (name, version, username, auth_protocol, priv_protocol,
		context_name, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.Name, c.Version, c.Username, c.AuthProtocol, c.PrivProtocol, c.ContextName, c.Secret, ms(c.CreatedAt)).Scan(&c.ID)
	return q.conflict(err, "create SNMP credential "+c.Name)
}

const snmpCredColumns = `id, name, version, username, auth_protocol, priv_protocol, context_name, secret, created_at`

func scanSNMPCredential(row interface{ Scan(...any) error }) (*SNMPCredential, error) {
	var c SNMPCredential
	var created sql.NullInt64
	if err := row.Scan(&c.ID, &c.Name, &c.Version, &c.Username, &c.AuthProtocol, &c.PrivProtocol,
		&c.ContextName, &c.Secret, &created); err != nil {
		return nil, err
	}
	c.CreatedAt = fromMS(created)
	return &c, nil
}

func (q *queries) GetSNMPCredential(ctx context.Context, id int64) (*SNMPCredential, error) {
	c, err := scanSNMPCredential(q.queryRow(ctx, `SELECT `+snmpCredColumns+` FROM snmp_credentials WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("SNMP credential %d", id))
	}
	return c, nil
}

func (q *queries) ListSNMPCredentials(ctx context.Context) ([]SNMPCredential, error) {
	rows, err := q.query(ctx, `SELECT `+snmpCredColumns+` FROM snmp_credentials ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list SNMP credentials: %w", err)
	}
	defer rows.Close()
	var out []SNMPCredential
	for rows.Next() {
		c, err := scanSNMPCredential(rows)
		if err != nil {
			return nil, fmt.Errorf("list SNMP credentials: %w", err)
		}
		out = append(out, *c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list SNMP credentials: %w", err)
	}
	return out, nil
}

func (q *queries) DeleteSNMPCredential(ctx context.Context, id int64) error {
	var used int
	if err := q.queryRow(ctx, `SELECT COUNT(*) FROM snmp_job_credentials WHERE credential_id = ?`, id).Scan(&used); err != nil {
		return fmt.Errorf("delete SNMP credential %d: %w", id, err)
	}
	if used > 0 {
		return fmt.Errorf("delete SNMP credential %d: used by %d job(s): %w", id, used, ErrConflict)
	}
	res, err := q.exec(ctx, `DELETE FROM snmp_credentials WHERE id = ?`, id)
	if err != nil {
		return q.conflict(err, fmt.Sprintf("delete SNMP credential %d", id))
	}
	return mustAffect(res, fmt.Sprintf("delete SNMP credential %d", id))
}
