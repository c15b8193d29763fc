package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// TestAdminGroups: an administrator creates a group, renames it, flags it
// not assignable, adds and removes a member and deletes it; markup in a
// name is shown as text.
func TestAdminGroups(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	c := e.as("admin")
	resp, _ := c.post("/admin/groups", url.Values{"name": {"<b>Support</b>"}, "assignable": {"1"}})
	wantStatus(t, resp, http.StatusSeeOther)
	groups, _ := tq.ListGroups(ctx)
	if len(groups) != 1 || groups[0].NotAssignable {
		t.Fatalf("got %+v; want one assignable group", groups)
	}
	id := groups[0].ID
	_, body := c.get("/admin/groups")
	if strings.Contains(body, "<b>Support</b>") || !strings.Contains(body, "&lt;b&gt;Support&lt;/b&gt;") {
		t.Error("the group name's markup is not escaped")
	}
	wantStatus(t, first(c.post("/admin/groups", url.Values{"name": {"<b>Support</b>"}})), http.StatusConflict)
	wantStatus(t, first(c.post("/admin/groups", url.Values{"name": {"  "}})), http.StatusBadRequest)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/groups/%d", id), url.Values{"name": {"Support N1"}})), http.StatusSeeOther)
	tech := e.users["technician"].ID
	path := fmt.Sprintf("/admin/groups/%d/members", id)
	wantStatus(t, first(c.post(path, url.Values{"user": {fmt.Sprint(tech)}})), http.StatusSeeOther)
	wantStatus(t, first(c.post(path, url.Values{"user": {fmt.Sprint(tech)}})), http.StatusConflict)
	wantStatus(t, first(c.post(path, url.Values{"user": {"1 OR 1=1"}})), http.StatusBadRequest)
	wantStatus(t, first(c.post(path, url.Values{"login": {"nobody' OR '1'='1"}})), http.StatusBadRequest)
	wantStatus(t, first(c.post(path, url.Values{"login": {"observer"}})), http.StatusSeeOther)
	wantStatus(t, first(c.post(path+"/remove", url.Values{"user": {fmt.Sprint(e.users["observer"].ID)}})), http.StatusSeeOther)
	groups, _ = tq.ListGroups(ctx)
	members, _ := tq.GroupMembers(ctx, id)
	if groups[0].Name != "Support N1" || !groups[0].NotAssignable || len(members) != 1 {
		t.Fatalf("got %+v with members %+v; want Support N1, not assignable, with the technician", groups[0], members)
	}
	wantStatus(t, first(c.post(path+"/remove", url.Values{"user": {fmt.Sprint(tech)}})), http.StatusSeeOther)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/groups/%d/delete", id), nil)), http.StatusSeeOther)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/groups/%d/delete", id), nil)), http.StatusNotFound)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/groups/%d/members", id), url.Values{"user": {fmt.Sprint(tech)}})), http.StatusNotFound)
}

// TestAdminCategories: a tree with a default group; a category cannot go
// under its own descendant; an inactive one is not offered on the
// new-ticket form; one with children cannot be deleted.
func TestAdminCategories(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	g := &store.Group{Name: "Network team"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	c := e.as("admin")
	wantStatus(t, first(c.post("/admin/categories", url.Values{"name": {"Network"}, "active": {"1"}, "group": {fmt.Sprint(g.ID)}})), http.StatusSeeOther)
	cats, _ := tq.ListCategories(ctx)
	root := cats[0]
	wantStatus(t, first(c.post("/admin/categories", url.Values{"name": {"Wi-Fi"}, "active": {"1"}, "parent": {fmt.Sprint(root.ID)}})), http.StatusSeeOther)
	cats, _ = tq.ListCategories(ctx)
	wifi := cats[1]
	if wifi.Path != "Network > Wi-Fi" || root.GroupID != g.ID {
		t.Fatalf("got %+v; want Network (default group %d) > Wi-Fi", cats, g.ID)
	}
	resp, body := c.post(fmt.Sprintf("/admin/categories/%d", root.ID), url.Values{"name": {"Network"}, "active": {"1"}, "parent": {fmt.Sprint(wifi.ID)}})
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, `id="admin-error"`) {
		t.Error("a cycle is refused without saying why")
	}
	wantStatus(t, first(c.post("/admin/categories", url.Values{"name": {"x"}, "group": {"999999"}})), http.StatusBadRequest)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/categories/%d", wifi.ID), url.Values{"name": {"Wi-Fi"}, "parent": {fmt.Sprint(root.ID)}})), http.StatusSeeOther)
	_, form := e.as("self-service").get("/tickets/new")
	if strings.Contains(form, "Wi-Fi") || !strings.Contains(form, "Network") {
		t.Error("the new-ticket form offers an inactive category, or not the active one")
	}
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/categories/%d/delete", root.ID), nil)), http.StatusConflict)
	wantStatus(t, first(c.post(fmt.Sprintf("/admin/categories/%d/delete", wifi.ID), nil)), http.StatusSeeOther)
}

