package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ProcessedReport records one accepted report ID of an agent and the answer
// it got, so a resend is answered the same without storing it twice.
type ProcessedReport struct {
	AgentID  int64
	ReportID string
	AssetID  int64
	Response string // the JSON answer sent
	At       time.Time
}

func (q *queries) GetProcessedReport(ctx context.Context, agentID int64, reportID string) (*ProcessedReport, error) {
	var r ProcessedReport
	var at sql.NullInt64
	err := q.queryRow(ctx, `SELECT agent_id, report_id, asset_id, response, at FROM processed_reports
		WHERE agent_id = ? AND report_id = ?`, agentID, reportID).Scan(&r.AgentID, &r.ReportID, &r.AssetID, &r.Response, &at)
	if err != nil {
		return nil, notFound(err, "get processed report "+reportID)
	}
	r.At = fromMS(at)
	return &r, nil
}

func (q *queries) PutProcessedReport(ctx context.Context, r ProcessedReport) error {
	_, err := q.exec(ctx, `INSERT INTO processed_reports (agent_id, report_id, asset_id, response, at)
		VALUES (?, ?, ?, ?, ?)`, r.AgentID, r.ReportID, r.AssetID, r.Response, ms(r.At))
	return q.conflict(err, "record report "+r.ReportID)
}

func (q *queries) PruneProcessedReports(ctx context.Context, before time.Time) (int64, error) {
	res, err := q.exec(ctx, "DELETE FROM processed_reports WHERE at < ?", ms(before))
	if err != nil {
		return 0, fmt.Errorf("prune processed reports: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune processed reports: %w", err)
	}
	return n, nil
}
