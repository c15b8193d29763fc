package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/sla"
)

// The deadlines CreateTicket and UpdateTicket keep: every path that opens
// or changes a ticket (web, REST API, mail, forms, recurrent tickets)
// goes through them, so the SLA cannot be forgotten by one of them.

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
	if t.Status == statusPending {
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
