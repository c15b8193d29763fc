package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func editForm(kv ...string) url.Values {
	f := url.Values{"title": {"Printer jams"}, "content": {"Paper jam on floor 2"}, "type": {"1"}, "urgency": {"3"}, "impact": {"3"}}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

// TestTicketEdit: a technician's edit recomputes the priority from the
// matrix and records each changed field; only a supervisor sets the
// priority by hand; bad values and markup are handled.
func TestTicketEdit(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	id, _ := e.ticketOf("self-service", 2)
	path := fmt.Sprintf("/tickets/%d/edit", id)
	tech := e.as("technician")
	cat := &store.Category{Name: "Printers"}
	if err := tq.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	resp, _ := tech.post(path, editForm("urgency", "5", "impact", "4", "category", fmt.Sprint(cat.ID), "due", "2026-03-01T09:30",
		"title", `<script>alert(1)</script>`))
	wantStatus(t, resp, http.StatusSeeOther)
	tk, _ := tq.GetTicket(ctx, id)
	if tk.Urgency != 5 || tk.Impact != 4 || tk.Priority != 5 || tk.CategoryID != cat.ID || tk.DueAt.Format("2006-01-02 15:04") != "2026-03-01 09:30" {
		t.Fatalf("got %+v; want urgency 5, impact 4, priority 5 from the matrix, the category and the due date", tk)
	}
	hist, _ := tq.TicketHistory(ctx, id)
	fields := map[string]string{}
	for _, h := range hist {
		fields[h.Field] = h.OldValue + "->" + h.NewValue
	}
	for f, want := range map[string]string{"urgency": "3->5", "impact": "3->4", "priority": "3->5", "category": "->Printers",
		"due": "->2026-03-01 09:30", "title": "ticket of self-service-><script>alert(1)</script>"} {
		if fields[f] != want {
			t.Errorf("history of %s: got %q; want %q", f, fields[f], want)
		}
	}
	_, body := tech.get(fmt.Sprintf("/tickets/%d", id))
	if strings.Contains(body, "<script>alert(1)</script>") {
		t.Error("an edited title's markup reaches the page unescaped")
	}
	wantStatus(t, first(tech.post(path, editForm("priority", "6"))), http.StatusForbidden)
	wantStatus(t, first(e.as("supervisor").post(path, editForm("priority", "6"))), http.StatusSeeOther)
	if tk, _ = tq.GetTicket(ctx, id); tk.Priority != 6 {
		t.Errorf("got priority %d; want the supervisor's 6", tk.Priority)
	}
	for name, f := range map[string]url.Values{
		"urgency out of range": editForm("urgency", "9"), "SQL in impact": editForm("impact", "1 OR 1=1"),
		"unknown category": editForm("category", "99999"), "empty title": editForm("title", " "),
		"bad due date": editForm("due", "tomorrow"),
	} {
		if resp, _ := tech.post(path, f); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: got status %d; want 400", name, resp.StatusCode)
		}
	}
	wantStatus(t, first(e.as("self-service").post(path, editForm())), http.StatusForbidden)
	wantStatus(t, first(tech.post(path, editForm("csrf", "forged"))), http.StatusForbidden)
}

// TestTicketActorsAndAssets: removing the last assignee puts the ticket
// back to new; an observer can be removed; assets are linked and
// unlinked, each in the history.
func TestTicketActorsAndAssets(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	id, _ := e.ticketOf("technician", 2) // requested by and assigned to the technician
	obs := &store.TicketActor{TicketID: id, Kind: store.ActorObserver, UserID: e.users["observer"].ID}
	if err := tq.AddTicketActor(ctx, obs); err != nil {
		t.Fatal(err)
	}
	actors, _ := tq.TicketActors(ctx, id)
	var assignee, requester int64
	for _, a := range actors {
		switch a.Kind {
		case store.ActorAssignee:
			assignee = a.ID
		case store.ActorRequester:
			requester = a.ID
		}
	}
	sup := e.as("supervisor")
	del := func(actorID int64) string { return fmt.Sprintf("/tickets/%d/actors/%d/delete", id, actorID) }
	wantStatus(t, first(sup.post(del(requester), nil)), http.StatusNotFound)
	// Any staff member may take an observer off a ticket.
	wantStatus(t, first(e.as("admin").post(del(obs.ID), nil)), http.StatusSeeOther)
	wantStatus(t, first(sup.post(del(assignee), nil)), http.StatusSeeOther)
	if st := e.statusOf(id); st != 1 {
		t.Errorf("got status %d after removing the only assignee; want 1 (new)", st)
	}
	wantStatus(t, first(sup.post(del(assignee), nil)), http.StatusNotFound)
	pc := &store.Asset{Type: store.TypeComputer, Name: "PC-COMPTA-02"}
	if err := e.st.CreateAsset(ctx, pc); err != nil {
		t.Fatal(err)
	}
	link := fmt.Sprintf("/tickets/%d/assets", id)
	wantStatus(t, first(sup.post(link, url.Values{"asset": {fmt.Sprint(pc.ID)}})), http.StatusSeeOther)
	wantStatus(t, first(sup.post(link, url.Values{"asset": {fmt.Sprint(pc.ID)}})), http.StatusConflict)
	wantStatus(t, first(sup.post(link, url.Values{"asset": {"99999"}})), http.StatusBadRequest)
	if as, _ := tq.TicketAssets(ctx, id); len(as) != 1 {
		t.Fatalf("got %d linked assets; want 1", len(as))
	}
	wantStatus(t, first(sup.post(fmt.Sprintf("%s/%d/delete", link, pc.ID), nil)), http.StatusSeeOther)
	if as, _ := tq.TicketAssets(ctx, id); len(as) != 0 {
		t.Errorf("got %d linked assets after unlinking; want 0", len(as))
	}
	hist, _ := tq.TicketHistory(ctx, id)
	var got []string
	for _, h := range hist {
		got = append(got, h.Field)
	}
	if s := strings.Join(got, ","); !strings.Contains(s, "observer_removed,assignee_removed,status,asset_linked,asset_unlinked") {
		t.Errorf("got history %s; want the removals, the status change and the asset links", s)
	}
}
