package storetest

import (
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// testGroupAdmin covers renaming, the assignable flag and deleting a
// group that is a ticket actor and a category's default group.
func testGroupAdmin(t *testing.T, st store.Store, tq store.TicketQueries) {
	g := &store.Group{Name: "Support"}
	must(t, tq.CreateGroup(ctx, g))
	other := &store.Group{Name: "Accounting", NotAssignable: true}
	must(t, tq.CreateGroup(ctx, other))
	g.Name, g.Comment, g.NotAssignable = "Support N1", "first line", true
	must(t, tq.UpdateGroup(ctx, g))
	wantErr(t, tq.UpdateGroup(ctx, &store.Group{ID: g.ID, Name: "Accounting"}), store.ErrConflict)
	wantErr(t, tq.UpdateGroup(ctx, &store.Group{ID: 9999, Name: "x"}), store.ErrNotFound)
	groups, err := tq.ListGroups(ctx)
	must(t, err)
	if len(groups) != 2 || groups[1].Name != "Support N1" || groups[1].Comment != "first line" || !groups[1].NotAssignable || !groups[0].NotAssignable {
		t.Fatalf("got %+v; want Accounting and the renamed, not assignable Support N1", groups)
	}
	u := newUser(t, st, "ann", store.RoleTechnician)
	must(t, tq.AddGroupMember(ctx, g.ID, u.ID))
	cat := &store.Category{Name: "Printers", GroupID: g.ID}
	must(t, tq.CreateCategory(ctx, cat))
	tk := newTicket(t, tq, "Toner", 2, u.ID)
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorAssignee, GroupID: g.ID}))
	must(t, tq.DeleteGroup(ctx, g.ID))
	wantErr(t, tq.DeleteGroup(ctx, g.ID), store.ErrNotFound)
	ids, err := tq.UserGroupIDs(ctx, u.ID)
	must(t, err)
	actors, err := tq.TicketActors(ctx, tk.ID)
	must(t, err)
	c, err := tq.GetCategory(ctx, cat.ID)
	must(t, err)
	if len(ids) != 0 || len(actors) != 1 || c.GroupID != 0 {
		t.Errorf("after delete: groups %v, actors %+v, category group %d; want none, the requester only, 0", ids, actors, c.GroupID)
	}
}

// testCategoryAdmin covers moving, renaming, deactivating and deleting
// categories of the tree.
func testCategoryAdmin(t *testing.T, st store.Store, tq store.TicketQueries) {
	hw := &store.Category{Name: "Hardware"}
	must(t, tq.CreateCategory(ctx, hw))
	sw := &store.Category{Name: "Software"}
	must(t, tq.CreateCategory(ctx, sw))
	pr := &store.Category{Name: "Printer", ParentID: hw.ID}
	must(t, tq.CreateCategory(ctx, pr))
	pr.ParentID, pr.Name, pr.Inactive = sw.ID, "Print server", true
	must(t, tq.UpdateCategory(ctx, pr))
	wantErr(t, tq.UpdateCategory(ctx, &store.Category{ID: 9999, Name: "x"}), store.ErrNotFound)
	got, err := tq.GetCategory(ctx, pr.ID)
	must(t, err)
	if got.Path != "Software > Print server" || !got.Inactive || got.Depth != 1 {
		t.Errorf("got %+v; want the inactive Software > Print server", got)
	}
	h, err := tq.GetCategory(ctx, hw.ID)
	must(t, err)
	if h.Inactive {
		t.Error("got Hardware inactive; want a new category active")
	}
	wantErr(t, tq.DeleteCategory(ctx, sw.ID), store.ErrConflict)
	tk := newTicket(t, tq, "Queue stuck", 1, 0)
	tk.CategoryID = pr.ID
	must(t, tq.UpdateTicket(ctx, tk))
	must(t, tq.DeleteCategory(ctx, pr.ID))
	must(t, tq.DeleteCategory(ctx, sw.ID))
	wantErr(t, tq.DeleteCategory(ctx, sw.ID), store.ErrNotFound)
	after, err := tq.GetTicket(ctx, tk.ID)
	must(t, err)
	if after.CategoryID != 0 {
		t.Errorf("got category %d on the ticket; want none after deleting it", after.CategoryID)
	}
}

