package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// SNMP result statuses.
const (
	// SNMPImported: the device's report was ingested; AssetID is its asset.
	SNMPImported = "imported"
	// SNMPUnmanaged: found but not imported; Report waits for a technician.
	SNMPUnmanaged = "unmanaged"
	// SNMPFailed: found, but its inventory or import failed (Reason).
	SNMPFailed = "failed"
)

// SNMPResult is one device a run found.
type SNMPResult struct {
	ID           int64
	RunID        int64
	IP           string
	Type         string // pkg/snmp type: "printer", "networking"...
	Name         string // sysName
	CredentialID int64  // the credential that answered; 0 if unknown
	AssetID      int64  // the park's asset once imported
	Status       string // SNMPImported, SNMPUnmanaged or SNMPFailed
	Reason       string // why it failed
	// Report is the device's GLPI JSON report, kept until imported.
	Report    string
	CreatedAt time.Time
}

// SNMPResultQueries manage the devices runs found.
type SNMPResultQueries interface {
	// PutSNMPResult stores r, replacing the result of the same run and IP
	// (the inventory of a device discovery found), and sets its ID.
	PutSNMPResult(ctx context.Context, r *SNMPResult) error
	GetSNMPResult(ctx context.Context, id int64) (*SNMPResult, error)
	// ListSNMPResults lists a run's results by address.
	ListSNMPResults(ctx context.Context, runID int64) ([]SNMPResult, error)
	// MarkSNMPResultImported records the asset an unmanaged result became
	// and forgets its report; ErrNotFound if it was not unmanaged.
	MarkSNMPResultImported(ctx context.Context, id, assetID int64) error
}

func (q *queries) PutSNMPResult(ctx context.Context, r *SNMPResult) error {
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO snmp_results (run_id, ip, type, name, credential_id, asset_id, status, reason,
		report, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, ip) DO UPDATE SET
		type = excluded.type, name = excluded.name, credential_id = excluded.credential_id, asset_id = excluded.asset_id,
		status = excluded.status, reason = excluded.reason, report = excluded.report RETURNING id`,
		r.RunID, r.IP, r.Type, r.Name, nullID(r.CredentialID), nullID(r.AssetID), r.Status, r.Reason, r.Report,
		ms(r.CreatedAt)).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("result %s of SNMP run %d: %w", r.IP, r.RunID, err)
	}
	return nil
}

const snmpResultColumns = `id, run_id, ip, type, name, credential_id, asset_id, status, reason, report, created_at`

func scanSNMPResult(row interface{ Scan(...any) error }) (*SNMPResult, error) {
	var r SNMPResult
	var cred, asset, created sql.NullInt64
	if err := row.Scan(&r.ID, &r.RunID, &r.IP, &r.Type, &r.Name, &cred, &asset, &r.Status, &r.Reason, &r.Report,
		&created); err != nil {
		return nil, err
	}
	r.CredentialID, r.AssetID, r.CreatedAt = cred.Int64, asset.Int64, fromMS(created)
	return &r, nil
}

func (q *queries) GetSNMPResult(ctx context.Context, id int64) (*SNMPResult, error) {
	r, err := scanSNMPResult(q.queryRow(ctx, `SELECT `+snmpResultColumns+` FROM snmp_results WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("SNMP result %d", id))
	}
	return r, nil
}

func (q *queries) ListSNMPResults(ctx context.Context, runID int64) ([]SNMPResult, error) {
	rows, err := q.query(ctx, `SELECT `+snmpResultColumns+` FROM snmp_results WHERE run_id = ? ORDER BY id`, runID)
	if err != nil {
		return nil, fmt.Errorf("results of SNMP run %d: %w", runID, err)
	}
	defer rows.Close()
	var out []SNMPResult
	for rows.Next() {
		r, err := scanSNMPResult(rows)
		if err != nil {
			return nil, fmt.Errorf("results of SNMP run %d: %w", runID, err)
		}
		out = append(out, *r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("results of SNMP run %d: %w", runID, err)
	}
	return out, nil
}

func (q *queries) MarkSNMPResultImported(ctx context.Context, id, assetID int64) error {
	res, err := q.exec(ctx, `UPDATE snmp_results SET status = ?, asset_id = ?, report = '', reason = '' WHERE id = ? AND status = ?`,
		SNMPImported, assetID, id, SNMPUnmanaged)
	if err != nil {
		return fmt.Errorf("import SNMP result %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("import SNMP result %d", id))
}
