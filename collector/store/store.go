// Package store is parc-collector's persistence: one interface (Store), two
// SQL dialects (SQLite, the embedded default, and PostgreSQL for several
// collectors sharing one database), numbered embedded migrations and plain
// SQL next to its Scan, one file per aggregate.
//
// Conventions shared by both dialects:
//   - Times are stored as BIGINT Unix milliseconds (UTC) and surface as
//     time.Time; a zero time.Time means "never" (NULL).
//   - Queries are written with "?" placeholders; the PostgreSQL dialect
//     rewrites them to $n in one place (rebind).
//   - Nothing lives only in process memory: sessions, enrolment state and the
//     exactly-once table of reports are rows, so several collectors can share
//     one PostgreSQL.
//   - The enrolment secret is kept in plain text in settings (key
//     SettingEnrollSecret): the administrator must be able to print it, and
//     anyone able to read the database can already do more than enrol a PC.
package store

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned when the requested row does not exist.
var ErrNotFound = errors.New("not found")

// ErrConflict is returned when a row would break a uniqueness rule, such as
// a second user with the same login.
var ErrConflict = errors.New("already exists")

// ErrNoApprover is returned when an approval is asked of a user who no
// longer exists or is disabled, or of a group without an enabled member.
var ErrNoApprover = errors.New("no approver available")

// Store is the collector's database. Every method of Queries runs in its own
// implicit transaction; WithTx groups several into one.
type Store interface {
	Queries
	// WithTx runs fn in one transaction, committed if fn returns nil and
	// rolled back otherwise. fn must use only the Queries it is given.
	WithTx(ctx context.Context, fn func(q Queries) error) error
	// Dialect is "sqlite" or "postgres".
	Dialect() string
	// Ping checks the database answers (for /readyz).
	Ping(ctx context.Context) error
	// Migrate applies every pending migration.
	Migrate(ctx context.Context) error
	// SchemaVersion is the highest applied migration, 0 on an empty database.
	SchemaVersion(ctx context.Context) (int, error)
	// Backup writes a consistent copy of the database to path (SQLite);
	// PostgreSQL returns ErrBackupUnsupported.
	Backup(ctx context.Context, path string) error
	// Close releases the connections.
	Close() error
}

// Queries are the data operations, usable inside and outside a transaction.
type Queries interface {
	UserQueries
	TokenQueries
	SessionQueries
	SettingQueries
	AgentQueries
	AssetQueries
	LocationQueries
	ComponentQueries
	SoftwareQueries
	HistoryQueries
	LockQueries
	ReportQueries
}

// UserQueries manage technician and administrator accounts.
type UserQueries interface {
	CreateUser(ctx context.Context, u *User) error
	GetUser(ctx context.Context, id int64) (*User, error)
	GetUserByLogin(ctx context.Context, login string) (*User, error)
	ListUsers(ctx context.Context) ([]User, error)
	CountUsers(ctx context.Context) (int, error)
	// SetUserPassword writes a password its owner chose, which clears
	// MustChangePassword.
	SetUserPassword(ctx context.Context, id int64, passwordHash string) error
	// ResetUserPassword writes a one-time password an administrator gave
	// and sets MustChangePassword.
	ResetUserPassword(ctx context.Context, id int64, passwordHash string) error
}

// TokenQueries manage API tokens (stored as SHA-256 hashes).
type TokenQueries interface {
	CreateAPIToken(ctx context.Context, t *APIToken) error
	GetAPITokenByHash(ctx context.Context, hash string) (*APIToken, error)
	ListAPITokens(ctx context.Context, userID int64) ([]APIToken, error)
	TouchAPIToken(ctx context.Context, id int64, at time.Time) error
	DeleteAPIToken(ctx context.Context, id int64) error
}

// SessionQueries manage web sessions, kept in the database so any collector
// behind a load balancer can serve any request.
type SessionQueries interface {
	CreateSession(ctx context.Context, s *Session) error
	GetSession(ctx context.Context, idHash string) (*Session, error)
	DeleteSession(ctx context.Context, idHash string) error
	DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error)
}

// SettingQueries read and write site-wide settings.
type SettingQueries interface {
	GetSetting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	// SetSettingIfAbsent stores value unless key exists, and returns the
	// value now stored (safe when several collectors start at once).
	SetSettingIfAbsent(ctx context.Context, key, value string) (string, error)
}

