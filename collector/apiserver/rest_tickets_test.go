package apiserver

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// ticketEnv is the API with one token per role; "alice" (self-service)
// uses the PC "PC-ALICE", "bob" (self-service) another one.
type ticketEnv struct {
	*env
	tok          map[string]string // by role; "bob" for a second self-service user
	alicePC, pc2 int64
}

func newTicketEnv(t *testing.T, e *env) *ticketEnv {
	te := &ticketEnv{env: e, tok: map[string]string{}}
	for _, role := range store.Roles {
		login := role
		if role == store.RoleSelfService {
			login = "alice"
		}
		te.tok[role] = e.apiToken(login, role)
	}
	te.tok["bob"] = e.apiToken("bob", store.RoleSelfService)
	ctx := context.Background()
	a := &store.Asset{Type: store.TypeComputer, Name: "PC-ALICE", LastUser: `MAIRIE\alice`}
	b := &store.Asset{Type: store.TypeComputer, Name: "PC-BOB", LastUser: "bob"}
	for _, x := range []*store.Asset{a, b} {
		if err := e.st.CreateAsset(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	te.alicePC, te.pc2 = a.ID, b.ID
	return te
}

// call sends JSON as the token's user and decodes the answer.
func (te *ticketEnv) call(who, method, path string, in, out any) int {
	te.t.Helper()
	var body []byte
	if in != nil {
		body, _ = json.Marshal(in)
	}
	hdr := map[string]string{"Content-Type": "application/json"}
	if who != "" {
		hdr["Authorization"] = "Bearer " + te.tok[who]
	}
	return te.do(method, path, hdr, body, out)
}

func (te *ticketEnv) open(who string, in TicketInput) TicketDetailJSON {
	te.t.Helper()
	var d TicketDetailJSON
	if code := te.call(who, "POST", PathTickets, in, &d); code != 201 {
		te.t.Fatalf("POST %s as %s: got %d; want 201", PathTickets, who, code)
	}
	return d
}

// TestTicketAPIRoles walks the ticket API's role matrix: anonymous calls
// are refused, self-service tokens reach only their own tickets, only
// staff solve or write private followups.
func TestTicketAPIRoles(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		te := newTicketEnv(t, e)
		mine := te.open(store.RoleSelfService, TicketInput{Title: "Printer", Content: "jams", Assets: []int64{te.alicePC}})
		theirs := te.open("bob", TicketInput{Title: "Bob's", Content: "x"})
		one := fmt.Sprintf("%s/%d", PathTickets, mine.Ticket.ID)
		other := fmt.Sprintf("%s/%d", PathTickets, theirs.Ticket.ID)
		if code := te.call("", "GET", PathTickets, nil, nil); code != 401 {
			t.Errorf("anonymous list: got %d; want 401", code)
		}
		var list TicketListJSON
		te.call(store.RoleSelfService, "GET", PathTickets, nil, &list)
		if list.Total != 1 || list.Items[0].ID != mine.Ticket.ID {
			t.Errorf("self-service list: got %+v; want only their ticket", list)
		}
		// Observer mode: the observer follows the ticket it observes only.
		tq, _ := store.Tickets(e.st)
		obs, err := e.st.GetUserByLogin(context.Background(), store.RoleObserver)
		if err != nil {
			t.Fatal(err)
		}
		if err := tq.AddTicketActor(context.Background(), &store.TicketActor{TicketID: mine.Ticket.ID,
			Kind: store.ActorObserver, UserID: obs.ID}); err != nil {
			t.Fatal(err)
		}
		for _, role := range []string{store.RoleObserver, store.RoleTechnician, store.RoleAdmin} {
			te.call(role, "GET", PathTickets, nil, &list)
			want := 2
			if role == store.RoleObserver {
				want = 1
			}
			if list.Total != want {
				t.Errorf("%s list: got %d tickets; want %d", role, list.Total, want)
			}
		}
		for _, tc := range []struct {
			who, method, path string
			in                any
			want              int
		}{
			{store.RoleSelfService, "GET", other, nil, 404},
			{store.RoleSelfService, "POST", other + "/followups", FollowupInput{Content: "hi"}, 404},
			{store.RoleSelfService, "POST", one + "/followups", FollowupInput{Content: "secret", Private: true}, 403},
			{store.RoleSelfService, "POST", one + "/solution", SolutionInput{Content: "done"}, 403},
			{store.RoleObserver, "GET", one, nil, 200},
			{store.RoleObserver, "GET", other, nil, 404},                                          // not observed: not revealed
			{store.RoleObserver, "POST", one + "/followups", FollowupInput{Content: "seen"}, 403}, // reads, does not take part
			{store.RoleObserver, "POST", one + "/solution", SolutionInput{Content: "done"}, 403},
			{store.RoleTechnician, "POST", one + "/followups", FollowupInput{Content: "private note", Private: true}, 201},
			{store.RoleSelfService, "POST", one + "/followups", FollowupInput{Content: "any news?"}, 201},
			{store.RoleTechnician, "POST", one + "/solution", SolutionInput{Type: "replaced", Content: "new drum"}, 201},
			{store.RoleTechnician, "POST", one + "/solution", SolutionInput{Content: "again"}, 409},
			{"", "POST", one + "/followups", FollowupInput{Content: "x"}, 401},
		} {
			if code := te.call(tc.who, tc.method, tc.path, tc.in, nil); code != tc.want {
				t.Errorf("%s %s as %q: got %d; want %d", tc.method, tc.path, tc.who, code, tc.want)
			}
		}
		var seen, staff TicketDetailJSON
		te.call(store.RoleSelfService, "GET", one, nil, &seen)
		te.call(store.RoleTechnician, "GET", one, nil, &staff)
		if len(seen.Followups) != 1 || len(staff.Followups) != 2 || seen.Solution == nil || seen.Solution.Type != "replaced" ||
			seen.Ticket.StatusName != "solved" || len(seen.Assets) != 1 || seen.Assets[0].ID != te.alicePC {
			t.Errorf("got %d followups for the requester, %d for staff, solution %+v, status %s, assets %+v; want 1, 2, replaced, solved, PC-ALICE",
				len(seen.Followups), len(staff.Followups), seen.Solution, seen.Ticket.StatusName, seen.Assets)
		}
	})
}

