package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/sla"
)

// SLACalendar is a named business-hours calendar of the service levels.
type SLACalendar struct {
	ID       int64
	Name     string
	TimeZone string // IANA name, "" for the server's zone
	Segments []sla.Segment
	Holidays []sla.Holiday
}

// Calendar is c for package sla's arithmetic. An unknown zone (removed
// from the system's database since it was saved) falls back to the
// server's, so deadlines are still computed.
func (c *SLACalendar) Calendar() *sla.Calendar {
	loc := time.Local
	if c.TimeZone != "" {
		if l, err := time.LoadLocation(c.TimeZone); err == nil {
			loc = l
		}
	}
	return &sla.Calendar{Location: loc, Segments: c.Segments, Holidays: c.Holidays}
}

// TicketSLA is a ticket's service-level state. TTODue and TTRDue are
// zero when no rule of that kind applies; the TTR deadline is also the
// ticket's DueAt.
type TicketSLA struct {
	TicketID     int64
	CategoryID   int64 // the category and priority the deadlines were computed for
	Priority     int
	TTORuleID    int64
	TTRRuleID    int64
	TTODue       time.Time
	TTRDue       time.Time
	PendingSince time.Time     // zero unless the ticket is pending
	Paused       time.Duration // business time spent pending, before PendingSince
	TTOWarnAt    time.Time
	TTRWarnAt    time.Time
	TTOWarned    time.Time
	TTRWarned    time.Time
}

// SLAWarning is a deadline the escalation must warn about.
type SLAWarning struct {
	TicketID int64
	Kind     sla.Kind
	Due      time.Time
}

// SLAQueries store the service levels: calendars, rules, and each
// ticket's deadlines. CreateTicket and UpdateTicket keep the deadlines
// (see slaOnCreate and slaOnUpdate); these are the rest. Every Store
// opened by Open implements them; use SLAs to get them.
type SLAQueries interface {
	// SaveSLACalendar creates (ID 0) or replaces a calendar with its
	// segments and holidays; ErrConflict when the name is taken.
	SaveSLACalendar(ctx context.Context, c *SLACalendar) error
	// DeleteSLACalendar refuses (ErrConflict) a calendar a rule uses.
	DeleteSLACalendar(ctx context.Context, id int64) error
	GetSLACalendar(ctx context.Context, id int64) (*SLACalendar, error)
	// ListSLACalendars lists the calendars by name, with their hours.
	ListSLACalendars(ctx context.Context) ([]SLACalendar, error)

	// SaveSLARule creates (ID 0) or updates a rule. Tickets keep the
	// deadlines they have until their category or priority changes.
	SaveSLARule(ctx context.Context, r *sla.Rule) error
	DeleteSLARule(ctx context.Context, id int64) error
	// ListSLARules lists the rules by kind, then name.
	ListSLARules(ctx context.Context) ([]sla.Rule, error)

	// TicketSLA is a ticket's state, ErrNotFound when no rule applied.
	TicketSLA(ctx context.Context, ticketID int64) (*TicketSLA, error)
	// TicketSLAs returns the states of the listed tickets that have one,
	// in one query (for a page of the queue).
	TicketSLAs(ctx context.Context, ids []int64) (map[int64]TicketSLA, error)
	// CountTTOLate counts the open tickets nobody took that are past
	// their time to own at now.
	CountTTOLate(ctx context.Context, now time.Time) (int, error)
	// DueSLAWarnings lists up to limit deadlines of open tickets whose
	// warning time has come at now and that were not warned yet.
	DueSLAWarnings(ctx context.Context, now time.Time, limit int) ([]SLAWarning, error)
	// MarkSLAWarned records the warning of a ticket's deadline and
	// reports whether this call did (false when another collector did
	// first), so each deadline is warned once.
	MarkSLAWarned(ctx context.Context, ticketID int64, k sla.Kind, at time.Time) (bool, error)
}

// SLAs returns the service-level queries of a Store, or of the Queries a
// WithTx function receives.
func SLAs(x any) (SLAQueries, error) {
	s, ok := x.(SLAQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no SLA queries", x)
	}
	return s, nil
}

var _ SLAQueries = (*queries)(nil)

