package store_test

import (
	"context"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// BenchmarkStats measures the statistics page's reads on the seeded park
// of 100,000 tickets (BenchmarkTicketQueue's), on SQLite and PostgreSQL:
// the per-month series of the last 12 months (every ticket) and of the
// last 30 days by week, and each breakdown; p95 in milliseconds.
func BenchmarkStats(b *testing.B) {
	year := store.StatsFilter{From: benchNow.AddDate(-1, 0, 0), To: benchNow, Now: benchNow}
	month := store.StatsFilter{From: benchNow.AddDate(0, 0, -30), To: benchNow, Now: benchNow}
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			sq, err := store.Stats(benchStore(b, d))
			if err != nil {
				b.Fatal(err)
			}
			series := func(f store.StatsFilter, unit string) func(ctx context.Context) error {
				return func(ctx context.Context) error {
					ts, err := sq.StatsTickets(ctx, f)
					if err != nil {
						return err
					}
					ps, err := store.Periods(f.From, f.To, unit)
					if err != nil {
						return err
					}
					store.Series(ps, ts, f.Now)
					return nil
				}
			}
			b.Run("series_12_months", func(b *testing.B) { measureP95(b, series(year, store.PeriodMonth)) })
			b.Run("series_30_days_weeks", func(b *testing.B) { measureP95(b, series(month, store.PeriodWeek)) })
			b.Run("series_technician", func(b *testing.B) {
				f := year
				f.AssigneeUser, f.AssigneeGroups = 7, []int64{3}
				measureP95(b, series(f, store.PeriodMonth))
			})
			for _, dim := range store.StatsDimensions {
				b.Run("by_"+dim, func(b *testing.B) {
					measureP95(b, func(ctx context.Context) error {
						_, err := sq.StatsBreakdown(ctx, year, dim)
						return err
					})
				})
			}
			b.Run("satisfaction", func(b *testing.B) {
				measureP95(b, func(ctx context.Context) error {
					_, err := sq.StatsSatisfaction(ctx, year)
					return err
				})
			})
		})
	}
}