// TestAdminMatrixAndSettings: the edited matrix sets the priority of new
// tickets, a bad cell is refused, reset brings GLPI's back; the settings
// store the auto-close delay (0 = never) and the attachment limit.
func TestAdminMatrixAndSettings(t *testing.T) {
	e := newEnv(t)
	c := e.as("admin")
	form := url.Values{}
	for u := 1; u <= 5; u++ {
		for i := 1; i <= 5; i++ {
			form.Set(fmt.Sprintf("p_%d_%d", u, i), "1")
		}
	}
	form.Set("p_5_3", "6")
	wantStatus(t, first(c.post("/admin/matrix", form)), http.StatusSeeOther)
	m, err := e.srv.priorityMatrix(ctx)
	if err != nil || m[4][2] != 6 || m[0][0] != 1 || m[2][2] != 1 {
		t.Fatalf("got %v, %v; want the edited matrix", m, err)
	}
	// A self-service ticket of urgency 5 (impact 3 by default) is major.
	resp, _ := e.as("self-service").post("/tickets/new", url.Values{"title": {"Down"}, "content": {"All down"}, "type": {"1"}, "urgency": {"5"}})
	tq, _ := store.Tickets(e.st)
	tk, _ := tq.GetTicket(ctx, createdTicket(t, resp))
	if tk.Priority != 6 {
		t.Errorf("got priority %d; want 6 from the edited matrix", tk.Priority)
	}
	form.Set("p_1_1", "7")
	resp, body := c.post("/admin/matrix", form)
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, `name="p_1_1"`) {
		t.Error("a refused matrix is not shown again")
	}
	form.Set("p_1_1", "1 OR 1=1")
	wantStatus(t, first(c.post("/admin/matrix", form)), http.StatusBadRequest)
	wantStatus(t, first(c.post("/admin/matrix/reset", nil)), http.StatusSeeOther)
	if m, _ := e.srv.priorityMatrix(ctx); m != helpdesk.DefaultMatrix {
		t.Errorf("got %v after reset; want the default", m)
	}
	wantStatus(t, first(c.post("/admin/settings", url.Values{"autoclose_days": {"0"}, "max_upload_mb": {"2"}})), http.StatusSeeOther)
	if d, _ := e.srv.autoCloseDelay(ctx); d != helpdesk.NeverAutoClose {
		t.Errorf("got auto-close delay %v; want never for 0", d)
	}
	if n, _ := e.srv.uploadLimit(ctx); n != 2<<20 {
		t.Errorf("got upload limit %d; want 2 MiB", n)
	}
	for _, bad := range []url.Values{{"autoclose_days": {"-3"}, "max_upload_mb": {"2"}},
		{"autoclose_days": {"3"}, "max_upload_mb": {"500"}}, {"autoclose_days": {"x"}, "max_upload_mb": {"2"}}} {
		wantStatus(t, first(c.post("/admin/settings", bad)), http.StatusBadRequest)
	}
	_, body = c.get("/admin")
	if !strings.Contains(body, `id="autoclose_days" name="autoclose_days" value="0"`) {
		t.Error("the settings form does not show the stored delay as 0 (never)")
	}
	// No CSRF token, no change.
	wantStatus(t, first(c.post("/admin/matrix/reset", url.Values{"csrf": {"forged"}})), http.StatusForbidden)
}

var reTempPassword = regexp.MustCompile(`id="temp-password">([^<]+)<`)

// TestAdminUsers: an account created with a generated temporary password
// can log in with it; roles and the disabled flag change; an
// administrator cannot demote themselves.
func TestAdminUsers(t *testing.T) {
	e := newEnv(t)
	c := e.as("admin")
	resp, body := c.post("/admin/users", url.Values{"login": {"j.dupont"}, "name": {"<i>Jeanne</i>"}, "role": {"self-service"}})
	wantStatus(t, resp, http.StatusCreated)
	m := reTempPassword.FindStringSubmatch(body)
	if m == nil || strings.Contains(body, "<i>Jeanne</i>") {
		t.Fatal("no temporary password shown, or the name's markup is not escaped")
	}
	u, err := e.st.GetUserByLogin(ctx, "j.dupont")
	if err != nil || !auth.CheckPassword(u.PasswordHash, m[1]) || u.Role != store.RoleSelfService {
		t.Fatalf("got %+v, %v; want a self-service account with the shown password", u, err)
	}
	wantStatus(t, first(c.post("/admin/users", url.Values{"login": {"j.dupont"}, "role": {"observer"}})), http.StatusConflict)
	for _, bad := range []url.Values{{"login": {"a b'; --"}, "role": {"observer"}}, {"login": {"ok"}, "role": {"root"}},
		{"login": {"ok"}, "role": {"observer"}, "password": {"short"}}} {
		wantStatus(t, first(c.post("/admin/users", bad)), http.StatusBadRequest)
	}
	loc := &store.Location{Name: "Annexe"}
	if err := e.st.CreateLocation(ctx, loc); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/admin/users/%d", u.ID)
	wantStatus(t, first(c.post(path, url.Values{"role": {"technician"}, "disabled": {"1"}, "location": {fmt.Sprint(loc.ID)}})), http.StatusSeeOther)
	u, _ = e.st.GetUser(ctx, u.ID)
	if u.Role != store.RoleTechnician || !u.Disabled {
		t.Errorf("got %+v; want a disabled technician", u)
	}
	wantStatus(t, first(c.post(path, url.Values{"role": {"technician"}, "location": {"99999"}})), http.StatusBadRequest)
	me := fmt.Sprintf("/admin/users/%d", e.users["admin"].ID)
	wantStatus(t, first(c.post(me, url.Values{"role": {"technician"}})), http.StatusBadRequest)
	wantStatus(t, first(c.post(me, url.Values{"role": {"admin"}, "disabled": {"1"}})), http.StatusBadRequest)
	wantStatus(t, first(c.post("/admin/users/99999", url.Values{"role": {"observer"}})), http.StatusNotFound)
	_, body = c.get("/admin/users?q=DUPONT")
	if !strings.Contains(body, `id="user-`+fmt.Sprint(u.ID)+`"`) || strings.Contains(body, `id="user-`+fmt.Sprint(e.users["observer"].ID)+`"`) {
		t.Error("the users search does not list exactly the matching account")
	}
}
