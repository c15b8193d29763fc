package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// statsTicket opens a ticket of category cat an hour ago, assigned to
// the user of role.
func (e *env) statsTicket(cat int64, role string) {
	e.t.Helper()
	tq, err := store.Tickets(e.st)
	if err != nil {
		e.t.Fatal(err)
	}
	opened := time.Now().UTC().Add(-time.Hour)
	tk := &store.Ticket{Title: "t", Type: 1, Status: 2, Urgency: 3, Impact: 3, Priority: 3, CategoryID: cat,
		OpenedAt: opened, TakenAt: opened.Add(30 * time.Minute), UpdatedAt: opened}
	if err := tq.CreateTicket(ctx, tk); err != nil {
		e.t.Fatal(err)
	}
	a := &store.TicketActor{TicketID: tk.ID, Kind: store.ActorAssignee, UserID: e.users[role].ID}
	if err := tq.AddTicketActor(ctx, a); err != nil {
		e.t.Fatal(err)
	}
}

func TestStatsPage(t *testing.T) {
	e := newEnv(t)
	tq, err := store.Tickets(e.st)
	if err != nil {
		t.Fatal(err)
	}
	xss := &store.Category{Name: `<script>alert(1)</script>`}
	formula := &store.Category{Name: `=HYPERLINK("http://evil")`}
	for _, c := range []*store.Category{xss, formula} {
		if err := tq.CreateCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	e.statsTicket(xss.ID, store.RoleTechnician)
	e.statsTicket(formula.ID, store.RoleSupervisor)

	t.Run("supervisor sees every ticket, escaped", func(t *testing.T) {
		resp, body := e.as(store.RoleSupervisor).get("/stats?preset=30d")
		wantStatus(t, resp, http.StatusOK)
		for _, want := range []string{`id="stats-series"`, `id="stats-category"`, "&lt;script&gt;alert(1)&lt;/script&gt;",
			"HYPERLINK", "stats.js", `href="/stats/export.csv?table=technician&amp;from=`} {
			if !strings.Contains(body, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		if strings.Contains(body, "<script>alert(1)") || strings.Contains(body, `id="stats-scope"`) {
			t.Error("page has the raw category name or the technician's scope note")
		}
	})
	t.Run("technician sees own tickets", func(t *testing.T) {
		resp, body := e.as(store.RoleTechnician).get("/stats?preset=30d")
		wantStatus(t, resp, http.StatusOK)
		if !strings.Contains(body, `id="stats-scope"`) || strings.Contains(body, "HYPERLINK") {
			t.Error("technician's page: want the scope note and not the supervisor's ticket's category")
		}
	})
	t.Run("CSV guards formulas", func(t *testing.T) {
		resp, body := e.as(store.RoleAdmin).get("/stats/export.csv?table=category&preset=30d")
		wantStatus(t, resp, http.StatusOK)
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("got Content-Type %q; want text/csv", ct)
		}
		if !strings.Contains(body, `"'=HYPERLINK(""http://evil"")"`) || !strings.Contains(body, "<script>alert(1)</script>,1,0,0,0.5,") {
			t.Errorf("got CSV %q; want the formula quoted and the other row as is", body)
		}
		lines := strings.Split(strings.TrimSpace(body), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], "Category,Opened") {
			t.Errorf("got %d lines, head %q; want a head and two rows", len(lines), lines[0])
		}
	})
	t.Run("series CSV in French", func(t *testing.T) {
		c := e.as(store.RoleSupervisor)
		c.post("/lang", map[string][]string{"lang": {"fr"}})
		resp, body := c.get("/stats/export.csv?table=series&from=2026-01-01&to=2026-03-31&period=month")
		wantStatus(t, resp, http.StatusOK)
		if !strings.HasPrefix(body, "Période,Ouverts") || !strings.Contains(body, "\n2026-03,") {
			t.Errorf("got %q; want the French head and a row per month", body)
		}
	})
	for _, tc := range []struct{ name, path, want string }{
		{"bad date", "/stats?from=2026-13-01&to=2026-01-01", "not a date"},
		{"reversed", "/stats?from=2026-02-01&to=2026-01-01", "before the start"},
		{"bad period", "/stats?preset=30d&period=day", "week or month"},
		{"too long", "/stats?from=2000-01-01&to=2026-01-01&period=week", "too long"},
		{"unknown table", "/stats/export.csv?table=users&preset=30d", "Unknown table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.as(store.RoleAdmin).get(tc.path)
			wantStatus(t, resp, http.StatusBadRequest)
			if !strings.Contains(body, tc.want) {
				t.Errorf("got %q; want %q in it", body, tc.want)
			}
		})
	}
}

// TestBreakdownRowsEmptyMean checks that a mean no ticket contributed to
// is left empty rather than shown as 0.0 hours.
func TestBreakdownRowsEmptyMean(t *testing.T) {
	rows := breakdownRows("en", "category", []store.StatsRow{
		{Key: "1", Name: "Printers", Opened: 2, Solved: 1, OwnCount: 0, ResolveCount: 0},
		{Key: "2", Name: "Network", Opened: 1, Solved: 1, OwnCount: 1, MeanOwn: 90 * time.Minute, ResolveCount: 1},
	})
	if got := rows[0][4:]; got[0] != "" || got[1] != "" {
		t.Errorf("means of tickets never assigned nor solved: got %q; want empty cells", got)
	}
	if got := rows[1][4:]; got[0] != "1.5" || got[1] != "0.0" {
		t.Errorf("means: got %q; want 1.5 and 0.0 (solved at once)", got)
	}
}
