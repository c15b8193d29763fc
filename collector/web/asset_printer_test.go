package web

import (
	"reflect"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func TestPagesPerMonth(t *testing.T) {
	day := func(d string, total int64) store.PrinterCounters { return store.PrinterCounters{Day: d, Total: total} }
	tests := []struct {
		name string
		rows []store.PrinterCounters
		want []monthPages
	}{
		{"none", nil, nil},
		{"one reading", []store.PrinterCounters{day("2026-09-03", 1000)}, []monthPages{{"2026-09", 0}}},
		{"months", []store.PrinterCounters{day("2026-09-03", 1000), day("2026-09-30", 1200), day("2026-10-15", 1500),
			day("2026-11-02", 1600)}, []monthPages{{"2026-09", 200}, {"2026-10", 300}, {"2026-11", 100}}},
		{"counter reset", []store.PrinterCounters{day("2026-09-03", 5000), day("2026-10-01", 40)},
			[]monthPages{{"2026-09", 0}, {"2026-10", 40}}},
		{"no total", []store.PrinterCounters{{Day: "2026-09-01", Black: 10, Color: 5}, {Day: "2026-10-01", Black: 30, Color: 5}},
			[]monthPages{{"2026-09", 0}, {"2026-10", 20}}},
		{"gap month", []store.PrinterCounters{day("2026-01-31", 100), day("2026-03-01", 400)},
			[]monthPages{{"2026-01", 0}, {"2026-03", 300}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pagesPerMonth(tc.rows); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

func TestLevelTable(t *testing.T) {
	names, rows := levelTable([]store.SupplyLevel{
		{Day: "2026-11-01", Name: "tonerblack", Level: 80}, {Day: "2026-11-01", Name: "wastetoner", Level: -1, State: "OK"},
		{Day: "2026-11-02", Name: "tonerblack", Level: 75}, {Day: "2026-11-02", Name: "tonercyan", Level: 60},
	})
	if !reflect.DeepEqual(names, []string{"tonerblack", "wastetoner", "tonercyan"}) {
		t.Fatalf("got names %v", names)
	}
	want := []levelRow{{"2026-11-01", []string{"80", "", ""}}, {"2026-11-02", []string{"75", "", "60"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got rows %v; want %v", rows, want)
	}
}
