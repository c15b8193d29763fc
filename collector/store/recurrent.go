package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/sla"
)

// RecurrentTicket is a ticket template opened once per occurrence of a
// period (GLPI's recurrent tickets), for routine work.
type RecurrentTicket struct {
	ID      int64
	Name    string
	Title   string
	Content string
	Type    int
	Urgency int
	Impact  int
	// CategoryID, RequesterGroupID and AssignGroupID are 0 when unset.
	CategoryID       int64
	RequesterGroupID int64
	AssignGroupID    int64
	Period           sla.Period
	EveryDays        int // for sla.Days
	Begin            time.Time
	End              time.Time // zero: for ever
	AheadDays        int       // open the ticket this many days before the occurrence
	Active           bool
	// NextAt is the next occurrence to open, zero when none is left.
	NextAt       time.Time
	LastTicketID int64
	CreatedAt    time.Time
	AssetIDs     []int64 // linked to each ticket opened
}

// Recurrence is r's schedule, in the server's time zone so a daily 08:00
// stays at 08:00 across daylight saving changes.
func (r *RecurrentTicket) Recurrence() sla.Recurrence {
	rec := sla.Recurrence{Begin: r.Begin.In(time.Local), Period: r.Period, Every: r.EveryDays}
	if !r.End.IsZero() {
		rec.End = r.End.In(time.Local)
	}
	return rec
}

// RecurrentQueries store the recurrent tickets. Every Store opened by
// Open implements them; use Recurrents to get them.
type RecurrentQueries interface {
	// SaveRecurrent creates (ID 0) or updates a recurrent ticket with its
	// assets; the caller sets NextAt.
	SaveRecurrent(ctx context.Context, r *RecurrentTicket) error
	GetRecurrent(ctx context.Context, id int64) (*RecurrentTicket, error)
	// ListRecurrent lists them by name, without their assets.
	ListRecurrent(ctx context.Context) ([]RecurrentTicket, error)
	DeleteRecurrent(ctx context.Context, id int64) error
	// DueRecurrent lists up to limit active recurrent tickets whose next
	// occurrence, less its days ahead, has come at now.
	DueRecurrent(ctx context.Context, now time.Time, limit int) ([]RecurrentTicket, error)
	// AdvanceRecurrent moves the next occurrence from from to to (zero:
	// none left) and records the ticket opened, only while it is still
	// from; it reports whether it moved, so each occurrence opens once.
	AdvanceRecurrent(ctx context.Context, id int64, from, to time.Time, ticketID int64) (bool, error)
}

// Recurrents returns the recurrent-ticket queries of a Store, or of the
// Queries a WithTx function receives.
func Recurrents(x any) (RecurrentQueries, error) {
	r, ok := x.(RecurrentQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no recurrent ticket queries", x)
	}
	return r, nil
}

var _ RecurrentQueries = (*queries)(nil)

const recurrentColumns = `id, name, title, content, type, urgency, impact, category_id, requester_group_id, assign_group_id,
	period, every_days, begin_at, end_at, ahead_days, active, next_at, last_ticket_id, created_at`

func scanRecurrent(s scanner) (*RecurrentTicket, error) {
	var r RecurrentTicket
	var cat, reqG, asgG, end, next, last sql.NullInt64
	var begin, created int64
	var period string
	if err := s.Scan(&r.ID, &r.Name, &r.Title, &r.Content, &r.Type, &r.Urgency, &r.Impact, &cat, &reqG, &asgG,
		&period, &r.EveryDays, &begin, &end, &r.AheadDays, &r.Active, &next, &last, &created); err != nil {
		return nil, err
	}
	r.CategoryID, r.RequesterGroupID, r.AssignGroupID, r.LastTicketID = cat.Int64, reqG.Int64, asgG.Int64, last.Int64
	r.Period, r.Begin, r.End, r.NextAt = sla.Period(period), time.UnixMilli(begin).UTC(), fromMS(end), fromMS(next)
	r.CreatedAt = time.UnixMilli(created).UTC()
	return &r, nil
}

