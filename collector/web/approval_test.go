package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/approval"
	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// addUser makes a user e.as(login) can act as.
func (e *env) addUser(login, role string) *store.User {
	e.t.Helper()
	u := &store.User{Login: login, Name: login, Role: role, PasswordHash: "x"}
	if err := e.st.CreateUser(ctx, u); err != nil {
		e.t.Fatal(err)
	}
	e.users[login] = u
	return u
}

// TestApprovalsOverHTTP walks an approval through the web UI: a
// technician asks a user and a group at 100%; bad forms name their field;
// only the users asked may answer, once, and a refusal needs a comment;
// the asked users see the ticket and their counter; an observer asked
// through a group may approve but change nothing else.
func TestApprovalsOverHTTP(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	aq, _ := store.Approvals(e.st)
	id, _ := e.ticketOf("self-service", int(helpdesk.StatusAssigned))
	path := fmt.Sprintf("/tickets/%d", id)
	boss := e.addUser("boss", store.RoleSelfService)
	e.addUser("stranger", store.RoleSelfService)
	finance := &store.Group{Name: "Finance"}
	if err := tq.CreateGroup(ctx, finance); err != nil {
		t.Fatal(err)
	}
	if err := tq.AddGroupMember(ctx, finance.ID, e.users["observer"].ID); err != nil {
		t.Fatal(err)
	}
	tech := e.as("technician")

	// Before anyone is asked, the asked users cannot see the ticket.
	wantStatus(t, first(e.as("boss").get(path)), http.StatusNotFound)
	wantStatus(t, first(e.as("observer").get(path)), http.StatusNotFound)

	bad := []struct {
		name  string
		as    string
		form  url.Values
		want  int
		field string
	}{
		{"no approver", "technician", url.Values{"min_percent": {"100"}}, http.StatusBadRequest, "approvers"},
		{"bad percent", "technician", url.Values{"user": {fmt.Sprint(boss.ID)}, "min_percent": {"30"}}, http.StatusBadRequest, "min_percent"},
		{"unknown user", "technician", url.Values{"user": {"99999"}}, http.StatusBadRequest, "approvers"},
		{"not a number", "technician", url.Values{"group": {"x"}}, http.StatusBadRequest, "approvers"},
		{"self-service may not ask", "self-service", url.Values{"user": {fmt.Sprint(boss.ID)}}, http.StatusForbidden, ""},
		{"observer may not ask", "observer", url.Values{"user": {fmt.Sprint(boss.ID)}}, http.StatusForbidden, ""},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.as(tc.as).post(path+"/approvals", tc.form)
			wantStatus(t, resp, tc.want)
			if !strings.Contains(body, tc.field) {
				t.Errorf("the error page does not name the field %q", tc.field)
			}
		})
	}

	resp, _ := tech.post(path+"/approvals", url.Values{"user": {fmt.Sprint(boss.ID)}, "group": {fmt.Sprint(finance.ID)},
		"min_percent": {"100"}, "comment": {"A new laptop for <b>Jeanne</b>"}})
	wantStatus(t, resp, http.StatusSeeOther)
	// Asking the same people again while they have not answered is refused.
	wantStatus(t, first(tech.post(path+"/approvals", url.Values{"user": {fmt.Sprint(boss.ID)}})), http.StatusConflict)
	list, err := aq.ForTicket(ctx, id)
	if err != nil || len(list) != 2 {
		t.Fatalf("got approvals %+v, %v; want boss and observer", list, err)
	}
	bossA, obsA := list[0], list[1]
	answer := func(a store.TicketApproval) string { return fmt.Sprintf("%s/approvals/%d/answer", path, a.ID) }

	// The queue shows the approval state beside the status.
	_, body := tech.get("/tickets?status=open")
	if !strings.Contains(body, `validation-2`) {
		t.Error("the queue lacks the waiting approval badge")
	}
	// The ticket page shows the panel, escaped, with the global state.
	_, body = tech.get(path)
	if !strings.Contains(body, `id="approvals"`) || !strings.Contains(body, "A new laptop for &lt;b&gt;Jeanne&lt;/b&gt;") ||
		!strings.Contains(body, `id="approval-global"`) || strings.Contains(body, `id="approval-answer-`) {
		t.Error("the technician's ticket page lacks the approvals panel, or offers an answer form")
	}
	// The asked user sees the ticket, the answer form, the list and the counter.
	b := e.as("boss")
	_, body = b.get(path)
	if !strings.Contains(body, fmt.Sprintf(`id="approval-answer-%d"`, bossA.ID)) || strings.Contains(body, `id="followup-form"`) ||
		strings.Contains(body, `id="approval-request-form"`) {
		t.Error("the approver's page lacks their answer form, or offers a followup or a request form")
	}
	_, body = b.get("/approvals")
	if !strings.Contains(body, fmt.Sprintf(`id="to-give-%d"`, bossA.ID)) {
		t.Error("the approver's list lacks the approval")
	}
	_, body = b.get("/helpdesk")
	if !strings.Contains(body, `id="counter-approvals"`) || !strings.Contains(body, `<span class="display-6">1</span>Approvals to give`) {
		t.Error("the approver's home lacks the approvals counter at 1")
	}

	rules := []struct {
		name string
		as   string
		url  string
		form url.Values
		want int
	}{
		{"refusal without comment", "boss", answer(bossA), url.Values{"answer": {"refuse"}, "comment": {"  "}}, http.StatusBadRequest},
		{"no answer", "boss", answer(bossA), url.Values{}, http.StatusBadRequest},
		{"the requester answers for the boss", "self-service", answer(bossA), url.Values{"answer": {"accept"}}, http.StatusForbidden},
		{"a technician answers for the boss", "technician", answer(bossA), url.Values{"answer": {"accept"}}, http.StatusForbidden},
		{"a stranger answers", "stranger", answer(bossA), url.Values{"answer": {"accept"}}, http.StatusNotFound},
		{"the boss answers the observer's", "boss", answer(obsA), url.Values{"answer": {"accept"}}, http.StatusForbidden},
		{"approval of another ticket", "boss", fmt.Sprintf("/tickets/%d/approvals/%d/answer", id+1000, bossA.ID), url.Values{"answer": {"accept"}}, http.StatusNotFound},
		// Observer mode: the observer reads the ticket and approves, nothing else.
		{"observer followup", "observer", path + "/followups", url.Values{"content": {"hi"}}, http.StatusForbidden},
		{"observer cancel", "observer", path + "/cancel", nil, http.StatusForbidden},
		{"observer edit", "observer", path + "/edit", url.Values{"title": {"x"}}, http.StatusForbidden},
	}
	for _, tc := range rules {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.as(tc.as).post(tc.url, tc.form)
			wantStatus(t, resp, tc.want)
			if tc.name == "refusal without comment" && !strings.Contains(body, "comment") {
				t.Error("the refusal error does not name the comment field")
			}
		})
	}
	wantStatus(t, first(e.as("observer").get(path)), http.StatusOK)
	wantStatus(t, first(e.as("stranger").get(path)), http.StatusNotFound)

	wantStatus(t, first(b.post(answer(bossA), url.Values{"answer": {"accept"}, "comment": {"ok"}})), http.StatusSeeOther)
	wantStatus(t, first(b.post(answer(bossA), url.Values{"answer": {"refuse"}, "comment": {"no"}})), http.StatusConflict)
	if st, _ := aq.State(ctx, id); st.Global != int(helpdesk.ApprovalWaiting) {
		t.Errorf("got global %d after one of two at 100%%; want waiting", st.Global)
	}
	wantStatus(t, first(e.as("observer").post(answer(obsA), url.Values{"answer": {"accept"}})), http.StatusSeeOther)
	if st, _ := aq.State(ctx, id); st.Global != int(helpdesk.ApprovalAccepted) || st.MinPercent != 100 {
		t.Errorf("got state %+v; want accepted at 100%%", st)
	}
	_, body = b.get(path)
	if strings.Contains(body, `id="approval-answer-`) || !strings.Contains(body, "approval-status-3") || !strings.Contains(body, "validation-3") {
		t.Error("after answering, the approver is still offered the form or does not see the accepted status")
	}
	_, body = b.get("/helpdesk")
	if !strings.Contains(body, `<span class="display-6">0</span>Approvals to give`) {
		t.Error("the approver's counter is not back to 0")
	}
	hist, _ := tq.TicketHistory(ctx, id)
	var fields []string
	for _, h := range hist {
		fields = append(fields, h.Field)
	}
	got := strings.Join(fields, ",")
	for _, want := range []string{approval.FieldRequest, approval.FieldAnswer, approval.FieldGlobal} {
		if !strings.Contains(got, want) {
			t.Errorf("got history %s; want %s", got, want)
		}
	}
}

