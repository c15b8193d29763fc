package store

import (
	"context"
	"database/sql"
	"errors"
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

// slaSetup is what deadlines are computed from: the rules and their
// calendars (nil for 24/7).
type slaSetup struct {
	rules []sla.Rule
	cals  map[int64]*sla.Calendar
}

func (q *queries) loadSLASetup(ctx context.Context) (*slaSetup, error) {
	rules, err := q.ListSLARules(ctx)
	if err != nil || len(rules) == 0 {
		return &slaSetup{}, err
	}
	cals, err := q.ListSLACalendars(ctx)
	if err != nil {
		return nil, err
	}
	s := &slaSetup{rules: rules, cals: map[int64]*sla.Calendar{}}
	for i := range cals {
		s.cals[cals[i].ID] = cals[i].Calendar()
	}
	return s, nil
}

func (s *slaSetup) rule(id int64) (sla.Rule, bool) {
	for _, r := range s.rules {
		if r.ID == id {
			return r, true
		}
	}
	return sla.Rule{}, false
}

// apply sets st's rules and deadlines for a ticket of category cat and
// priority prio opened at opened: each deadline is the rule's duration
// plus the business time already spent pending, from the opening, on
// the rule's calendar. (The pause was measured on the TTR calendar; when
// the two rules use different calendars this is an approximation.)
func (s *slaSetup) apply(st *TicketSLA, opened time.Time, cat int64, prio int) {
	st.CategoryID, st.Priority = cat, prio
	set := func(k sla.Kind, ruleID *int64, due, warnAt, warned *time.Time) {
		r, ok := sla.Match(s.rules, k, cat, prio)
		if !ok {
			*ruleID, *due, *warnAt, *warned = 0, time.Time{}, time.Time{}, time.Time{}
			return
		}
		d := s.cals[r.CalendarID].Add(opened, r.Duration+st.Paused)
		*ruleID = r.ID
		s.setDue(r, d, due, warnAt, warned)
	}
	set(sla.TTO, &st.TTORuleID, &st.TTODue, &st.TTOWarnAt, &st.TTOWarned)
	set(sla.TTR, &st.TTRRuleID, &st.TTRDue, &st.TTRWarnAt, &st.TTRWarned)
}

// setDue moves a deadline, its warning time, and forgets an earlier
// warning when the deadline moved. Deadlines are rounded up to the
// minute: the ticket form shows and sends back due dates to the minute,
// and a round trip must not look like a date set by hand.
func (s *slaSetup) setDue(r sla.Rule, d time.Time, due, warnAt, warned *time.Time) {
	if t := d.Truncate(time.Minute); !t.Equal(d) {
		d = t.Add(time.Minute)
	}
	if !d.Equal(*due) {
		*warned = time.Time{}
	}
	*due, *warnAt = d, time.Time{}
	if r.WarnBefore > 0 {
		*warnAt = d.Add(-r.WarnBefore)
	}
}

// slaOnCreate computes the deadlines of a new ticket before it is
// written: the TTR deadline becomes its due date unless the creator gave
// one. It returns the row to write once the ticket has its ID, nil when
// no rule applies.
func (q *queries) slaOnCreate(ctx context.Context, t *Ticket) (*TicketSLA, error) {
	setup, err := q.loadSLASetup(ctx)
	if err != nil || len(setup.rules) == 0 {
		return nil, err
	}
	st := &TicketSLA{}
	setup.apply(st, t.OpenedAt, t.CategoryID, t.Priority)
	if st.TTORuleID == 0 && st.TTRRuleID == 0 {
		return nil, nil
	}
	if int(t.Status) == statusPending {
		st.PendingSince = t.OpenedAt
	}
	if t.DueAt.IsZero() {
		t.DueAt = st.TTRDue
	}
	return st, nil
}

// slaOnUpdate keeps a ticket's deadlines as UpdateTicket writes t: a new
// category or priority recomputes them from the rules; entering pending
// stops the clock; leaving it moves each deadline by the business time
// spent pending (GLPI's rule). t.DueAt follows the TTR deadline unless
// someone set another date by hand.
func (q *queries) slaOnUpdate(ctx context.Context, t *Ticket) error {
	var oldCat sql.NullInt64
	var oldPrio, oldStatus int
	var opened int64
	err := q.queryRow(ctx, `SELECT category_id, priority, status, opened_at FROM tickets WHERE id = ?`, t.ID).
		Scan(&oldCat, &oldPrio, &oldStatus, &opened)
	if err != nil {
		return notFound(err, fmt.Sprintf("update ticket %d", t.ID))
	}
	st, err := q.TicketSLA(ctx, t.ID)
	hasRow := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	changed := oldCat.Int64 != t.CategoryID || oldPrio != t.Priority
	wasPending, isPending := oldStatus == statusPending, t.Status == statusPending
	if !hasRow && !changed {
		return nil
	}
	setup, err := q.loadSLASetup(ctx)
	if err != nil {
		return err
	}
	if !hasRow {
		st = &TicketSLA{TicketID: t.ID}
	}
	oldTTR, now := st.TTRDue, t.UpdatedAt
	switch {
	case wasPending && !isPending && !st.PendingSince.IsZero():
		setup.resume(st, now)
	case !wasPending && isPending:
		st.PendingSince = now
	}
	if changed {
		setup.apply(st, time.UnixMilli(opened), t.CategoryID, t.Priority)
	}
	if st.TTORuleID == 0 && st.TTRRuleID == 0 && !hasRow {
		return nil
	}
	if !st.TTRDue.Equal(oldTTR) && (t.DueAt.IsZero() || t.DueAt.Equal(oldTTR) || t.DueAt.Equal(oldTTR.Truncate(time.Minute))) {
		t.DueAt = st.TTRDue
	}
	st.TicketID = t.ID
	return q.writeTicketSLA(ctx, st)
}

// resume ends a pending stretch at now: each deadline moves by the
// business time, on its own rule's calendar, that the stretch lasted.
func (s *slaSetup) resume(st *TicketSLA, now time.Time) {
	push := func(ruleID int64, due, warnAt, warned *time.Time) time.Duration {
		r, _ := s.rule(ruleID) // a deleted rule: 24/7, no warning
		cal := s.cals[r.CalendarID]
		w := cal.Between(st.PendingSince, now)
		if !due.IsZero() {
			s.setDue(r, cal.Add(*due, w), due, warnAt, warned)
		}
		return w
	}
	push(st.TTORuleID, &st.TTODue, &st.TTOWarnAt, &st.TTOWarned)
	st.Paused += push(st.TTRRuleID, &st.TTRDue, &st.TTRWarnAt, &st.TTRWarned)
	st.PendingSince = time.Time{}
}