// AgentQueries manage enrolled agents.
type AgentQueries interface {
	CreateAgent(ctx context.Context, a *Agent) error
	GetAgent(ctx context.Context, id int64) (*Agent, error)
	GetAgentByDeviceID(ctx context.Context, deviceID string) (*Agent, error)
	GetAgentByTokenHash(ctx context.Context, hash string) (*Agent, error)
	GetAgentByAsset(ctx context.Context, assetID int64) (*Agent, error)
	ListAgents(ctx context.Context) ([]Agent, error)
	UpdateAgentToken(ctx context.Context, id int64, tokenHash string) error
	SetAgentAsset(ctx context.Context, agentID, assetID int64) error
	TouchAgentContact(ctx context.Context, id int64, at time.Time, version string) error
	SetAgentLastFull(ctx context.Context, id int64, at time.Time) error
	// DeleteAgent forgets an agent so its deviceid can enrol again; its
	// asset stays in the park. ErrNotFound if there is no such agent.
	DeleteAgent(ctx context.Context, id int64) error
	// LockAgent serialises the reports of one agent until the end of the
	// transaction (PostgreSQL advisory lock; SQLite has a single writer).
	LockAgent(ctx context.Context, id int64) error
}

// AssetQueries manage the park's assets.
type AssetQueries interface {
	CreateAsset(ctx context.Context, a *Asset) error
	GetAsset(ctx context.Context, id int64) (*Asset, error)
	UpdateAsset(ctx context.Context, a *Asset) error
	DeleteAsset(ctx context.Context, id int64) error
	// FindAssets returns the assets of type assetType whose identifier of
	// the given kind equals one of values (normalised keys), oldest first.
	FindAssets(ctx context.Context, kind IdentityKind, assetType string, values []string) ([]AssetRef, error)
	ListAssets(ctx context.Context, f AssetFilter) (AssetPage, error)
	ListChildren(ctx context.Context, parentID int64, assetType string) ([]Asset, error)
	CountAssetsByType(ctx context.Context) (map[string]int, error)
	AssetMACs(ctx context.Context, assetID int64) ([]string, error)
	SetAssetMACs(ctx context.Context, assetID int64, macs []string) error
}

// ComponentQueries manage the inventoried sections of an asset.
type ComponentQueries interface {
	SectionHashes(ctx context.Context, assetID int64) (map[string]string, error)
	// Components lists an asset's components of one section, or of every
	// section when section is "", ordered by section then id.
	Components(ctx context.Context, assetID int64, section string) ([]Component, error)
	// ApplyComponents writes one section's changes and records its hash;
	// an empty hash removes the section's hash row.
	ApplyComponents(ctx context.Context, assetID int64, section, hash string, ch ComponentChanges, at time.Time) error
}

// SoftwareQueries manage the software catalogue and installations.
type SoftwareQueries interface {
	// EnsureSoftwareVersions finds or creates the software and versions
	// named by keys and returns the version IDs.
	EnsureSoftwareVersions(ctx context.Context, keys []SoftwareKey) (map[SoftwareKey]int64, error)
	Installations(ctx context.Context, assetID int64) ([]Installation, error)
	AddInstallations(ctx context.Context, assetID int64, ins []Installation) error
	DeleteInstallations(ctx context.Context, assetID int64, ins []Installation) error
	ListSoftware(ctx context.Context, f SoftwareFilter) (SoftwarePage, error)
	GetSoftware(ctx context.Context, id int64) (*Software, error)
	SoftwareVersions(ctx context.Context, softwareID int64) ([]SoftwareVersion, error)
	// SoftwareInstallations lists the assets that have any version of the
	// software, by asset name.
	SoftwareInstallations(ctx context.Context, softwareID int64, limit, offset int) ([]AssetInstallation, error)
}

// HistoryQueries manage asset history.
type HistoryQueries interface {
	AddHistory(ctx context.Context, entries []HistoryEntry) error
	// AssetHistory lists an asset's history, newest first, entries with an
	// ID below beforeID when beforeID > 0, at most limit.
	AssetHistory(ctx context.Context, assetID, beforeID int64, limit int) ([]HistoryEntry, error)
	CountHistory(ctx context.Context, assetID int64) (int, error)
}

// LockQueries manage field locks (manual edits that inventory must keep).
type LockQueries interface {
	FieldLocks(ctx context.Context, assetID int64) ([]FieldLock, error)
	PutFieldLock(ctx context.Context, l FieldLock) error
	DeleteFieldLock(ctx context.Context, assetID int64, field string) error
}

// ReportQueries manage the exactly-once table of accepted reports.
type ReportQueries interface {
	GetProcessedReport(ctx context.Context, agentID int64, reportID string) (*ProcessedReport, error)
	PutProcessedReport(ctx context.Context, r ProcessedReport) error
	PruneProcessedReports(ctx context.Context, before time.Time) (int64, error)
}