func (q *queries) SaveRecurrent(ctx context.Context, r *RecurrentTicket) error {
	if err := r.Recurrence().Check(); err != nil {
		return fmt.Errorf("save recurrent ticket: %w", err)
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = time.Now().UTC()
	}
	args := []any{r.Name, r.Title, r.Content, r.Type, r.Urgency, r.Impact, nullID(r.CategoryID), nullID(r.RequesterGroupID),
		nullID(r.AssignGroupID), string(r.Period), max(r.EveryDays, 1), ms(r.Begin), ms(r.End), r.AheadDays, r.Active,
		ms(r.NextAt)}
	if r.ID == 0 {
		err := q.writeRow(ctx, `INSERT INTO recurrent_tickets (name, title, content, type, urgency, impact, category_id,
			requester_group_id, assign_group_id, period, every_days, begin_at, end_at, ahead_days, active, next_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(args, ms(r.CreatedAt))...).Scan(&r.ID)
		if err != nil {
			return fmt.Errorf("create recurrent ticket: %w", err)
		}
	} else {
		res, err := q.exec(ctx, `UPDATE recurrent_tickets SET name = ?, title = ?, content = ?, type = ?, urgency = ?,
			impact = ?, category_id = ?, requester_group_id = ?, assign_group_id = ?, period = ?, every_days = ?,
			begin_at = ?, end_at = ?, ahead_days = ?, active = ?, next_at = ? WHERE id = ?`, append(args, r.ID)...)
		if err != nil {
			return fmt.Errorf("update recurrent ticket %d: %w", r.ID, err)
		}
		if err := mustAffect(res, fmt.Sprintf("update recurrent ticket %d", r.ID)); err != nil {
			return err
		}
		if _, err := q.exec(ctx, `DELETE FROM recurrent_ticket_assets WHERE recurrent_id = ?`, r.ID); err != nil {
			return fmt.Errorf("update recurrent ticket %d assets: %w", r.ID, err)
		}
	}
	for _, a := range r.AssetIDs {
		if _, err := q.exec(ctx, `INSERT INTO recurrent_ticket_assets (recurrent_id, asset_id) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, r.ID, a); err != nil {
			return fmt.Errorf("save recurrent ticket %d assets: %w", r.ID, err)
		}
	}
	return nil
}

func (q *queries) GetRecurrent(ctx context.Context, id int64) (*RecurrentTicket, error) {
	r, err := scanRecurrent(q.queryRow(ctx, `SELECT `+recurrentColumns+` FROM recurrent_tickets WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get recurrent ticket %d", id))
	}
	rows, err := q.query(ctx, `SELECT asset_id FROM recurrent_ticket_assets WHERE recurrent_id = ? ORDER BY asset_id`, id)
	if err != nil {
		return nil, fmt.Errorf("get recurrent ticket %d assets: %w", id, err)
	}
	for rows.Next() {
		var a int64
		if err := rows.Scan(&a); err != nil {
			rows.Close()
			return nil, fmt.Errorf("get recurrent ticket %d assets: %w", id, err)
		}
		r.AssetIDs = append(r.AssetIDs, a)
	}
	return r, slaRowsErr(rows, fmt.Sprintf("get recurrent ticket %d assets", id))
}

func (q *queries) ListRecurrent(ctx context.Context) ([]RecurrentTicket, error) {
	return q.listRecurrent(ctx, `SELECT `+recurrentColumns+` FROM recurrent_tickets ORDER BY name, id`)
}

func (q *queries) DueRecurrent(ctx context.Context, now time.Time, limit int) ([]RecurrentTicket, error) {
	return q.listRecurrent(ctx, `SELECT `+recurrentColumns+` FROM recurrent_tickets
		WHERE active AND next_at IS NOT NULL AND next_at - ahead_days * 86400000 <= ? ORDER BY next_at, id LIMIT ?`,
		now.UnixMilli(), limit)
}

func (q *queries) listRecurrent(ctx context.Context, query string, args ...any) ([]RecurrentTicket, error) {
	rows, err := q.query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list recurrent tickets: %w", err)
	}
	var out []RecurrentTicket
	for rows.Next() {
		r, err := scanRecurrent(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list recurrent tickets: %w", err)
		}
		out = append(out, *r)
	}
	return out, slaRowsErr(rows, "list recurrent tickets")
}

func (q *queries) DeleteRecurrent(ctx context.Context, id int64) error {
	res, err := q.exec(ctx, `DELETE FROM recurrent_tickets WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete recurrent ticket %d: %w", id, err)
	}
	return mustAffect(res, fmt.Sprintf("delete recurrent ticket %d", id))
}

func (q *queries) AdvanceRecurrent(ctx context.Context, id int64, from, to time.Time, ticketID int64) (bool, error) {
	res, err := q.exec(ctx, `UPDATE recurrent_tickets SET next_at = ?, last_ticket_id = ? WHERE id = ? AND next_at = ?`,
		ms(to), nullID(ticketID), id, from.UnixMilli())
	if err != nil {
		return false, fmt.Errorf("advance recurrent ticket %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("advance recurrent ticket %d: %w", id, err)
	}
	return n == 1, nil
}
