package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// TestTicketJourney walks the journey over HTTP: a self-service
// user opens a ticket about their PC (preselected from the agent's link),
// a technician takes it, plans a task, puts it on hold; the user's
// followup resumes it; the solution is refused (with a reason), solved
// again and approved, and the ticket closes.
func TestTicketJourney(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	user, tech := e.as("self-service"), e.as("technician")

	// The agent's page links here: the PC is preselected, and only the
	// user's own PCs are offered.
	resp, body := user.get("/tickets/new?device=" + url.QueryEscape(fx.deviceID))
	wantStatus(t, resp, http.StatusOK)
	if got := selectedAsset(body); got != fmt.Sprint(fx.pc) {
		t.Errorf("got preselected asset %q; want %d", got, fx.pc)
	}
	if strings.Contains(body, ">PC-MAIRE") {
		t.Error("the form offers another person's PC")
	}
	// Another person's PC cannot be preselected nor sent.
	_, body = user.get("/tickets/new?device=PC-MAIRE-2026-01-05-09-00-00")
	if strings.Contains(body, ">PC-MAIRE") || selectedAsset(body) != fmt.Sprint(fx.pc) {
		t.Error("the form offers another person's PC named by ?device")
	}
	resp, _ = user.post("/tickets/new", url.Values{"type": {"1"}, "title": {"x"}, "content": {"y"}, "urgency": {"3"},
		"asset": {fmt.Sprint(fx.otherPC)}})
	wantStatus(t, resp, http.StatusBadRequest)

	resp, _ = user.post("/tickets/new", url.Values{"type": {"1"}, "title": {"Printer does not print"},
		"content": {"Since this morning."}, "urgency": {"4"}, "asset": {fmt.Sprint(fx.pc)}})
	id := createdTicket(t, resp)
	path := fmt.Sprintf("/tickets/%d", id)
	tq, _ := store.Tickets(e.st)
	tk, _ := tq.GetTicket(ctx, id)
	if tk.Status != 1 || tk.Urgency != 4 || tk.Impact != 3 || tk.Priority != 4 {
		t.Errorf("got %+v; want new, urgency 4, impact 3, priority 4 (GLPI's matrix)", tk)
	}
	if as, _ := tq.TicketAssets(ctx, id); len(as) != 1 || as[0].ID != fx.pc {
		t.Errorf("got assets %+v; want the PC", as)
	}
	_, body = user.get("/helpdesk")
	if !strings.Contains(body, `id="counter-new"`) || !strings.Contains(body, "Printer does not print") {
		t.Error("the home lacks the new counter or the request")
	}
	wantStatus(t, first(user.post(path+"/followups", url.Values{"content": {"It shows error 0x42."}})), http.StatusSeeOther)

	// The technician sees the machine's facts, takes it and works it.
	_, body = tech.get(path)
	for _, want := range []string{"OptiPlex 7010", "Windows 11 Pro", `MAIRIE\self-service`, `id="take"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the technician's ticket page lacks %q", want)
		}
	}
	steps := []struct {
		c      *client
		path   string
		form   url.Values
		status int // of the ticket after
	}{
		{tech, "/take", nil, 2},
		{tech, "/tasks", url.Values{"content": {"Replace the toner"}, "minutes": {"30"}}, 2},
		{tech, "/pending", nil, 4},
		{user, "/followups", url.Values{"content": {"Toner delivered."}}, 2},
		{tech, "/followups", url.Values{"content": {"note for us"}, "private": {"1"}}, 2},
		{tech, "/solve", url.Values{"type": {"replaced"}, "content": {"Toner replaced."}}, 5},
		{user, "/refuse", url.Values{"reason": {"Still streaks on the page."}}, 2},
		{tech, "/solve", url.Values{"type": {"fixed"}, "content": {"Drum cleaned."}}, 5},
		{user, "/approve", nil, 6},
	}
	for i, st := range steps {
		resp, body := st.c.post(path+st.path, st.form)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("step %d %s: got status %d; want 303\n%s", i, st.path, resp.StatusCode, body)
		}
		if got := e.statusOf(id); got != st.status {
			t.Fatalf("step %d %s: got status %d; want %d", i, st.path, got, st.status)
		}
	}
	_, body = user.get(path)
	if strings.Contains(body, "note for us") || strings.Contains(body, "Replace the toner") {
		t.Error("the requester sees a private followup or task")
	}
	if !strings.Contains(body, "Still streaks on the page.") || strings.Contains(body, `id="followup-form"`) {
		t.Error("the closed ticket lacks the refusal reason or still offers a followup form")
	}
	_, body = tech.get(path)
	if !strings.Contains(body, "note for us") || !strings.Contains(body, "30 min") {
		t.Error("the technician does not see the private followup or the task's duration")
	}
	h, _ := tq.TicketHistory(ctx, id)
	if len(h) < 10 {
		t.Errorf("got %d history rows; want every step recorded", len(h))
	}
	// The asset page lists the ticket.
	_, body = tech.get(fmt.Sprintf("/assets/%d", fx.pc))
	if !strings.Contains(body, `href="/tickets/`+fmt.Sprint(id)+`"`) {
		t.Error("the asset page does not list its ticket")
	}
}

func first(resp *http.Response, _ string) *http.Response { return resp }

// TestTicketRulesOverHTTP checks the per-ticket rules the route roles do
// not cover: what a requester may not do, a refusal without reason, a
// technician approving for the requester.
func TestTicketRulesOverHTTP(t *testing.T) {
	e := newEnv(t)
	solved, _ := e.ticketOf("self-service", 5)
	p := fmt.Sprintf("/tickets/%d", solved)
	tests := []struct {
		role, path string
		form       url.Values
		want       int
	}{
		{"self-service", p + "/refuse", url.Values{"reason": {"  "}}, http.StatusBadRequest},
		{"technician", p + "/approve", nil, http.StatusForbidden}, // only the requester decides
		// Observers follow only their own, observed or group tickets: a
		// stranger's ticket is not even revealed.
		{"observer", p + "/followups", url.Values{"content": {"hi"}}, http.StatusNotFound},
		{"self-service", p + "/cancel", nil, http.StatusConflict},
		{"self-service", p + "/followups", url.Values{"content": {""}}, http.StatusBadRequest},
	}
	for _, tc := range tests {
		t.Run(tc.role+" "+tc.path, func(t *testing.T) {
			resp, _ := e.as(tc.role).post(tc.path, tc.form)
			wantStatus(t, resp, tc.want)
		})
	}
	if got := e.statusOf(solved); got != 5 {
		t.Errorf("got status %d; want the ticket still solved", got)
	}
}
