package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/sla"
)

// statusPending is GLPI's pending status (package helpdesk's
// StatusPending), repeated here because the store does not import the
// rules package.
const statusPending = 4

// openStatuses are the statuses whose deadlines still run: new,
// assigned, planned. Pending tickets are frozen; solved and closed ones
// are done.
const openStatuses = "(1, 2, 3)"

const ticketSLAColumns = `ticket_id, category_id, priority, tto_rule_id, ttr_rule_id, tto_due_at, ttr_due_at,
	pending_since, paused_ms, tto_warn_at, ttr_warn_at, tto_warned_at, ttr_warned_at`

func scanTicketSLA(s scanner) (*TicketSLA, error) {
	var t TicketSLA
	var cat, tto, ttr, ttoDue, ttrDue, since, ttoWarn, ttrWarn, ttoWarned, ttrWarned sql.NullInt64
	var paused int64
	if err := s.Scan(&t.TicketID, &cat, &t.Priority, &tto, &ttr, &ttoDue, &ttrDue, &since, &paused,
		&ttoWarn, &ttrWarn, &ttoWarned, &ttrWarned); err != nil {
		return nil, err
	}
	t.CategoryID, t.TTORuleID, t.TTRRuleID = cat.Int64, tto.Int64, ttr.Int64
	t.TTODue, t.TTRDue, t.PendingSince = fromMS(ttoDue), fromMS(ttrDue), fromMS(since)
	t.Paused = time.Duration(paused) * time.Millisecond
	t.TTOWarnAt, t.TTRWarnAt, t.TTOWarned, t.TTRWarned = fromMS(ttoWarn), fromMS(ttrWarn), fromMS(ttoWarned), fromMS(ttrWarned)
	return &t, nil
}

func (q *queries) TicketSLA(ctx context.Context, ticketID int64) (*TicketSLA, error) {
	t, err := scanTicketSLA(q.queryRow(ctx, `SELECT `+ticketSLAColumns+` FROM ticket_slas WHERE ticket_id = ?`, ticketID))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("ticket %d SLA", ticketID))
	}
	return t, nil
}

func (q *queries) TicketSLAs(ctx context.Context, ids []int64) (map[int64]TicketSLA, error) {
	out := map[int64]TicketSLA{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	rows, err := q.query(ctx, `SELECT `+ticketSLAColumns+` FROM ticket_slas WHERE ticket_id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("ticket SLAs: %w", err)
	}
	for rows.Next() {
		t, err := scanTicketSLA(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("ticket SLAs: %w", err)
		}
		out[t.TicketID] = *t
	}
	return out, slaRowsErr(rows, "ticket SLAs")
}

func (q *queries) CountTTOLate(ctx context.Context, now time.Time) (int, error) {
	var n int
	err := q.queryRow(ctx, `SELECT COUNT(*) FROM ticket_slas s JOIN tickets t ON t.id = s.ticket_id
		WHERE s.tto_due_at < ? AND t.taken_at IS NULL AND t.status IN `+openStatuses, now.UnixMilli()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count late to own: %w", err)
	}
	return n, nil
}

func (q *queries) DueSLAWarnings(ctx context.Context, now time.Time, limit int) ([]SLAWarning, error) {
	rows, err := q.query(ctx, `SELECT s.ticket_id, 'tto', s.tto_due_at FROM ticket_slas s JOIN tickets t ON t.id = s.ticket_id
		WHERE s.tto_warned_at IS NULL AND s.tto_warn_at IS NOT NULL AND s.tto_warn_at <= ? AND t.taken_at IS NULL
			AND t.status IN `+openStatuses+`
		UNION ALL
		SELECT s.ticket_id, 'ttr', s.ttr_due_at FROM ticket_slas s JOIN tickets t ON t.id = s.ticket_id
		WHERE s.ttr_warned_at IS NULL AND s.ttr_warn_at IS NOT NULL AND s.ttr_warn_at <= ? AND t.status IN `+openStatuses+`
		ORDER BY 3, 1 LIMIT ?`, now.UnixMilli(), now.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("due SLA warnings: %w", err)
	}
	var out []SLAWarning
	for rows.Next() {
		var w SLAWarning
		var kind string
		var due sql.NullInt64
		if err := rows.Scan(&w.TicketID, &kind, &due); err != nil {
			rows.Close()
			return nil, fmt.Errorf("due SLA warnings: %w", err)
		}
		w.Kind, w.Due = sla.Kind(kind), fromMS(due)
		out = append(out, w)
	}
	return out, slaRowsErr(rows, "due SLA warnings")
}

func (q *queries) MarkSLAWarned(ctx context.Context, ticketID int64, k sla.Kind, at time.Time) (bool, error) {
	col := "ttr_warned_at"
	if k == sla.TTO {
		col = "tto_warned_at"
	}
	res, err := q.exec(ctx, `UPDATE ticket_slas SET `+col+` = ? WHERE ticket_id = ? AND `+col+` IS NULL`, ms(at), ticketID)
	if err != nil {
		return false, fmt.Errorf("mark ticket %d SLA warned: %w", ticketID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("mark ticket %d SLA warned: %w", ticketID, err)
	}
	return n == 1, nil
}

// writeTicketSLA inserts or replaces a ticket's SLA row.
func (q *queries) writeTicketSLA(ctx context.Context, s *TicketSLA) error {
	_, err := q.exec(ctx, `INSERT INTO ticket_slas (`+ticketSLAColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (ticket_id) DO UPDATE SET category_id = excluded.category_id, priority = excluded.priority,
			tto_rule_id = excluded.tto_rule_id, ttr_rule_id = excluded.ttr_rule_id, tto_due_at = excluded.tto_due_at,
			ttr_due_at = excluded.ttr_due_at, pending_since = excluded.pending_since, paused_ms = excluded.paused_ms,
			tto_warn_at = excluded.tto_warn_at, ttr_warn_at = excluded.ttr_warn_at,
			tto_warned_at = excluded.tto_warned_at, ttr_warned_at = excluded.ttr_warned_at`,
		s.TicketID, nullID(s.CategoryID), s.Priority, nullID(s.TTORuleID), nullID(s.TTRRuleID), ms(s.TTODue), ms(s.TTRDue),
		ms(s.PendingSince), s.Paused.Milliseconds(), ms(s.TTOWarnAt), ms(s.TTRWarnAt), ms(s.TTOWarned), ms(s.TTRWarned))
	if err != nil {
		return fmt.Errorf("write ticket %d SLA: %w", s.TicketID, err)
	}
	return nil
}