// TestTicketAPICreate: errors name their fields; a self-service user
// links only their own devices and cannot judge the impact; staff link
// any asset; the category's group is assigned.
func TestTicketAPICreate(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		te := newTicketEnv(t, e)
		tq, _ := store.Tickets(e.st)
		g := &store.Group{Name: "Support"}
		if err := tq.CreateGroup(context.Background(), g); err != nil {
			t.Fatal(err)
		}
		cat := &store.Category{Name: "Printers", GroupID: g.ID}
		if err := tq.CreateCategory(context.Background(), cat); err != nil {
			t.Fatal(err)
		}
		var apiErr api.Error
		code := te.call(store.RoleSelfService, "POST", PathTickets, TicketInput{Title: "", Urgency: 9, Type: 7, Impact: 5,
			Assets: []int64{te.pc2}}, &apiErr)
		var names []string
		for _, f := range apiErr.Fields {
			names = append(names, f.Field)
		}
		if code != 400 || strings.Join(names, ",") != "title,content,type,urgency,impact" {
			t.Errorf("got %d with fields %v; want 400 naming title, content, type, urgency, impact", code, names)
		}
		code = te.call(store.RoleSelfService, "POST", PathTickets, TicketInput{Title: "t", Content: "c", CategoryID: 9999,
			Assets: []int64{te.pc2}}, &apiErr)
		if code != 400 || len(apiErr.Fields) != 2 || apiErr.Fields[0].Field != "category_id" || apiErr.Fields[1].Field != "assets[0]" {
			t.Errorf("got %d %+v; want 400 naming category_id and assets[0]", code, apiErr.Fields)
		}
		d := te.open(store.RoleSelfService, TicketInput{Title: "Toner", Content: "empty", Urgency: 5, CategoryID: cat.ID, Assets: []int64{te.alicePC}})
		if d.Ticket.Priority != 4 || d.Ticket.StatusName != "assigned" || d.Ticket.Assignee != "Support" || d.Ticket.Requester != "alice" {
			t.Errorf("got %+v; want priority 4 (urgency 5, impact 3), assigned to Support, requested by alice", d.Ticket)
		}
		d = te.open(store.RoleTechnician, TicketInput{Title: "Bob's PC", Content: "slow", Impact: 5, Urgency: 5, Assets: []int64{te.pc2}})
		if d.Ticket.Priority != 5 || len(d.Assets) != 1 || d.Assets[0].Name != "PC-BOB" {
			t.Errorf("got %+v with assets %+v; want priority 5 and PC-BOB", d.Ticket, d.Assets)
		}
		if code := te.call(store.RoleTechnician, "POST", PathTickets, TicketInput{Title: "x", Content: "y", Assets: []int64{424242}}, nil); code != 400 {
			t.Errorf("unknown asset: got %d; want 400", code)
		}
		if code := te.do("POST", PathTickets, map[string]string{"Authorization": "Bearer " + te.tok["admin"]}, []byte("{not json"), nil); code != 400 {
			t.Errorf("bad JSON: got %d; want 400", code)
		}
	})
}

// TestTicketAPIFilters: filters and paging like /api/v1/assets; SQL in
// any filter is a named error or only data.
func TestTicketAPIFilters(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		te := newTicketEnv(t, e)
		for i := 0; i < 3; i++ {
			te.open(store.RoleSelfService, TicketInput{Title: fmt.Sprintf("Ticket %d", i), Content: "c", Urgency: i + 1})
		}
		var list TicketListJSON
		te.call(store.RoleTechnician, "GET", PathTickets+"?status=new&sort=id&limit=2&offset=1", nil, &list)
		if list.Total != 3 || len(list.Items) != 2 || list.Items[0].Title != "Ticket 1" {
			t.Errorf("got %+v; want total 3, page of 2 from Ticket 1", list)
		}
		te.call(store.RoleTechnician, "GET", PathTickets+"?q=ticket+2", nil, &list)
		if list.Total != 1 {
			t.Errorf("text search: got %d; want 1", list.Total)
		}
		for _, p := range []string{"status", "priority", "type", "category", "assignee", "group", "requester", "asset",
			"location", "opened_after", "updated_before", "solved_after", "sort", "desc", "late", "limit", "offset"} {
			var apiErr api.Error
			q := url.Values{p: {"1 OR 1=1; DROP TABLE tickets"}}.Encode()
			if code := te.call(store.RoleTechnician, "GET", PathTickets+"?"+q, nil, &apiErr); code != 400 || len(apiErr.Fields) != 1 || apiErr.Fields[0].Field != p {
				t.Errorf("?%s: got %d %+v; want 400 naming %s", q, code, apiErr.Fields, p)
			}
		}
		te.call(store.RoleTechnician, "GET", PathTickets+"?q="+url.QueryEscape("' OR '1'='1"), nil, &list)
		if list.Total != 0 {
			t.Errorf("SQL in q matched %d tickets; want 0", list.Total)
		}
		te.call(store.RoleTechnician, "GET", PathTickets, nil, &list)
		if list.Total != 3 {
			t.Errorf("got %d tickets after the attempts; want 3", list.Total)
		}
	})
}
