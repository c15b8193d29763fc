package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// listCase is one park list view a technician opens.
type listCase struct {
	name string
	f    store.AssetFilter
}

// listCases are the park list's usual views: the first page, sorted by
// name or by last inventory, a deep page, a search, filters.
func listCases(now time.Time) []listCase {
	return []listCase{
		{"first page, by name", store.AssetFilter{Limit: 50}},
		{"computers, last inventory first", store.AssetFilter{Type: store.TypeComputer, Sort: "last_inventory", Desc: true, Limit: 50}},
		{"page 100, by name", store.AssetFilter{Limit: 50, Offset: 99 * 50}},
		{"search \"accueil\"", store.AssetFilter{Query: "accueil", Limit: 50}},
		{"Windows 11, by name", store.AssetFilter{OSName: "windows 11", Limit: 50}},
		{"not seen for 30 days", store.AssetFilter{SeenBefore: now.AddDate(0, 0, -30), Limit: 50}},
	}
}

// ListFigures are the latencies of one view.
type ListFigures struct {
	Case  string  `json:"case"`
	Total int     `json:"total"` // assets matched
	P50MS float64 `json:"p50_ms"`
	P95MS float64 `json:"p95_ms"`
}

func cmdList(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	dsn := fs.String("database", "", "store `DSN`: a SQLite file path or postgres://...")
	n := fs.Int("n", 50, "calls per view")
	want := fs.Float64("want-p95", 50, "target p95 in `ms` for the first page, printed beside the figure")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dsn == "" || *n < 1 {
		return errors.New("list: -database is required, -n must be at least 1")
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	total, _, err := countAssets(ctx, st)
	if err != nil {
		return err
	}
	figs, err := measureList(ctx, st, *n)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "park list (store.ListAssets: count + page of 50) on %s with %d assets, %d calls per view; %s:\n", st.Dialect(), total, *n, loadAverage())
	for i, f := range figs {
		verdict := ""
		if i == 0 {
			verdict = fmt.Sprintf("  (target p95 < %.0f ms: %s)", *want, map[bool]string{true: "met", false: "MISSED"}[f.P95MS < *want])
		}
		fmt.Fprintf(out, "  %-34s %7d matched  p50 %7.1f ms  p95 %7.1f ms%s\n", f.Case, f.Total, f.P50MS, f.P95MS, verdict)
	}
	return nil
}

// measureList times n calls of each view, after two warm-up calls.
func measureList(ctx context.Context, st store.Store, n int) ([]ListFigures, error) {
	var out []ListFigures
	for _, c := range listCases(time.Now()) {
		var lat []time.Duration
		var total int
		for k := range n + 2 {
			t := time.Now()
			page, err := st.ListAssets(ctx, c.f)
			if err != nil {
				return nil, fmt.Errorf("list %s: %w", c.name, err)
			}
			if k >= 2 {
				lat = append(lat, time.Since(t))
			}
			total = page.Total
		}
		slices.Sort(lat)
		out = append(out, ListFigures{Case: c.name, Total: total, P50MS: ms(percentile(lat, 50)), P95MS: ms(percentile(lat, 95))})
	}
	return out, nil
}
