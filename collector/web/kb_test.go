package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// kbFixture is a FAQ article and an internal one, in a category.
type kbFixture struct {
	cat           *store.KBCategory
	faq, internal *store.KBArticle
}

func (e *env) kbFixture() kbFixture {
	e.t.Helper()
	kq, err := store.Knowledge(e.st)
	if err != nil {
		e.t.Fatal(err)
	}
	f := kbFixture{cat: &store.KBCategory{Name: "Printing"}}
	if err := kq.CreateKBCategory(ctx, f.cat); err != nil {
		e.t.Fatal(err)
	}
	f.faq = &store.KBArticle{CategoryID: f.cat.ID, Title: "Add paper to the printer", Body: "Open tray 2.", FAQ: true}
	f.internal = &store.KBArticle{CategoryID: f.cat.ID, Title: "Printer admin password", Body: "Ask the town clerk."}
	for _, a := range []*store.KBArticle{f.faq, f.internal} {
		if err := kq.CreateKBArticle(ctx, a); err != nil {
			e.t.Fatal(err)
		}
	}
	return f
}

// TestKBVisibility checks self-service users and observers see the FAQ
// only, in the list, the search and by URL; technicians see everything.
func TestKBVisibility(t *testing.T) {
	e := newEnv(t)
	f := e.kbFixture()
	for _, role := range store.Roles {
		t.Run(role, func(t *testing.T) {
			c := e.as(role)
			staff := store.RoleRank(role) >= store.RoleRank(store.RoleTechnician)
			resp, body := c.get("/kb")
			wantStatus(t, resp, http.StatusOK)
			if !strings.Contains(body, f.faq.Title) {
				t.Errorf("list: got no %q; want the FAQ article", f.faq.Title)
			}
			if got := strings.Contains(body, f.internal.Title); got != staff {
				t.Errorf("list shows the internal article: got %v; want %v", got, staff)
			}
			if got := strings.Contains(body, `id="kb-new"`); got != staff {
				t.Errorf("list offers a new article: got %v; want %v", got, staff)
			}
			_, body = c.get("/kb?q=password")
			if got := strings.Contains(body, f.internal.Title); got != staff {
				t.Errorf("search finds the internal article: got %v; want %v", got, staff)
			}
			resp, body = c.get(kbURL(f.faq.ID))
			wantStatus(t, resp, http.StatusOK)
			if !strings.Contains(body, "Open tray 2.") {
				t.Errorf("FAQ article: got no body; want it")
			}
			resp, _ = c.get(kbURL(f.internal.ID))
			want := http.StatusNotFound
			if staff {
				want = http.StatusOK
			}
			wantStatus(t, resp, want)
		})
	}
}

// TestKBCRUD creates, edits and deletes an article as a technician, and
// checks the form's errors name the field.
func TestKBCRUD(t *testing.T) {
	e := newEnv(t)
	f := e.kbFixture()
	c := e.as(store.RoleTechnician)
	form := url.Values{"title": {"Reset a password"}, "body": {"1. open\n2. reset"}, "lang": {"en"},
		"category": {fmt.Sprint(f.cat.ID)}}
	resp, _ := c.post("/kb", form)
	wantStatus(t, resp, http.StatusSeeOther)
	loc := resp.Header.Get("Location")
	resp, body := c.get(loc)
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{"Reset a password", "<ol>\n<li>open</li>", "Printing", `id="kb-internal"`, "Technician"} {
		if !strings.Contains(body, want) {
			t.Errorf("new article page: got no %q; want it", want)
		}
	}
	// Not in the FAQ yet: a self-service user cannot read it.
	resp, _ = e.as(store.RoleSelfService).get(loc)
	wantStatus(t, resp, http.StatusNotFound)

	resp, body = c.get(loc + "/edit")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, "1. open\n2. reset</textarea>") {
		t.Errorf("edit form: got no body in the textarea; want it")
	}
	form.Set("faq", "1")
	form.Set("title", "Reset your password")
	resp, _ = c.post(loc+"/edit", form)
	wantStatus(t, resp, http.StatusSeeOther)
	resp, body = e.as(store.RoleSelfService).get(loc)
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, "Reset your password") {
		t.Errorf("published article: got no new title; want it")
	}

	bad := []struct {
		name  string
		set   url.Values
		field string
	}{
		{"no title", url.Values{"title": {" "}}, "title"},
		{"long title", url.Values{"title": {strings.Repeat("é", 256)}}, "title"},
		{"bad language", url.Values{"lang": {"de"}}, "lang"},
		{"unknown category", url.Values{"category": {"999999"}}, "category"},
		{"long body", url.Values{"body": {strings.Repeat("a", maxKBBody+1)}}, "body"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{"title": {"ok"}, "body": {"ok"}, "lang": {""}}
			for k, x := range tc.set {
				v[k] = x
			}
			resp, body := c.post("/kb", v)
			wantStatus(t, resp, http.StatusBadRequest)
			if !strings.Contains(body, `id="err-`+tc.field+`"`) {
				t.Errorf("got no error on %s; want one", tc.field)
			}
		})
	}

	resp, _ = c.post(loc+"/delete", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = c.get(loc)
	wantStatus(t, resp, http.StatusNotFound)
}

