package web

import (
	"context"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// statsPresets are the date range picker's shortcuts.
var statsPresets = []string{"30d", "month", "12m"}

// statsQuery is the statistics page's query string, parsed and checked.
type statsQuery struct {
	Preset   string
	From, To string // the date inputs, "2006-01-02" (To inclusive)
	Period   string // store.PeriodWeek or store.PeriodMonth
	// Err is the i18n key of what is wrong with the query, "" when fine.
	Err     string
	from    time.Time
	to      time.Time // exclusive: the day after To
	periods []store.StatsPeriod
}

const dateLayout = "2006-01-02"

// parseStatsQuery reads preset, from, to and period; a preset wins over
// the dates, and without any the page shows the last 12 months by month.
func parseStatsQuery(r *http.Request, now time.Time) statsQuery {
	q := statsQuery{Preset: r.FormValue("preset"), From: r.FormValue("from"), To: r.FormValue("to"), Period: r.FormValue("period")}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if q.Preset == "" && q.From == "" && q.To == "" {
		q.Preset = "12m"
	}
	switch q.Preset {
	case "":
	case "30d":
		q.from = today.AddDate(0, 0, -29)
	case "month":
		q.from = today.AddDate(0, 0, 1-today.Day())
	case "12m":
		q.from = today.AddDate(0, -11, 1-today.Day())
	default:
		q.Err = "stats.err_preset"
		return q
	}
	if q.Preset != "" {
		q.From, q.To = q.from.Format(dateLayout), today.Format(dateLayout)
	}
	from, err1 := time.Parse(dateLayout, q.From)
	to, err2 := time.Parse(dateLayout, q.To)
	switch {
	case err1 != nil:
		q.Err = "stats.err_from"
	case err2 != nil:
		q.Err = "stats.err_to"
	case to.Before(from):
		q.Err = "stats.err_range"
	}
	if q.Period == "" {
		q.Period = store.PeriodMonth
		if q.Preset == "30d" || q.Preset == "month" {
			q.Period = store.PeriodWeek
		}
	}
	if q.Period != store.PeriodWeek && q.Period != store.PeriodMonth {
		q.Err = "stats.err_period"
	}
	if q.Err != "" {
		return q
	}
	q.from, q.to = from, to.AddDate(0, 0, 1)
	if q.periods, err1 = store.Periods(q.from, q.to, q.Period); err1 != nil {
		q.Err = "stats.err_too_long"
	}
	return q
}

// statsFilter is the store filter of q for the request's user: a
// technician's scope is their own and their groups' tickets.
func (s *Server) statsFilter(ctx context.Context, r *http.Request, q statsQuery) (store.StatsFilter, error) {
	f := store.StatsFilter{From: q.from, To: q.to, Now: s.now()}
	if hasRole(r, store.RoleSupervisor) {
		return f, nil
	}
	tq, err := store.Tickets(s.st)
	if err != nil {
		return f, err
	}
	me := state(r).user.ID
	groups, err := tq.UserGroupIDs(ctx, me)
	if err != nil {
		return f, err
	}
	f.AssigneeUser, f.AssigneeGroups = me, groups
	return f, nil
}
