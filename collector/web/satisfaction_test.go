package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

func TestSatisfactionAnswer(t *testing.T) {
	e := newEnv(t)
	tq, err := store.Tickets(e.st)
	if err != nil {
		t.Fatal(err)
	}
	sq, err := store.Satisfactions(e.st)
	if err != nil {
		t.Fatal(err)
	}
	closed := func(status int, closedAgo time.Duration) int64 {
		id, _ := e.ticketOf(store.RoleSelfService, 2)
		tk, err := tq.GetTicket(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		tk.Status = status
		if status == 6 {
			tk.ClosedAt = time.Now().UTC().Add(-closedAgo)
		}
		if err := tq.UpdateTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
		return id
	}
	recent, old, open := closed(6, time.Hour), closed(6, 31*24*time.Hour), closed(2, 0)
	path := func(id int64) string { return "/tickets/" + strconv.FormatInt(id, 10) + "/satisfaction" }
	form := func(rating, comment string) url.Values { return url.Values{"rating": {rating}, "comment": {comment}} }
	tests := []struct {
		name string
		role string
		id   int64
		form url.Values
		want int
	}{
		{"requester answers", store.RoleSelfService, recent, form("4", "quick <b>fix</b>"), http.StatusSeeOther},
		{"requester changes the answer", store.RoleSelfService, recent, form("5", "even better"), http.StatusSeeOther},
		{"staff do not answer for the requester", store.RoleAdmin, recent, form("1", ""), http.StatusForbidden},
		{"survey expired", store.RoleSelfService, old, form("3", ""), http.StatusConflict},
		{"ticket not closed", store.RoleSelfService, open, form("3", ""), http.StatusConflict},
		{"rating out of range", store.RoleSelfService, recent, form("6", ""), http.StatusBadRequest},
		{"rating missing", store.RoleSelfService, recent, form("", ""), http.StatusBadRequest},
		{"unknown ticket", store.RoleSelfService, 999999, form("3", ""), http.StatusNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, _ := e.as(tc.role).post(path(tc.id), tc.form)
			wantStatus(t, resp, tc.want)
		})
	}
	got, err := sq.GetSatisfaction(ctx, recent)
	if err != nil {
		t.Fatal(err)
	}
	if got.Rating != 5 || got.Comment != "even better" || got.UserID != e.users[store.RoleSelfService].ID {
		t.Errorf("got %+v; want the requester's second answer, 5 and its comment", got)
	}
	if _, err := sq.GetSatisfaction(ctx, old); err == nil {
		t.Error("expired survey: got an answer stored; want none")
	}
}

// The ticket page offers the survey to its requester while it is open,
// shows the answer (escaped) to staff, and shows nothing on an open ticket.
func TestSatisfactionOnTicketPage(t *testing.T) {
	e := newEnv(t)
	tq, err := store.Tickets(e.st)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := e.ticketOf(store.RoleSelfService, 2)
	page := "/tickets/" + strconv.FormatInt(id, 10)
	_, body := e.as(store.RoleSelfService).get(page)
	if strings.Contains(body, `id="survey"`) {
		t.Error("open ticket: got a survey; want none")
	}
	tk, err := tq.GetTicket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	tk.Status, tk.ClosedAt = 6, time.Now().UTC().Add(-time.Hour)
	if err := tq.UpdateTicket(ctx, tk); err != nil {
		t.Fatal(err)
	}
	user := e.as(store.RoleSelfService)
	_, body = user.get(page)
	if !strings.Contains(body, `action="`+page+`/satisfaction"`) || !strings.Contains(body, `name="rating"`) {
		t.Fatal("closed ticket: the requester gets no survey form")
	}
	resp, _ := user.post(page+"/satisfaction", url.Values{"rating": {"2"}, "comment": {"<script>x</script>"}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = user.get(page)
	if !strings.Contains(body, `id="rating-2" value="2" required checked`) {
		t.Error("the form does not show the requester's answer to change it")
	}
	_, body = e.as(store.RoleTechnician).get(page)
	if !strings.Contains(body, "&lt;script&gt;x&lt;/script&gt;") || strings.Contains(body, "<script>x") {
		t.Error("staff: the answer's comment is not shown escaped")
	}
	if strings.Contains(body, `name="rating"`) {
		t.Error("staff: got the survey form; only the requester answers")
	}
}
