package web

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// statsTable is one table of the statistics page, as shown and as
// exported: the same cells, durations in hours with one decimal.
type statsTable struct {
	ID   string // "series", a store.StatsDimensions entry or "satisfaction"
	Head []string
	Rows [][]string
}

// statsTableIDs are the tables of the page, in order.
var statsTableIDs = append(append([]string{"series"}, store.StatsDimensions...), "satisfaction")

// statsParallel bounds the statistics queries one page runs at once: a
// page's seven tables come back in about the time of the slowest, without
// one user taking every database connection.
const statsParallel = 3

// statsTables loads the tables named by ids for f (lang translates the
// headers and names), several at once.
func (s *Server) statsTables(ctx context.Context, f store.StatsFilter, q statsQuery, lang string, ids []string) ([]statsTable, store.SatisfactionStats, error) {
	sq, err := store.Stats(s.st)
	if err != nil {
		return nil, store.SatisfactionStats{}, err
	}
	out := make([]statsTable, len(ids))
	errs := make([]error, len(ids))
	var sat store.SatisfactionStats
	var wg sync.WaitGroup
	slots := make(chan struct{}, statsParallel)
	for i, id := range ids {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			var sp *store.SatisfactionStats
			if id == "satisfaction" {
				sp = &sat // only this goroutine writes it
			}
			out[i], errs[i] = statsTableOf(ctx, sq, f, q, lang, id, sp)
		}()
	}
	wg.Wait()
	return out, sat, errors.Join(errs...)
}

// statsTableOf loads one table; sat receives the satisfaction summary
// when id is "satisfaction".
func statsTableOf(ctx context.Context, sq store.StatsQueries, f store.StatsFilter, q statsQuery, lang, id string, sat *store.SatisfactionStats) (statsTable, error) {
	t := statsTable{ID: id}
	switch id {
	case "series":
		d, err := sq.StatsTickets(ctx, f)
		if err != nil {
			return t, err
		}
		ps := append([]store.StatsPeriod(nil), q.periods...)
		store.Series(ps, d, f.Now)
		t.Head, t.Rows = seriesHead(lang), seriesRows(ps, q.Period)
	case "satisfaction":
		st, err := sq.StatsSatisfaction(ctx, f)
		if err != nil {
			return t, err
		}
		*sat = st
		t.Head = []string{i18n.T(lang, "stats.rating"), i18n.T(lang, "stats.answers")}
		for i, n := range st.ByRating {
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), strconv.Itoa(n)})
		}
	default:
		rows, err := sq.StatsBreakdown(ctx, f, id)
		if err != nil {
			return t, err
		}
		t.Head, t.Rows = breakdownHead(lang, id), breakdownRows(lang, id, rows)
	}
	return t, nil
}

func seriesHead(lang string) []string {
	var h []string
	for _, k := range []string{"period", "opened", "solved", "closed", "late", "backlog", "own_mean", "own_median", "resolve_mean", "resolve_median"} {
		h = append(h, i18n.T(lang, "stats.col_"+k))
	}
	return h
}

func seriesRows(ps []store.StatsPeriod, unit string) [][]string {
	var out [][]string
	for _, p := range ps {
		label := p.Start.Format(dateLayout)
		if unit == store.PeriodMonth {
			label = p.Start.Format("2006-01")
		}
		out = append(out, []string{label, strconv.Itoa(p.Opened), strconv.Itoa(p.Solved), strconv.Itoa(p.Closed),
			strconv.Itoa(p.Late), strconv.Itoa(p.Backlog), hours(p.Own.Mean, p.Own.Count), hours(p.Own.Median, p.Own.Count),
			hours(p.Resolve.Mean, p.Resolve.Count), hours(p.Resolve.Median, p.Resolve.Count)})
	}
	return out
}

func breakdownHead(lang, dim string) []string {
	h := []string{i18n.T(lang, "stats.dim_"+dim)}
	for _, k := range []string{"opened", "solved", "late", "own_mean", "resolve_mean"} {
		h = append(h, i18n.T(lang, "stats.col_"+k))
	}
	return h
}

func breakdownRows(lang, dim string, rows []store.StatsRow) [][]string {
	var out [][]string
	for _, r := range rows {
		name := r.Name
		switch {
		case r.Key == "":
			name = i18n.T(lang, "stats.none")
		case dim == "asset_type":
			name = i18n.T(lang, "type."+r.Key)
		}
		out = append(out, []string{name, strconv.Itoa(r.Opened), strconv.Itoa(r.Solved), strconv.Itoa(r.Late),
			hours(r.MeanOwn, r.OwnCount), hours(r.MeanResolve, r.ResolveCount)})
	}
	return out
}

// hours writes d in hours with one decimal, "" when nothing was measured.
func hours(d time.Duration, n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%.1f", d.Hours())
}