// TestKBCategories checks supervisors shape the tree and that a category
// lists the articles of its subcategories.
func TestKBCategories(t *testing.T) {
	e := newEnv(t)
	f := e.kbFixture()
	sup := e.as(store.RoleSupervisor)
	resp, _ := sup.post("/kb/categories", url.Values{"name": {"Toner"}, "parent": {fmt.Sprint(f.cat.ID)}})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, body := sup.post("/kb/categories", url.Values{"name": {"Toner"}, "parent": {fmt.Sprint(f.cat.ID)}})
	wantStatus(t, resp, http.StatusConflict)
	if !strings.Contains(body, `id="kb-category-error"`) {
		t.Errorf("duplicate category: got no error message; want one")
	}
	resp, _ = sup.post("/kb/categories", url.Values{"name": {""}})
	wantStatus(t, resp, http.StatusBadRequest)
	kq, _ := store.Knowledge(e.st)
	cats, err := kq.KBCategories(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var toner int64
	for _, c := range cats {
		if c.Name == "Toner" {
			toner = c.ID
		}
	}
	if err := kq.CreateKBArticle(ctx, &store.KBArticle{CategoryID: toner, Title: "Change the toner", FAQ: true}); err != nil {
		t.Fatal(err)
	}
	_, body = e.as(store.RoleSelfService).get(fmt.Sprintf("/kb?category=%d", f.cat.ID))
	if !strings.Contains(body, "Change the toner") || !strings.Contains(body, f.faq.Title) {
		t.Errorf("parent category: got no article of the subcategory or its own; want both")
	}
	_, body = e.as(store.RoleSelfService).get(fmt.Sprintf("/kb?category=%d", toner))
	if strings.Contains(body, f.faq.Title) {
		t.Errorf("subcategory: got the parent's article; want only its own")
	}
	// A branch without FAQ articles is not shown to self-service users.
	resp, _ = sup.post("/kb/categories", url.Values{"name": {"Empty branch"}})
	wantStatus(t, resp, http.StatusSeeOther)
	if _, body = e.as(store.RoleSelfService).get("/kb"); strings.Contains(body, "Empty branch") || !strings.Contains(body, "Toner") {
		t.Errorf("self-service categories: got the empty branch or lost Toner; want only branches with FAQ articles")
	}
	if _, body = sup.get("/kb"); !strings.Contains(body, "Empty branch") {
		t.Errorf("supervisor's categories: got no empty branch; want every category")
	}
	// A technician does not manage categories.
	resp, _ = e.as(store.RoleTechnician).post("/kb/categories", url.Values{"name": {"X"}})
	wantStatus(t, resp, http.StatusForbidden)
	resp, _ = sup.post(fmt.Sprintf("/kb/categories/%d/delete", f.cat.ID), nil)
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = sup.get("/kb")
	gone := fmt.Sprintf(`id="kb-category-(%d|%d)"`, f.cat.ID, toner)
	if regexp.MustCompile(gone).MatchString(body) || !strings.Contains(body, f.faq.Title) {
		t.Errorf("after deleting the tree: got categories or lost articles; want Printing and Toner gone and the articles kept")
	}
}

// TestKBFromSolution saves a solved ticket's solution as an article.
func TestKBFromSolution(t *testing.T) {
	e := newEnv(t)
	id, _ := e.ticketOf(store.RoleTechnician, 5)
	open, _ := e.ticketOf(store.RoleTechnician, 2)
	c := e.as(store.RoleTechnician)
	_, body := c.get(ticketURL(id))
	if !strings.Contains(body, fmt.Sprintf(`href="/kb/new?ticket=%d"`, id)) {
		t.Fatalf("solved ticket page: got no save-as-article link; want one")
	}
	_, body = c.get(ticketURL(open))
	if strings.Contains(body, `id="kb-save-solution"`) {
		t.Errorf("open ticket page: got a save-as-article link; want none")
	}
	_, body = e.as(store.RoleSelfService).get(ticketURL(id))
	if strings.Contains(body, `id="kb-save-solution"`) {
		t.Errorf("requester's view: got a save-as-article link; want none")
	}
	resp, body := c.get(fmt.Sprintf("/kb/new?ticket=%d", id))
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, `value="ticket of technician"`) || !strings.Contains(body, ">done</textarea>") ||
		!strings.Contains(body, fmt.Sprintf(`name="ticket" value="%d"`, id)) {
		t.Fatalf("prefilled form: got no ticket title, solution or ticket; want them")
	}
	resp, _ = c.get(fmt.Sprintf("/kb/new?ticket=%d", open))
	wantStatus(t, resp, http.StatusConflict)
	resp, _ = c.get("/kb/new?ticket=999999")
	wantStatus(t, resp, http.StatusNotFound)
	resp, _ = c.post("/kb", url.Values{"title": {"Printer fixed"}, "body": {"done"}, "ticket": {fmt.Sprint(id)}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = c.get(resp.Header.Get("Location"))
	if !strings.Contains(body, fmt.Sprintf(`href="/tickets/%d" id="kb-ticket"`, id)) {
		t.Errorf("saved article: got no link to its ticket; want one")
	}
	article := resp.Header.Get("Location")
	_, body = c.get(ticketURL(id))
	if !strings.Contains(body, `id="kb-from-ticket"`) || !strings.Contains(body, `href="`+article+`"`) {
		t.Errorf("ticket page: got no link to the article saved from it; want one")
	}
	// A requester does not see the articles (they may be internal).
	own, _ := e.ticketOf(store.RoleSelfService, 5)
	resp, _ = c.post("/kb", url.Values{"title": {"Internal notes"}, "body": {"x"}, "ticket": {fmt.Sprint(own)}})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, body = e.as(store.RoleSelfService).get(ticketURL(own))
	wantStatus(t, resp, http.StatusOK)
	if strings.Contains(body, `id="kb-from-ticket"`) || strings.Contains(body, "Internal notes") {
		t.Errorf("requester's view: got the articles saved from the ticket; want none")
	}
	resp, body = c.post("/kb", url.Values{"title": {"x"}, "ticket": {"999999"}})
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, "kb-invalid") {
		t.Errorf("unknown ticket: got no error; want one")
	}
}

// TestKBEscapes checks an article's markup is shown as text, in the page
// and in the list.
func TestKBEscapes(t *testing.T) {
	e := newEnv(t)
	c := e.as(store.RoleTechnician)
	resp, _ := c.post("/kb", url.Values{"title": {`<img src=x onerror=alert(1)>`}, "faq": {"1"},
		"body": {"<script>alert(1)</script>\n[x](javascript:alert(1))"}})
	wantStatus(t, resp, http.StatusSeeOther)
	for _, path := range []string{resp.Header.Get("Location"), "/kb"} {
		_, body := e.as(store.RoleSelfService).get(path)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, `href="javascript`) {
			t.Errorf("%s: got unescaped markup; want it escaped", path)
		}
		if !strings.Contains(body, "&lt;img src=x onerror=alert(1)&gt;") {
			t.Errorf("%s: got no escaped title; want it", path)
		}
	}
}

// TestKBSelfServiceHome checks the helpdesk home offers the FAQ search.
func TestKBSelfServiceHome(t *testing.T) {
	e := newEnv(t)
	_, body := e.as(store.RoleSelfService).get("/helpdesk")
	if !strings.Contains(body, `id="faq-search"`) || !strings.Contains(body, `action="/kb"`) {
		t.Errorf("helpdesk home: got no FAQ search; want one")
	}
}