// testSavedSearches covers own and shared searches and who may delete.
func testSavedSearches(t *testing.T, st store.Store, tq store.TicketQueries) {
	ann := newUser(t, st, "ann", store.RoleTechnician)
	bob := newUser(t, st, "bob", store.RoleTechnician)
	mine := &store.SavedSearch{UserID: ann.ID, Name: "My open", Query: "status=open&assignee=1"}
	must(t, tq.SaveSearch(ctx, mine))
	wantErr(t, tq.SaveSearch(ctx, &store.SavedSearch{UserID: ann.ID, Name: "My open", Query: "x"}), store.ErrConflict)
	shared := &store.SavedSearch{UserID: bob.ID, Name: "Late printers", Query: "late=1&q=printer", Shared: true}
	must(t, tq.SaveSearch(ctx, shared))
	must(t, tq.SaveSearch(ctx, &store.SavedSearch{UserID: bob.ID, Name: "Bob's private", Query: "status=new"}))
	got, err := tq.SavedSearches(ctx, ann.ID)
	must(t, err)
	if len(got) != 2 || got[0].ID != mine.ID || got[1].ID != shared.ID || got[1].Owner != "bob" || !got[1].Shared || got[0].Query != mine.Query {
		t.Fatalf("got %+v; want ann's search then bob's shared one", got)
	}
	wantErr(t, tq.DeleteSavedSearch(ctx, shared.ID, ann.ID), store.ErrNotFound)
	must(t, tq.DeleteSavedSearch(ctx, mine.ID, ann.ID))
	got, err = tq.SavedSearches(ctx, ann.ID)
	must(t, err)
	if len(got) != 1 || got[0].ID != shared.ID {
		t.Errorf("got %+v; want only bob's shared search", got)
	}
}

// testAccounts covers the administrators' changes to a user.
func testAccounts(t *testing.T, st store.Store, tq store.TicketQueries) {
	u := newUser(t, st, "ann", store.RoleSelfService)
	loc := &store.Location{Name: "Town hall"}
	must(t, st.CreateLocation(ctx, loc))
	must(t, tq.UpdateAccount(ctx, store.Account{UserID: u.ID, Role: store.RoleTechnician, Disabled: true, LocationID: loc.ID}))
	if err := tq.UpdateAccount(ctx, store.Account{UserID: u.ID, Role: "root"}); err == nil {
		t.Error("got no error for role root; want one")
	}
	wantErr(t, tq.UpdateAccount(ctx, store.Account{UserID: 9999, Role: store.RoleAdmin}), store.ErrNotFound)
	got, err := st.GetUser(ctx, u.ID)
	must(t, err)
	locs, err := tq.UserLocations(ctx)
	must(t, err)
	if got.Role != store.RoleTechnician || !got.Disabled || locs[u.ID] != loc.ID || len(locs) != 1 {
		t.Errorf("got %+v, locations %v; want a disabled technician at %d", got, locs, loc.ID)
	}
}

