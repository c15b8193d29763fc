package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// TestTechDashboard: a technician's dashboard counts their tickets by
// status and their group's open tickets, and lists the late and the new
// unassigned tickets, each linked to the queue filtered the same way;
// an observer sees the park only.
func TestTechDashboard(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	tech := e.users["technician"]
	e.ticketOf("technician", 2)
	e.ticketOf("technician", 4)
	orphan, _ := e.ticketOf("self-service", 1) // new, nobody assigned
	late, _ := e.ticketOf("observer", 1)
	tk, _ := tq.GetTicket(ctx, late)
	tk.Title, tk.DueAt = "Past its due date", e.srv.now().Add(-2*time.Hour)
	if err := tq.UpdateTicket(ctx, tk); err != nil {
		t.Fatal(err)
	}
	g := &store.Group{Name: "Réseau"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	if err := tq.AddGroupMember(ctx, g.ID, tech.ID); err != nil {
		t.Fatal(err)
	}
	if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: late, Kind: store.ActorAssignee, GroupID: g.ID}); err != nil {
		t.Fatal(err)
	}
	_, body := e.as("technician").get("/")
	for _, want := range []string{
		fmt.Sprintf(`href="/tickets?assignee=%d&amp;status=assigned"><span class="display-6">1</span>`, tech.ID),
		fmt.Sprintf(`href="/tickets?assignee=%d&amp;status=pending"><span class="display-6">1</span>`, tech.ID),
		fmt.Sprintf(`href="/tickets?group=%d&amp;status=open"><span class="display-6">1</span>`, g.ID),
		`href="/tickets?late=1"`, "Past its due date",
		`href="/tickets?status=new&amp;assignee=none"`, fmt.Sprintf(`href="/tickets/%d">#%d ticket of self-service`, orphan, orphan),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the technician's dashboard lacks %s", want)
		}
	}
	_, body = e.as("observer").get("/")
	if strings.Contains(body, `id="tech-dashboard"`) {
		t.Error("an observer sees the technicians' helpdesk counters")
	}
}
