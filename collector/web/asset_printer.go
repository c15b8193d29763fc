package web

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// printerData is a printer's counters and supplies for its page.
type printerData struct {
	Latest   *store.PrinterCounters
	Counters []store.PrinterCounters // the last days, newest first
	Months   []monthPages
	Supplies []supplyView
	Low      int // supplies under the threshold
	// LevelNames and LevelRows are the supply levels over time: one row
	// per day, one column per supply ("" where unknown that day).
	LevelNames []string
	LevelRows  []levelRow
}

// monthPages is the number of pages printed in a month.
type monthPages struct {
	Month string // "2026-11"
	Pages int64
}

type supplyView struct {
	store.PrinterSupply
	Low bool
}

type levelRow struct {
	Day    string
	Levels []string
}

// printerHistoryDays is how far back the page reads counters and levels.
const printerHistoryDays = 400

// counterRows is how many days of raw counters the page lists.
const counterRows = 10

func (s *Server) printerView(ctx context.Context, nq store.NetQueries, id int64) (*printerData, int, error) {
	low, err := lowSupplyPercent(ctx, s.st)
	if err != nil {
		return nil, 0, err
	}
	since := time.Now().UTC().AddDate(0, 0, -printerHistoryDays).Format(time.DateOnly)
	counters, err := nq.PrinterCounterHistory(ctx, id, since)
	if err != nil {
		return nil, 0, err
	}
	supplies, err := nq.PrinterSupplies(ctx, id)
	if err != nil {
		return nil, 0, err
	}
	levels, err := nq.SupplyLevelHistory(ctx, id, since)
	if err != nil {
		return nil, 0, err
	}
	if len(counters) == 0 && len(supplies) == 0 {
		return nil, low, nil
	}
	d := &printerData{Months: pagesPerMonth(counters)}
	for i := len(counters) - 1; i >= 0 && len(d.Counters) < counterRows; i-- {
		d.Counters = append(d.Counters, counters[i])
	}
	if len(d.Counters) > 0 {
		d.Latest = &d.Counters[0]
	}
	for _, sp := range supplies {
		v := supplyView{PrinterSupply: sp, Low: isLowSupply(sp, low)}
		if v.Low {
			d.Low++
		}
		d.Supplies = append(d.Supplies, v)
	}
	d.LevelNames, d.LevelRows = levelTable(levels)
	return d, low, nil
}

// isLowSupply mirrors the store's low-supply rule: a consumable with a
// known level under the threshold (a waste box fills up instead).
func isLowSupply(sp store.PrinterSupply, percent int) bool {
	return sp.Level >= 0 && sp.Level < percent && sp.Kind != "wastetoner" && sp.Kind != "staples"
}

// lowSupplyPercent is the site's low-supply threshold.
func lowSupplyPercent(ctx context.Context, q store.SettingQueries) (int, error) {
	v, err := q.GetSetting(ctx, store.SettingLowSupplyPercent)
	if errors.Is(err, store.ErrNotFound) {
		return store.DefaultLowSupplyPercent, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 99 {
		return store.DefaultLowSupplyPercent, nil
	}
	return n, nil
}

// pagesPerMonth turns daily total counters into pages printed per month:
// the month's last total less the previous month's last (or the month's
// first reading for the first month). A counter that went backwards (a
// replaced board) counts from its new value.
func pagesPerMonth(rows []store.PrinterCounters) []monthPages {
	var out []monthPages
	var prev int64 = -1
	for _, r := range rows {
		total := pageTotal(r)
		if total <= 0 || len(r.Day) < 7 {
			continue
		}
		m := r.Day[:7]
		if len(out) == 0 || out[len(out)-1].Month != m {
			out = append(out, monthPages{Month: m})
		}
		cur := &out[len(out)-1]
		switch {
		case prev < 0:
		case total >= prev:
			cur.Pages += total - prev
		default:
			cur.Pages += total
		}
		prev = total
	}
	return out
}

// pageTotal is a day's total pages: the total counter, else the sum of
// black and colour, else of printed and copied pages (printers that give
// no total).
func pageTotal(r store.PrinterCounters) int64 {
	switch {
	case r.Total > 0:
		return r.Total
	case r.Black+r.Color > 0:
		return r.Black + r.Color
	}
	return r.PrintTotal + r.CopyTotal
}

// levelTable pivots supply levels into one row per day.
func levelTable(levels []store.SupplyLevel) ([]string, []levelRow) {
	col := map[string]int{}
	var names []string
	for _, l := range levels {
		if _, ok := col[l.Name]; !ok {
			col[l.Name] = len(names)
			names = append(names, l.Name)
		}
	}
	var rows []levelRow
	for _, l := range levels {
		if len(rows) == 0 || rows[len(rows)-1].Day != l.Day {
			rows = append(rows, levelRow{Day: l.Day, Levels: make([]string, len(names))})
		}
		if l.Level >= 0 {
			rows[len(rows)-1].Levels[col[l.Name]] = strconv.Itoa(l.Level)
		}
	}
	return names, rows
}

// countLowSupplies counts the printers with a supply under the site's
// threshold, for the dashboard.
func (s *Server) countLowSupplies(ctx context.Context) (int, error) {
	pct, err := lowSupplyPercent(ctx, s.st)
	if err != nil {
		return 0, err
	}
	nq, err := store.Net(s.st)
	if err != nil {
		return 0, err
	}
	return nq.CountLowSupplyPrinters(ctx, pct)
}
