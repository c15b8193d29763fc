package web

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// The SLA flags of a ticket row.
const (
	slaLate   = "late"    // open past its time to own or to resolve
	slaAtRisk = "at_risk" // the escalation's warning time has come
)

// slaFlag says whether an unsolved ticket is late (past its due date, the
// TTR deadline, or not taken by its TTO deadline) or at risk (a deadline's
// warning time has come); "" otherwise. s is nil without an SLA.
func slaFlag(t *store.Ticket, s *store.TicketSLA, now time.Time) string {
	if t.Status >= int(helpdesk.StatusSolved) {
		return ""
	}
	untaken := t.TakenAt.IsZero()
	if !t.DueAt.IsZero() && t.DueAt.Before(now) {
		return slaLate
	}
	if s == nil {
		return ""
	}
	if untaken && !s.TTODue.IsZero() && s.TTODue.Before(now) {
		return slaLate
	}
	if (!s.TTRWarnAt.IsZero() && !s.TTRWarnAt.After(now)) || (untaken && !s.TTOWarnAt.IsZero() && !s.TTOWarnAt.After(now)) {
		return slaAtRisk
	}
	return ""
}

// withSLA flags the rows late or at risk, reading the page's SLA states
// in one query.
func (s *Server) withSLA(ctx context.Context, rows []ticketRow) ([]ticketRow, error) {
	if len(rows) == 0 {
		return rows, nil
	}
	sq, err := s.slas()
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	states, err := sq.TicketSLAs(ctx, ids)
	if err != nil {
		return nil, err
	}
	now := s.now()
	for i := range rows {
		var st *store.TicketSLA
		if v, ok := states[rows[i].ID]; ok {
			st = &v
		}
		rows[i].SLA = slaFlag(&rows[i].Ticket, st, now)
	}
	return rows, nil
}

// ticketSLAView is the ticket page's service-level box.
type ticketSLAView struct {
	TTODue, TTRDue   time.Time
	TTOLate, TTRLate bool
	TTOMet           bool          // taken by the TTO deadline
	Elapsed          time.Duration // business time counted so far (pending excluded)
	Paused           time.Duration // business time spent pending
	Pending          bool          // the clock is stopped now
}

// ElapsedText is Elapsed as hours and minutes ("12h05").
func (v *ticketSLAView) ElapsedText() string { return hoursMinutes(v.Elapsed) }

// PausedText is Paused as hours and minutes.
func (v *ticketSLAView) PausedText() string { return hoursMinutes(v.Paused) }

func hoursMinutes(d time.Duration) string {
	m := int64(d / time.Minute)
	return fmt.Sprintf("%dh%02d", m/60, m%60)
}

// ticketSLA builds the ticket page's SLA box, nil when no rule applies.
func (s *Server) ticketSLA(ctx context.Context, t *store.Ticket) (*ticketSLAView, error) {
	sq, err := s.slas()
	if err != nil {
		return nil, err
	}
	st, err := sq.TicketSLA(ctx, t.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	v := &ticketSLAView{TTODue: st.TTODue, TTRDue: st.TTRDue, Pending: !st.PendingSince.IsZero(), Paused: st.Paused}
	if !st.TTODue.IsZero() {
		taken := t.TakenAt
		v.TTOMet = !taken.IsZero() && !taken.After(st.TTODue)
		v.TTOLate = (taken.IsZero() && now.After(st.TTODue)) || (!taken.IsZero() && taken.After(st.TTODue))
	}
	end := now
	if !t.SolvedAt.IsZero() {
		end = t.SolvedAt
	}
	if !st.TTRDue.IsZero() {
		v.TTRLate = end.After(st.TTRDue)
	}
	cal, err := s.ttrCalendar(ctx, sq, st)
	if err != nil {
		return nil, err
	}
	stop := end
	if v.Pending && st.PendingSince.Before(stop) {
		stop = st.PendingSince
	}
	if v.Elapsed = cal.Between(t.OpenedAt, stop) - st.Paused; v.Elapsed < 0 {
		v.Elapsed = 0
	}
	return v, nil
}

// ttrCalendar is the calendar the ticket's TTR rule (else TTO rule)
// counts on; nil (24/7) when none.
func (s *Server) ttrCalendar(ctx context.Context, sq store.SLAQueries, st *store.TicketSLA) (*sla.Calendar, error) {
	rules, err := sq.ListSLARules(ctx)
	if err != nil {
		return nil, err
	}
	var calID int64
	for _, r := range rules {
		if r.ID == st.TTRRuleID || (calID == 0 && r.ID == st.TTORuleID) {
			calID = r.CalendarID
		}
	}
	if calID == 0 {
		return nil, nil
	}
	c, err := sq.GetSLACalendar(ctx, calID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return c.Calendar(), nil
}

// fillTicketSLA sets the ticket page's SLA box and the late or at-risk
// badge next to its status.
func (s *Server) fillTicketSLA(ctx context.Context, t *store.Ticket, d *ticketViewData) error {
	rows, err := s.withSLA(ctx, []ticketRow{d.T})
	if err != nil {
		return err
	}
	d.T = rows[0]
	d.SLA, err = s.ticketSLA(ctx, t)
	return err
}

// slaRows is ticketRows with the late and at-risk flags. The flags are a
// comfort: when the SLA states cannot be read the rows come unflagged and
// the error is logged, rather than the list failing.
func (s *Server) slaRows(ctx context.Context, ts []store.Ticket) []ticketRow {
	rows := ticketRows(ts)
	flagged, err := s.withSLA(ctx, rows)
	if err != nil {
		s.log.Warn("read the tickets' SLA states", "err", err)
		return rows
	}
	return flagged
}

// countTTOLate counts the open tickets nobody took by their time to own.
func (s *Server) countTTOLate(ctx context.Context) (int, error) {
	sq, err := s.slas()
	if err != nil {
		return 0, err
	}
	return sq.CountTTOLate(ctx, s.now())
}
