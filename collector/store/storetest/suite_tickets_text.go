package storetest

import (
	"fmt"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// testTicketTextPlans checks that a text search pages the same whether
// the matches are many for the page (read in the sort's order) or few
// (found first, then sorted: see ListTickets on SQLite).
func testTicketTextPlans(t *testing.T, st store.Store, tq store.TicketQueries) {
	var all []*store.Ticket
	for i := range 60 {
		title := fmt.Sprintf("Printer jam %d", i)
		if i%2 == 1 {
			title = fmt.Sprintf("Screen flickers %d", i)
		}
		all = append(all, newTicket(t, tq, title, 1, 0))
	}
	ids := func(idx ...int) string {
		var out []int64
		for _, i := range idx {
			out = append(out, all[i].ID)
		}
		return fmtIDs(out)
	}
	for _, tc := range []struct {
		name  string
		f     store.TicketFilter
		want  string
		total int
	}{
		// 30 matches for 1 row: many, read in the sort's order; for the
		// first 2 rows, few enough to be found first.
		{"many, first page", store.TicketFilter{Query: "printer", Sort: "id", Desc: true, Limit: 1}, ids(58), 30},
		{"many, second page", store.TicketFilter{Query: "JAM", Sort: "id", Desc: true, Limit: 1, Offset: 1}, ids(56), 30},
		// One match: found first.
		{"rare", store.TicketFilter{Query: "jam 12", Sort: "id", Limit: 1}, ids(12), 1},
		{"rare, substring of a word", store.TicketFilter{Query: "licker 2", Sort: "id", Desc: true}, ids(29, 27, 25, 23, 21), 5},
		{"rare, with another filter", store.TicketFilter{Query: "jam 1", Statuses: []int{1}, Sort: "id", Limit: 2}, ids(10, 12), 5},
		{"none", store.TicketFilter{Query: "jam 13", Sort: "id"}, "", 0},
		{"ticket number and word", store.TicketFilter{Query: fmt.Sprintf("#%d jam", all[4].ID)}, ids(4), 1},
	} {
		page, err := tq.ListTickets(ctx, tc.f)
		must(t, err)
		var got []int64
		for _, x := range page.Tickets {
			got = append(got, x.ID)
		}
		if fmtIDs(got) != tc.want || page.Total != tc.total {
			t.Errorf("%s: got %s (total %d); want %s (total %d)", tc.name, fmtIDs(got), page.Total, tc.want, tc.total)
		}
	}
}