// TestObserverMode checks what the observer role follows: the tickets it
// or its group observes, read-only; not the others.
func TestObserverMode(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	watched, _ := e.ticketOf("self-service", int(helpdesk.StatusAssigned))
	groupTicket, _ := e.ticketOf("self-service", int(helpdesk.StatusNew))
	other, _ := e.ticketOf("self-service", int(helpdesk.StatusNew))
	obs := e.users["observer"]
	g := &store.Group{Name: "Direction"}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tq.CreateGroup(ctx, g))
	must(tq.AddGroupMember(ctx, g.ID, obs.ID))
	must(tq.AddTicketActor(ctx, &store.TicketActor{TicketID: watched, Kind: store.ActorObserver, UserID: obs.ID}))
	// A group of the observer watches this one (a requester group would
	// make its members requesters, as in GLPI).
	must(tq.AddTicketActor(ctx, &store.TicketActor{TicketID: groupTicket, Kind: store.ActorObserver, GroupID: g.ID}))
	c := e.as("observer")
	for _, tc := range []struct {
		id   int64
		want int
	}{{watched, http.StatusOK}, {groupTicket, http.StatusOK}, {other, http.StatusNotFound}} {
		resp, body := c.get(fmt.Sprintf("/tickets/%d", tc.id))
		wantStatus(t, resp, tc.want)
		if tc.want == http.StatusOK && (strings.Contains(body, `id="followup-form"`) || strings.Contains(body, `id="document-form"`)) {
			t.Errorf("ticket %d: the observer is offered a followup or document form", tc.id)
		}
	}
	_, body := c.get("/tickets/mine")
	for _, tc := range []struct {
		id   int64
		want bool
	}{{watched, true}, {groupTicket, true}, {other, false}} {
		if got := strings.Contains(body, fmt.Sprintf(`href="/tickets/%d"`, tc.id)); got != tc.want {
			t.Errorf("ticket %d in the observer's list: got %v; want %v", tc.id, got, tc.want)
		}
	}
	wantStatus(t, first(c.post(fmt.Sprintf("/tickets/%d/followups", watched), url.Values{"content": {"x"}})), http.StatusForbidden)
}

// TestApprovalDashboardCounter: a technician asked to approve a ticket
// sees the counter on their dashboard; one with nothing to approve does
// not.
func TestApprovalDashboardCounter(t *testing.T) {
	e := newEnv(t)
	id, _ := e.ticketOf("self-service", int(helpdesk.StatusNew))
	_, body := e.as("supervisor").get("/")
	if strings.Contains(body, `href="/approvals"`) {
		t.Error("a supervisor with nothing to approve sees the approvals counter")
	}
	err := e.st.WithTx(ctx, func(q store.Queries) error {
		_, err := approval.Request(ctx, q, store.ApprovalRequest{TicketID: id,
			Targets: []store.ApprovalTarget{{UserID: e.users["supervisor"].ID}}}, "test")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_, body = e.as("supervisor").get("/")
	if !strings.Contains(body, `href="/approvals"><span class="display-6">1</span>Approvals to give`) {
		t.Error("the supervisor's dashboard lacks the approvals counter at 1")
	}
}
