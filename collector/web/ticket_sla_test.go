package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// TestTicketSLAShown: a ticket past its SLA deadlines is flagged late in
// the queue, the requester's list and on its page, which shows both
// deadlines; one whose warning time has come is at risk; a pending one
// says its clock is stopped; the dashboard counts tickets not taken in
// time.
func TestTicketSLAShown(t *testing.T) {
	e := newEnv(t)
	sq, _ := store.SLAs(e.st)
	tq, _ := store.Tickets(e.st)
	for _, r := range []*sla.Rule{
		{Name: "Prise en charge", Kind: sla.TTO, Duration: time.Hour},
		{Name: "Résolution", Kind: sla.TTR, Duration: 2 * time.Hour, WarnBefore: 150 * time.Minute},
	} {
		if err := sq.SaveSLARule(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now().UTC()
	requester := e.users[store.RoleSelfService].ID
	newTicket := func(title string, opened time.Time) *store.Ticket {
		tk := &store.Ticket{Title: title, Type: 1, Status: 1, Urgency: 3, Impact: 3, Priority: 3, OpenedAt: opened}
		if err := tq.CreateTicket(ctx, tk); err != nil {
			t.Fatal(err)
		}
		if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorRequester, UserID: requester}); err != nil {
			t.Fatal(err)
		}
		return tk
	}
	late := newTicket("Imprimante en panne", now.Add(-3*time.Hour))
	risky := newTicket("Écran qui clignote", now.Add(-time.Minute))
	calm := newTicket("Nouveau compte", now.Add(time.Hour)) // opened "later": no warning yet

	tech := e.as(store.RoleTechnician)
	_, body := tech.get("/tickets?status=open")
	for _, want := range []string{"sla-late", "sla-at-risk"} {
		if strings.Count(body, want) != 1 {
			t.Errorf("the queue shows %q %d times; want once", want, strings.Count(body, want))
		}
	}
	_, body = e.as(store.RoleSelfService).get("/tickets/mine")
	if !strings.Contains(body, "sla-late") {
		t.Error("the requester's list does not flag the late ticket")
	}
	_, body = tech.get(fmt.Sprintf("/tickets/%d", late.ID))
	for _, want := range []string{`id="ticket-sla"`, `id="sla-tto"`, `id="sla-ttr"`, "sla-late", `id="sla-elapsed"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the late ticket's page lacks %s", want)
		}
	}
	_, body = tech.get(fmt.Sprintf("/tickets/%d", calm.ID))
	if strings.Contains(body, "sla-late") || strings.Contains(body, "sla-at-risk") {
		t.Error("a ticket well within its deadlines is flagged")
	}
	risky.Status, risky.UpdatedAt = 4, now
	if err := tq.UpdateTicket(ctx, risky); err != nil {
		t.Fatal(err)
	}
	_, body = tech.get(fmt.Sprintf("/tickets/%d", risky.ID))
	if !strings.Contains(body, `id="sla-stopped"`) {
		t.Error("the pending ticket's page does not say its clock is stopped")
	}
	_, body = tech.get("/")
	if !strings.Contains(body, `id="late-tto"`) {
		t.Error("the dashboard does not count the tickets not taken in time")
	}
}
