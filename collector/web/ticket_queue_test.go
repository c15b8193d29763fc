package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// TestQueueFilters: the location (machine's or requester's), late and
// date range filters, and a sort link on every column.
func TestQueueFilters(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	hall := &store.Location{Name: "Town hall"}
	if err := e.st.CreateLocation(ctx, hall); err != nil {
		t.Fatal(err)
	}
	pc := &store.Asset{Type: store.TypeComputer, Name: "PC-HALL", LocationID: hall.ID}
	if err := e.st.CreateAsset(ctx, pc); err != nil {
		t.Fatal(err)
	}
	near, _ := e.ticketOf("self-service", 2)
	far, _ := e.ticketOf("observer", 1)
	if err := tq.LinkTicketAsset(ctx, near, pc.ID); err != nil {
		t.Fatal(err)
	}
	tk, _ := tq.GetTicket(ctx, near)
	tk.Title, tk.DueAt, tk.UpdatedAt = "Near and late", e.srv.now().Add(-time.Hour), time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC)
	if err := tq.UpdateTicket(ctx, tk); err != nil {
		t.Fatal(err)
	}
	tech := e.as("technician")
	for _, tc := range []struct{ query, want, not string }{
		{fmt.Sprintf("location=%d", hall.ID), "Near and late", "ticket of observer"},
		{"late=1", "Near and late", "ticket of observer"},
		{"status=&updated_from=2026-01-10&updated_to=2026-01-10", "Near and late", "ticket of observer"},
		{"status=&updated_to=2026-01-09", "", "Near and late"},
		{"status=&opened_to=2000-01-01", "", "ticket of observer"},
	} {
		resp, body := tech.get("/tickets?" + tc.query)
		wantStatus(t, resp, http.StatusOK)
		if (tc.want != "" && !strings.Contains(body, tc.want)) || strings.Contains(body, tc.not) {
			t.Errorf("/tickets?%s: want %q listed and %q not", tc.query, tc.want, tc.not)
		}
	}
	// The requester's name on a ticket opens their tickets in the queue.
	_, body := tech.get(fmt.Sprintf("/tickets/%d", far))
	link := fmt.Sprintf(`href="/tickets?status=&amp;requester=%d"`, e.users["observer"].ID)
	if !strings.Contains(body, link) {
		t.Errorf("the ticket page has no link %s", link)
	}
	resp, body := tech.get(fmt.Sprintf("/tickets?status=&requester=%d", e.users["observer"].ID))
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, "ticket of observer") || strings.Contains(body, "Near and late") {
		t.Error("the requester filter lists the wrong tickets")
	}
	_, body = tech.get("/tickets?status=open")
	for _, col := range ticketColumns {
		if !strings.Contains(body, "sort="+col) {
			t.Errorf("the queue has no sort link for %s", col)
		}
	}
}

// TestSavedSearches: a search saved and shared is listed to another
// technician, who cannot delete it; its name is shown as text; only
// known filters are stored.
func TestSavedSearches(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	tech := e.as("technician")
	resp, _ := tech.post("/tickets/searches", url.Values{"name": {"<b>Late</b>"}, "shared": {"1"},
		"query": {"late=1&status=open&evil=1%27%20OR%201=1&location=abc"}})
	wantStatus(t, resp, http.StatusSeeOther)
	saved, _ := tq.SavedSearches(ctx, e.users["supervisor"].ID)
	if len(saved) != 1 || saved[0].Query != "late=1&status=open" {
		t.Fatalf("got %+v; want one shared search storing only late=1&status=open", saved)
	}
	wantStatus(t, first(tech.post("/tickets/searches", url.Values{"name": {"<b>Late</b>"}, "query": {""}})), http.StatusConflict)
	wantStatus(t, first(tech.post("/tickets/searches", url.Values{"name": {""}, "query": {""}})), http.StatusBadRequest)
	sup := e.as("supervisor")
	_, body := sup.get("/tickets?status=open")
	if !strings.Contains(body, "&lt;b&gt;Late&lt;/b&gt;") || strings.Contains(body, "<b>Late</b>") {
		t.Error("the shared search is not listed, or its name is not escaped")
	}
	del := fmt.Sprintf("/tickets/searches/%d/delete", saved[0].ID)
	wantStatus(t, first(sup.post(del, nil)), http.StatusNotFound)
	wantStatus(t, first(tech.post(del, url.Values{"csrf": {"forged"}})), http.StatusForbidden)
	wantStatus(t, first(tech.post(del, nil)), http.StatusSeeOther)
}

