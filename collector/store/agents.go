package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Agent is an enrolled parc-agent. It owns at most one asset (AssetID, 0
// until its first accepted report), and only that asset.
type Agent struct {
	ID            int64
	DeviceID      string
	Hostname      string
	Tag           string
	TokenHash     string // SHA-256 hex of the agent's token
	AssetID       int64
	Version       string
	EnrolledAt    time.Time
	LastContactAt time.Time
	LastFullAt    time.Time
}

const agentColumns = "id, deviceid, hostname, tag, token_hash, asset_id, version, enrolled_at, last_contact_at, last_full_at"

func scanAgent(s scanner) (*Agent, error) {
	var a Agent
	var asset, enrolled, contact, full sql.NullInt64
	if err := s.Scan(&a.ID, &a.DeviceID, &a.Hostname, &a.Tag, &a.TokenHash, &asset, &a.Version,
		&enrolled, &contact, &full); err != nil {
		return nil, err
	}
	a.AssetID = asset.Int64
	a.EnrolledAt, a.LastContactAt, a.LastFullAt = fromMS(enrolled), fromMS(contact), fromMS(full)
	return &a, nil
}

func (q *queries) CreateAgent(ctx context.Context, a *Agent) error {
	if a.EnrolledAt.IsZero() {
		a.EnrolledAt = time.Now().UTC()
	}
	err := q.writeRow(ctx, `INSERT INTO agents (deviceid, hostname, tag, token_hash, asset_id, version, enrolled_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		a.DeviceID, a.Hostname, a.Tag, a.TokenHash, nullID(a.AssetID), a.Version, ms(a.EnrolledAt)).Scan(&a.ID)
	return q.conflict(err, "create agent "+a.DeviceID)
}

func (q *queries) getAgent(ctx context.Context, what, where string, arg any) (*Agent, error) {
	a, err := scanAgent(q.pointRow(ctx, "SELECT "+agentColumns+" FROM agents WHERE "+where, arg))
	if err != nil {
		return nil, notFound(err, "get agent "+what)
	}
	return a, nil
}

func (q *queries) GetAgent(ctx context.Context, id int64) (*Agent, error) {
	return q.getAgent(ctx, fmt.Sprint(id), "id = ?", id)
}

func (q *queries) GetAgentByDeviceID(ctx context.Context, deviceID string) (*Agent, error) {
	return q.getAgent(ctx, deviceID, "deviceid = ?", deviceID)
}

func (q *queries) GetAgentByTokenHash(ctx context.Context, hash string) (*Agent, error) {
	return q.getAgent(ctx, "by token", "token_hash = ?", hash)
}

func (q *queries) GetAgentByAsset(ctx context.Context, assetID int64) (*Agent, error) {
	return q.getAgent(ctx, fmt.Sprintf("of asset %d", assetID), "asset_id = ?", assetID)
}

func (q *queries) ListAgents(ctx context.Context) ([]Agent, error) {
	rows, err := q.query(ctx, "SELECT "+agentColumns+" FROM agents ORDER BY deviceid")
	if err != nil {
		return nil, fmt.Errorf("list agents: %w", err)
	}
	defer rows.Close()
	var out []Agent
	for rows.Next() {
		a, err := scanAgent(rows)
		if err != nil {
			return nil, fmt.Errorf("list agents: %w", err)
		}
		out = append(out, *a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list agents: %w", err)
	}
	return out, nil
}

func (q *queries) updateAgent(ctx context.Context, what, set string, args ...any) error {
	res, err := q.exec(ctx, "UPDATE agents SET "+set+" WHERE id = ?", args...)
	if err != nil {
		return q.conflict(err, what)
	}
	return mustAffect(res, what)
}

func (q *queries) UpdateAgentToken(ctx context.Context, id int64, tokenHash string) error {
	return q.updateAgent(ctx, fmt.Sprintf("update token of agent %d", id), "token_hash = ?", tokenHash, id)
}

func (q *queries) SetAgentAsset(ctx context.Context, agentID, assetID int64) error {
	return q.updateAgent(ctx, fmt.Sprintf("set asset of agent %d", agentID), "asset_id = ?", nullID(assetID), agentID)
}

func (q *queries) TouchAgentContact(ctx context.Context, id int64, at time.Time, version string) error {
	return q.updateAgent(ctx, fmt.Sprintf("touch agent %d", id),
		"last_contact_at = ?, version = CASE WHEN ? = '' THEN version ELSE ? END", ms(at), version, version, id)
}

func (q *queries) SetAgentLastFull(ctx context.Context, id int64, at time.Time) error {
	return q.updateAgent(ctx, fmt.Sprintf("set last full inventory of agent %d", id), "last_full_at = ?", ms(at), id)
}

func (q *queries) DeleteAgent(ctx context.Context, id int64) error {
	// processed_reports rows go with it (ON DELETE CASCADE); the asset
	// keeps its inventory and history.
	res, err := q.exec(ctx, "DELETE FROM agents WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete agent %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete agent %d", id))
}

func (q *queries) LockAgent(ctx context.Context, id int64) error {
	if q.d.name != "postgres" {
		return nil // one writer: the transaction is already exclusive
	}
	if !q.inTx {
		return fmt.Errorf("lock agent %d: only inside a transaction", id)
	}
	if _, err := q.exec(ctx, "SELECT pg_advisory_xact_lock(?)", advisoryKey(fmt.Sprintf("parc:agent:%d", id))); err != nil {
		return fmt.Errorf("lock agent %d: %w", id, err)
	}
	return nil
}
