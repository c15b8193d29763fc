package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/recur"
	"github.com/parcproject/parc/collector/store"
)

// TestAdminRecurrent: an administrator creates a weekly recurrent ticket
// for a group; a refused form keeps what was typed and names the field;
// the job opens its ticket; editing the name keeps the next occurrence;
// other roles get no access.
func TestAdminRecurrent(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	rq, _ := store.Recurrents(e.st)
	g := &store.Group{Name: "Informatique"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	c := e.as("admin")
	begin := time.Now().In(time.Local).Add(time.Hour).Truncate(time.Minute)
	form := url.Values{"name": {"Sauvegardes"}, "title": {"Vérifier les sauvegardes"}, "type": {"2"}, "urgency": {"3"},
		"assign_group": {fmt.Sprint(g.ID)}, "period": {"weekly"}, "begin": {begin.Format("2006-01-02T15:04")},
		"ahead": {"1"}, "active": {"1"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("period", "days")
	bad.Set("every", "0")
	resp, body := c.post("/admin/recurrent", bad)
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, "Every N days:") || !strings.Contains(body, `value="Vérifier les sauvegardes"`) {
		t.Error("a refused form does not name the field or loses what was typed")
	}
	wantStatus(t, first(c.post("/admin/recurrent", form)), http.StatusSeeOther)
	items, _ := rq.ListRecurrent(ctx)
	if len(items) != 1 || !items[0].NextAt.Equal(begin) {
		t.Fatalf("got %+v; want one recurrent ticket next at %s", items, begin)
	}
	id := items[0].ID
	if n, err := recur.Run(ctx, e.st, time.Now()); err != nil || n != 1 {
		t.Fatalf("the job opened %d tickets (%v); want 1 (a day ahead)", n, err)
	}
	form.Set("name", "Sauvegardes hebdomadaires")
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/recurrent/%d", id), form)), http.StatusSeeOther)
	got, _ := rq.GetRecurrent(ctx, id)
	if got.Name != "Sauvegardes hebdomadaires" || !got.NextAt.Equal(begin.AddDate(0, 0, 7)) || got.LastTicketID == 0 {
		t.Errorf("after renaming got %+v; want the next occurrence kept a week after %s", got, begin)
	}
	_, body = c.get(fmt.Sprintf("/admin/recurrent/%d", id))
	if !strings.Contains(body, "Sauvegardes hebdomadaires") || !strings.Contains(body, fmt.Sprintf(`href="/tickets/%d"`, got.LastTicketID)) {
		t.Error("the edit page does not show the recurrent ticket and its last ticket")
	}
	wantStatus(t, first(c.post("/admin/recurrent", url.Values{"name": {"X"}, "title": {"X"}, "type": {"1"}, "urgency": {"3"},
		"period": {"daily"}, "begin": {"2026-11-30T08:00"}, "category": {"999"}})), http.StatusNotFound)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/recurrent/%d/delete", id), nil)), http.StatusSeeOther)
	wantStatus(t, first(c.get(fmt.Sprintf("/admin/recurrent/%d", id))), http.StatusNotFound)
	for _, role := range []string{"technician", "supervisor"} {
		wantStatus(t, first(e.as(role).get("/admin/recurrent")), http.StatusForbidden)
	}
}
