package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/sla"
)

func (q *queries) SaveSLARule(ctx context.Context, r *sla.Rule) error {
	if r.Kind != sla.TTO && r.Kind != sla.TTR {
		return fmt.Errorf("save SLA rule: kind %q is not tto or ttr", r.Kind)
	}
	if r.Duration <= 0 {
		return fmt.Errorf("save SLA rule: the duration must be positive")
	}
	args := []any{r.Name, string(r.Kind), r.Duration.Milliseconds(), nullID(r.CalendarID), nullID(r.CategoryID),
		r.Priority, r.WarnBefore.Milliseconds()}
	if r.ID == 0 {
		err := q.writeRow(ctx, `INSERT INTO sla_rules (name, kind, duration_ms, calendar_id, category_id, priority, warn_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, args...).Scan(&r.ID)
		if err != nil {
			return fmt.Errorf("create SLA rule: %w", err)
		}
		return nil
	}
	res, err := q.exec(ctx, `UPDATE sla_rules SET name = ?, kind = ?, duration_ms = ?, calendar_id = ?, category_id = ?,
		priority = ?, warn_ms = ? WHERE id = ?`, append(args, r.ID)...)
	if err != nil {
		return fmt.Errorf("update SLA rule %d: %w", r.ID, err)
	}
	return mustAffect(res, fmt.Sprintf("update SLA rule %d", r.ID))
}

func (q *queries) DeleteSLARule(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, `DELETE FROM sla_rules WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete SLA rule %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete SLA rule %d", id))
}

func (q *queries) ListSLARules(ctx context.Context) ([]sla.Rule, error) {
	rows, err := q.query(ctx, `SELECT id, name, kind, duration_ms, calendar_id, category_id, priority, warn_ms
		FROM sla_rules ORDER BY kind, name, id`)
	if err != nil {
		return nil, fmt.Errorf("list SLA rules: %w", err)
	}
	var out []sla.Rule
	for rows.Next() {
		var r sla.Rule
		var kind string
		var dur, warn int64
		var cal, cat sql.NullInt64
		if err := rows.Scan(&r.ID, &r.Name, &kind, &dur, &cal, &cat, &r.Priority, &warn); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list SLA rules: %w", err)
		}
		r.Kind, r.Duration, r.WarnBefore = sla.Kind(kind), time.Duration(dur)*time.Millisecond, time.Duration(warn)*time.Millisecond
		r.CalendarID, r.CategoryID = cal.Int64, cat.Int64
		out = append(out, r)
	}
	return out, slaRowsErr(rows, "list SLA rules")
}
