package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// testTicketList checks every filter of ListTickets, the self-service
// visibility rule, counters, sorting and paging, and that filter values
// full of SQL are only data.
func testTicketList(t *testing.T, st store.Store, tq store.TicketQueries) {
	alice := newUser(t, st, "alice", store.RoleSelfService)
	bob := newUser(t, st, "bob", store.RoleSelfService)
	tech := newUser(t, st, "tech", store.RoleTechnician)
	g := &store.Group{Name: "Helpdesk"}
	must(t, tq.CreateGroup(ctx, g))
	must(t, tq.AddGroupMember(ctx, g.ID, bob.ID))
	cat := &store.Category{Name: "Printing"}
	must(t, tq.CreateCategory(ctx, cat))
	pc := &store.Asset{Type: store.TypeComputer, Name: "PC-1"}
	must(t, st.CreateAsset(ctx, pc))

	a1 := newTicket(t, tq, "Printer jams 50% of the time", 1, alice.ID) // new
	a2 := newTicket(t, tq, "Screen flickers", 2, alice.ID)              // assigned to tech
	a3 := newTicket(t, tq, "Mouse", 5, alice.ID)                        // solved, waiting
	b1 := newTicket(t, tq, "Bob's keyboard", 4, bob.ID)                 // pending, group observer
	x1 := newTicket(t, tq, "Closed old one", 6, tech.ID)                // closed
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: a2.ID, Kind: store.ActorAssignee, UserID: tech.ID}))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: a1.ID, Kind: store.ActorObserver, GroupID: g.ID}))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: b1.ID, Kind: store.ActorAssignee, GroupID: g.ID}))
	must(t, tq.LinkTicketAsset(ctx, a2.ID, pc.ID))
	a1.CategoryID, a1.Priority, a1.Type, a1.UpdatedAt = cat.ID, 5, 2, t0.Add(time.Hour)
	must(t, tq.UpdateTicket(ctx, a1))
	a3.Approval, a3.SolvedAt, a3.UpdatedAt = 2, t0.Add(time.Minute), t0.Add(time.Minute)
	must(t, tq.UpdateTicket(ctx, a3))

	ids := func(p store.TicketPage) string {
		var s []string
		for _, tk := range p.Tickets {
			s = append(s, fmt.Sprint(tk.ID))
		}
		return join(s)
	}
	idList := func(ts ...*store.Ticket) string {
		var s []string
		for _, tk := range ts {
			s = append(s, fmt.Sprint(tk.ID))
		}
		return join(s)
	}
	tests := []struct {
		name string
		f    store.TicketFilter
		want string
	}{
		{"all by id", store.TicketFilter{Sort: "id"}, idList(a1, a2, a3, b1, x1)},
		{"alice sees her own", store.TicketFilter{VisibleTo: alice.ID, Sort: "id"}, idList(a1, a2, a3)},
		{"bob sees his and his group's", store.TicketFilter{VisibleTo: bob.ID, Sort: "id"}, idList(a1, b1)},
		{"assignee group is not visibility", store.TicketFilter{VisibleTo: tech.ID, Sort: "id"}, idList(x1)},
		{"status", store.TicketFilter{Statuses: []int{2, 4}, Sort: "id"}, idList(a2, b1)},
		{"to validate", store.TicketFilter{ToValidate: true}, idList(a3)},
		{"open", store.TicketFilter{Open: true, Sort: "id"}, idList(a1, a2, b1)},
		{"type", store.TicketFilter{Type: 2}, idList(a1)},
		{"priority", store.TicketFilter{Priority: 5}, idList(a1)},
		{"category", store.TicketFilter{CategoryID: cat.ID}, idList(a1)},
		{"assignee user", store.TicketFilter{AssigneeUser: tech.ID}, idList(a2)},
		{"assignee group", store.TicketFilter{AssigneeGroup: g.ID}, idList(b1)},
		{"unassigned", store.TicketFilter{AssigneeUser: -1, Sort: "id"}, idList(a1, a3, x1)},
		{"requester", store.TicketFilter{RequesterUser: bob.ID}, idList(b1)},
		{"asset", store.TicketFilter{AssetID: pc.ID}, idList(a2)},
		{"text", store.TicketFilter{Query: "SCREEN"}, idList(a2)},
		{"text in content", store.TicketFilter{Query: "content of mouse"}, idList(a3)},
		{"percent is literal", store.TicketFilter{Query: "50%"}, idList(a1)},
		{"underscore is literal", store.TicketFilter{Query: "_"}, ""},
		{"quote", store.TicketFilter{Query: "bob's"}, idList(b1)},
		{"ticket number", store.TicketFilter{Query: fmt.Sprintf("#%d", b1.ID)}, idList(b1)},
		{"sql in text", store.TicketFilter{Query: "' OR 1=1 --"}, ""},
		{"sql sort key ignored", store.TicketFilter{Sort: "id; DROP TABLE tickets", Desc: true}, idList(a1, a3, x1, b1, a2)},
		{"updated desc", store.TicketFilter{Sort: "updated", Desc: true}, idList(a1, a3, x1, b1, a2)},
		{"paging", store.TicketFilter{Sort: "id", Limit: 2, Offset: 2}, idList(a3, b1)},
		{"solved before", store.TicketFilter{Statuses: []int{5}, SolvedBefore: t0.Add(time.Hour)}, idList(a3)},
		{"solved before, too early", store.TicketFilter{Statuses: []int{5}, SolvedBefore: t0}, ""},
		{"opened window", store.TicketFilter{OpenedAfter: t0.Add(time.Second)}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tq.ListTickets(ctx, tc.f)
			must(t, err)
			if got := ids(p); got != tc.want {
				t.Errorf("got tickets %s; want %s", got, tc.want)
			}
			if tc.f.Limit == 0 && p.Total != len(p.Tickets) {
				t.Errorf("got total %d; want %d", p.Total, len(p.Tickets))
			}
		})
	}
	p, err := tq.ListTickets(ctx, store.TicketFilter{Sort: "id", Limit: 2, Offset: 2})
	must(t, err)
	if p.Total != 5 {
		t.Errorf("got total %d with paging; want 5", p.Total)
	}
	p, err = tq.ListTickets(ctx, store.TicketFilter{Sort: "id"})
	must(t, err)
	if p.Tickets[0].CategoryPath != "Printing" || p.Tickets[0].Requester != "alice" || p.Tickets[1].Assignee != "tech" || p.Tickets[3].Assignee != "Helpdesk" {
		t.Errorf("got %+v; want category, requester and assignee names", p.Tickets[:4])
	}
	counts, err := tq.CountTickets(ctx, store.TicketFilter{VisibleTo: alice.ID})
	must(t, err)
	want := map[int]int{1: 1, 2: 1, 5: 1, store.CountToValidate: 1}
	if fmt.Sprint(counts) != fmt.Sprint(want) {
		t.Errorf("got counts %v; want %v", counts, want)
	}
}