// testTicketListMore covers the queue's location, date range, due date
// and actor sorts, and SQL in the values.
func testTicketListMore(t *testing.T, st store.Store, tq store.TicketQueries) {
	hall := &store.Location{Name: "Town hall"}
	must(t, st.CreateLocation(ctx, hall))
	school := &store.Location{Name: "School"}
	must(t, st.CreateLocation(ctx, school))
	zoe := newUser(t, st, "zoe", store.RoleSelfService)
	amy := newUser(t, st, "amy", store.RoleSelfService)
	must(t, tq.UpdateAccount(ctx, store.Account{UserID: zoe.ID, Role: store.RoleSelfService, LocationID: school.ID}))
	pc := &store.Asset{Type: store.TypeComputer, Name: "PC-HALL", LocationID: hall.ID}
	must(t, st.CreateAsset(ctx, pc))
	a := newTicket(t, tq, "About the hall PC", 2, amy.ID)
	b := newTicket(t, tq, "From the school", 1, zoe.ID)
	c := newTicket(t, tq, "Solved one", 5, amy.ID)
	must(t, tq.LinkTicketAsset(ctx, a.ID, pc.ID))
	a.UpdatedAt, a.DueAt = t0.Add(2*time.Hour), t0.Add(time.Hour)
	must(t, tq.UpdateTicket(ctx, a))
	b.UpdatedAt, b.DueAt = t0.Add(3*time.Hour), t0.Add(48*time.Hour)
	must(t, tq.UpdateTicket(ctx, b))
	c.UpdatedAt, c.SolvedAt, c.DueAt = t0.Add(time.Hour), t0.Add(time.Hour), t0
	must(t, tq.UpdateTicket(ctx, c))
	ids := func(ts ...*store.Ticket) string {
		var out []int64
		for _, x := range ts {
			out = append(out, x.ID)
		}
		return fmtIDs(out)
	}
	for _, tc := range []struct {
		name string
		f    store.TicketFilter
		want string
	}{
		{"asset's location", store.TicketFilter{LocationID: hall.ID, Sort: "id"}, ids(a)},
		{"requester's location", store.TicketFilter{LocationID: school.ID, Sort: "id"}, ids(b)},
		{"updated range", store.TicketFilter{UpdatedAfter: t0.Add(90 * time.Minute), UpdatedBefore: t0.Add(3 * time.Hour), Sort: "id"}, ids(a)},
		{"solved range", store.TicketFilter{SolvedAfter: t0, SolvedBefore: t0.Add(2 * time.Hour), Sort: "id"}, ids(c)},
		{"late", store.TicketFilter{Open: true, DueBefore: t0.Add(24 * time.Hour), Sort: "id"}, ids(a)},
		{"by requester", store.TicketFilter{Sort: "requester"}, ids(a, c, b)},
		{"by requester desc", store.TicketFilter{Sort: "requester", Desc: true}, ids(b, c, a)},
		{"by solved", store.TicketFilter{Sort: "solved", Desc: true, Statuses: []int{5}}, ids(c)},
		{"SQL in text", store.TicketFilter{Query: "' OR 1=1 --"}, ""},
		{"SQL in sort", store.TicketFilter{Sort: "id; DROP TABLE tickets", Desc: true}, ids(b, a, c)},
	} {
		page, err := tq.ListTickets(ctx, tc.f)
		must(t, err)
		var got []int64
		for _, x := range page.Tickets {
			got = append(got, x.ID)
		}
		if fmtIDs(got) != tc.want || page.Total != len(got) {
			t.Errorf("%s: got %s (total %d); want %s", tc.name, fmtIDs(got), page.Total, tc.want)
		}
	}

	// The places follow the assets and people (migration 0020's
	// triggers): each step changes one link or one place.
	atPlace := func(step string, want map[*store.Location]string) {
		t.Helper()
		for loc, w := range want {
			page, err := tq.ListTickets(ctx, store.TicketFilter{LocationID: loc.ID, Sort: "id"})
			must(t, err)
			var got []int64
			for _, x := range page.Tickets {
				got = append(got, x.ID)
			}
			if fmtIDs(got) != w || page.Total != len(got) {
				t.Errorf("%s: at %s got %s (total %d); want %s", step, loc.Name, fmtIDs(got), page.Total, w)
			}
		}
	}
	pc.LocationID = school.ID
	must(t, st.UpdateAsset(ctx, pc))
	atPlace("asset moved", map[*store.Location]string{hall: "", school: ids(a, b)})
	must(t, tq.UpdateAccount(ctx, store.Account{UserID: zoe.ID, Role: store.RoleSelfService, LocationID: hall.ID}))
	atPlace("requester moved", map[*store.Location]string{hall: ids(b), school: ids(a)})
	second := &store.TicketActor{TicketID: a.ID, Kind: store.ActorRequester, UserID: zoe.ID}
	must(t, tq.AddTicketActor(ctx, second))
	atPlace("requester added", map[*store.Location]string{hall: ids(a, b), school: ids(a)})
	must(t, tq.RemoveTicketActor(ctx, a.ID, second.ID))
	atPlace("requester removed", map[*store.Location]string{hall: ids(b), school: ids(a)})
	must(t, tq.UnlinkTicketAsset(ctx, a.ID, pc.ID))
	atPlace("asset unlinked", map[*store.Location]string{hall: ids(b), school: ""})
	must(t, tq.LinkTicketAsset(ctx, c.ID, pc.ID))
	atPlace("asset linked", map[*store.Location]string{hall: ids(b), school: ids(c)})
	must(t, st.DeleteAsset(ctx, pc.ID))
	atPlace("asset deleted", map[*store.Location]string{hall: ids(b), school: ""})
	must(t, tq.UpdateAccount(ctx, store.Account{UserID: zoe.ID, Role: store.RoleSelfService}))
	atPlace("requester placeless", map[*store.Location]string{hall: "", school: ""})
}

func fmtIDs(ids []int64) string {
	var s []string
	for _, id := range ids {
		s = append(s, strconv.FormatInt(id, 10))
	}
	return join(s)
}