// TestBulkActions: a bulk assignment runs the single action's rules per
// ticket: the closed ticket and the one already assigned are refused and
// listed, the others assigned with their history.
func TestBulkActions(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	a, _ := e.ticketOf("self-service", 1)
	b, _ := e.ticketOf("observer", 1)
	closed, _ := e.ticketOf("self-service", 6)
	mine, _ := e.ticketOf("technician", 2) // already assigned to the technician
	techID := fmt.Sprint(e.users["technician"].ID)
	ids := []string{fmt.Sprint(a), fmt.Sprint(b), fmt.Sprint(closed), fmt.Sprint(mine)}
	sup := e.as("supervisor")
	resp, body := sup.post("/tickets/bulk", url.Values{"action": {"assign"}, "user": {techID}, "ids": ids})
	wantStatus(t, resp, http.StatusConflict)
	if !strings.Contains(body, fmt.Sprintf(`href="/tickets/%d">#%d</a>:`, closed, closed)) ||
		!strings.Contains(body, fmt.Sprintf(`href="/tickets/%d">#%d</a>:`, mine, mine)) {
		t.Errorf("the refused tickets are not listed with a reason:\n%s", body)
	}
	for _, id := range []int64{a, b} {
		if st := e.statusOf(id); st != 2 {
			t.Errorf("ticket %d: got status %d; want 2 (assigned)", id, st)
		}
		hist, _ := tq.TicketHistory(ctx, id)
		if len(hist) < 2 || hist[0].Field != "assignee" || hist[1].Field != "status" {
			t.Errorf("ticket %d: got history %+v; want the assignment and the status change", id, hist)
		}
	}
	// A technician may not dispatch others' tickets: every one refused.
	resp, _ = e.as("technician").post("/tickets/bulk", url.Values{"action": {"assign"}, "user": {techID}, "ids": {fmt.Sprint(closed)}})
	wantStatus(t, resp, http.StatusConflict)
	wantStatus(t, first(sup.post("/tickets/bulk", url.Values{"action": {"pending"}, "ids": {fmt.Sprint(a), fmt.Sprint(b)}})), http.StatusOK)
	if e.statusOf(a) != 4 || e.statusOf(b) != 4 {
		t.Error("bulk pending did not put both tickets on hold")
	}
	for name, f := range map[string]url.Values{
		"no tickets":     {"action": {"pending"}},
		"SQL in ids":     {"action": {"pending"}, "ids": {"1 OR 1=1"}},
		"unknown action": {"action": {"delete"}, "ids": {fmt.Sprint(a)}},
		"solve, no text": {"action": {"solve"}, "type": {"fixed"}, "ids": {fmt.Sprint(a)}},
		"user and group": {"action": {"assign"}, "user": {techID}, "group": {"1"}, "ids": {fmt.Sprint(a)}},
	} {
		if resp, _ := sup.post("/tickets/bulk", f); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: got status %d; want 400", name, resp.StatusCode)
		}
	}
	wantStatus(t, first(sup.post("/tickets/bulk", url.Values{"action": {"pending"}, "ids": {fmt.Sprint(a)}, "csrf": {"forged"}})), http.StatusForbidden)
	wantStatus(t, first(e.as("self-service").post("/tickets/bulk", url.Values{"action": {"pending"}, "ids": {fmt.Sprint(a)}})), http.StatusForbidden)
}