func (q *queries) SaveSLACalendar(ctx context.Context, c *SLACalendar) error {
	if c.TimeZone != "" {
		if _, err := time.LoadLocation(c.TimeZone); err != nil {
			return fmt.Errorf("save calendar: time zone %q is unknown", c.TimeZone)
		}
	}
	if c.ID == 0 {
		err := q.writeRow(ctx, `INSERT INTO sla_calendars (name, timezone) VALUES (?, ?) RETURNING id`,
			c.Name, c.TimeZone).Scan(&c.ID)
		if err != nil {
			return q.conflict(err, "create calendar")
		}
	} else {
		res, err := q.exec(ctx, `UPDATE sla_calendars SET name = ?, timezone = ? WHERE id = ?`, c.Name, c.TimeZone, c.ID)
		if err != nil {
			return q.conflict(err, "update calendar")
		}
		if err := mustAffect(res, fmt.Sprintf("update calendar %d", c.ID)); err != nil {
			return err
		}
		for _, t := range []string{"sla_calendar_segments", "sla_calendar_holidays"} {
			if _, err := q.exec(ctx, `DELETE FROM `+t+` WHERE calendar_id = ?`, c.ID); err != nil {
				return fmt.Errorf("update calendar %d: %w", c.ID, err)
			}
		}
	}
	for _, s := range c.Segments {
		if _, err := q.exec(ctx, `INSERT INTO sla_calendar_segments (calendar_id, weekday, start_min, end_min)
			VALUES (?, ?, ?, ?)`, c.ID, int(s.Weekday), s.Start, s.End); err != nil {
			return fmt.Errorf("save calendar %d segments: %w", c.ID, err)
		}
	}
	for _, h := range c.Holidays {
		if _, err := q.exec(ctx, `INSERT INTO sla_calendar_holidays (calendar_id, from_day, to_day, yearly, name)
			VALUES (?, ?, ?, ?, ?)`, c.ID, dayText(h.From, h.Yearly), dayText(h.To, h.Yearly), h.Yearly, h.Name); err != nil {
			return fmt.Errorf("save calendar %d holidays: %w", c.ID, err)
		}
	}
	return nil
}

func dayText(d sla.Date, yearly bool) string {
	if yearly {
		return fmt.Sprintf("%02d-%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

func parseDayText(s string) sla.Date {
	var d sla.Date
	var m int
	if len(s) == 5 {
		fmt.Sscanf(s, "%02d-%02d", &m, &d.Day)
	} else {
		fmt.Sscanf(s, "%04d-%02d-%02d", &d.Year, &m, &d.Day)
	}
	d.Month = time.Month(m)
	return d
}

func (q *queries) DeleteSLACalendar(ctx context.Context, id int64) error {
	var n int
	if err := q.queryRow(ctx, `SELECT COUNT(*) FROM sla_rules WHERE calendar_id = ?`, id).Scan(&n); err != nil {
		return fmt.Errorf("delete calendar %d: %w", id, err)
	}
	if n > 0 {
		return fmt.Errorf("delete calendar %d: %d rules use it: %w", id, n, ErrConflict)
	}
	res, err := q.exec(ctx, `DELETE FROM sla_calendars WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete calendar %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete calendar %d", id))
}

func (q *queries) GetSLACalendar(ctx context.Context, id int64) (*SLACalendar, error) {
	all, err := q.slaCalendars(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("get calendar %d: %w", id, ErrNotFound)
	}
	return &all[0], nil
}

func (q *queries) ListSLACalendars(ctx context.Context) ([]SLACalendar, error) {
	return q.slaCalendars(ctx, 0)
}

// slaCalendars reads one calendar (id) or all (id 0) in three queries.
func (q *queries) slaCalendars(ctx context.Context, id int64) ([]SLACalendar, error) {
	where, args := "", []any{}
	if id != 0 {
		where, args = " WHERE id = ?", []any{id}
	}
	rows, err := q.query(ctx, `SELECT id, name, timezone FROM sla_calendars`+where+` ORDER BY name`, args...)
	if err != nil {
		return nil, fmt.Errorf("list calendars: %w", err)
	}
	var out []SLACalendar
	idx := map[int64]int{}
	for rows.Next() {
		var c SLACalendar
		if err := rows.Scan(&c.ID, &c.Name, &c.TimeZone); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list calendars: %w", err)
		}
		idx[c.ID] = len(out)
		out = append(out, c)
	}
	if err := slaRowsErr(rows, "list calendars"); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	where = ""
	if id != 0 {
		where = " WHERE calendar_id = ?"
	}
	rows, err = q.query(ctx, `SELECT calendar_id, weekday, start_min, end_min FROM sla_calendar_segments`+where+
		` ORDER BY calendar_id, weekday, start_min`, args...)
	if err != nil {
		return nil, fmt.Errorf("list calendar segments: %w", err)
	}
	for rows.Next() {
		var cid int64
		var s sla.Segment
		var wd int
		if err := rows.Scan(&cid, &wd, &s.Start, &s.End); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list calendar segments: %w", err)
		}
		s.Weekday = time.Weekday(wd)
		if i, ok := idx[cid]; ok {
			out[i].Segments = append(out[i].Segments, s)
		}
	}
	if err := slaRowsErr(rows, "list calendar segments"); err != nil {
		return nil, err
	}
	rows, err = q.query(ctx, `SELECT calendar_id, from_day, to_day, yearly, name FROM sla_calendar_holidays`+where+
		` ORDER BY calendar_id, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list calendar holidays: %w", err)
	}
	for rows.Next() {
		var cid int64
		var h sla.Holiday
		var from, to string
		if err := rows.Scan(&cid, &from, &to, &h.Yearly, &h.Name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list calendar holidays: %w", err)
		}
		h.From, h.To = parseDayText(from), parseDayText(to)
		if i, ok := idx[cid]; ok {
			out[i].Holidays = append(out[i].Holidays, h)
		}
	}
	return out, slaRowsErr(rows, "list calendar holidays")
}

// slaRowsErr closes rows and returns their iteration error.
func slaRowsErr(rows *sql.Rows, what string) error {
	err := rows.Err()
	rows.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
