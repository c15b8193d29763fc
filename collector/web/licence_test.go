package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// licenceEnv is a park with computer_1.json and its software ID for
// gnome-calculator (installed on that one machine).
func licenceEnv(t *testing.T) (*env, store.LicenceQueries, int64) {
	t.Helper()
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	page, err := e.st.ListSoftware(ctx, store.SoftwareFilter{Query: "gnome-calculator"})
	if err != nil || len(page.Software) != 1 || page.Software[0].Installs == 0 {
		t.Fatalf("got %v, %v; want one installed gnome-calculator", page, err)
	}
	lq, err := store.Licences(e.st)
	if err != nil {
		t.Fatal(err)
	}
	return e, lq, page.Software[0].ID
}

func TestLicenceListFlagsOverUse(t *testing.T) {
	e, lq, sw := licenceEnv(t)
	other, err := e.st.ListSoftware(ctx, store.SoftwareFilter{Query: "gitg"})
	if err != nil || len(other.Software) == 0 {
		t.Fatalf("got %v, %v; want gitg", other, err)
	}
	over := &store.Licence{SoftwareID: sw, Name: "Calculator pack", Seats: 0}
	enough := &store.Licence{SoftwareID: other.Software[0].ID, Name: "Gitg site", Seats: 10, ExpiresOn: "2999-01-01"}
	for _, l := range []*store.Licence{over, enough} {
		if err := lq.CreateLicence(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	c := e.as("observer")
	resp, body := c.get("/licences")
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{"Calculator pack", "Gitg site", fmt.Sprintf(`<a href="/software/%d">gnome-calculator</a>`, sw),
		`class="badge text-bg-danger over"`, "2999-01-01"} {
		if !strings.Contains(body, want) {
			t.Errorf("licences page lacks %q", want)
		}
	}
	if got := strings.Count(body, `text-bg-danger over"`); got != 1 {
		t.Errorf("got %d over-used badges; want 1", got)
	}
	if strings.Contains(body, `id="licence-form"`) {
		t.Error("an observer is offered the new-licence form")
	}
	resp, body = c.get("/licences?over=1")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, "Calculator pack") || strings.Contains(body, "Gitg site") {
		t.Error("over=1 does not keep only the over-used licence")
	}
}

func TestLicenceCreate(t *testing.T) {
	e, lq, sw := licenceEnv(t)
	good := url.Values{"software": {fmt.Sprint(sw)}, "name": {"Calc"}, "seats": {"5"}, "expires_on": {""}, "comment": {"PO 42"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for key, vs := range good {
			f[key] = vs
		}
		f.Set(k, v)
		return f
	}
	tests := []struct {
		name, lang string
		form       url.Values
		field      string // the field named as wrong
		msg        string
	}{
		{"negative seats", "en", with("seats", "-1"), "seats", "Seats must be a whole number"},
		{"seats not a number", "fr", with("seats", "dix"), "seats", "Le nombre de postes doit être un entier"},
		{"no name", "en", with("name", " "), "name", "A name is needed"},
		{"bad date", "fr", with("expires_on", "31/12/2026"), "expires_on", "AAAA-MM-JJ"},
		{"unknown software", "en", with("software", "999999"), "software", "Choose a software"},
		{"software not a number", "en", with("software", "x"), "software", "Choose a software"},
	}
	c := e.as("technician")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.post("/lang", url.Values{"lang": {tt.lang}})
			resp, body := c.post("/licences", tt.form)
			wantStatus(t, resp, http.StatusBadRequest)
			if !strings.Contains(body, `id="err-`+tt.field+`"`) || !strings.Contains(body, tt.msg) {
				t.Errorf("the form does not name field %s with %q", tt.field, tt.msg)
			}
			if n := strings.Count(body, `class="invalid-feedback"`); n != 1 {
				t.Errorf("got %d fields marked wrong; want 1", n)
			}
		})
	}
	if us, _ := lq.LicenceUsages(ctx, 0, "2026-01-01"); len(us) != 0 {
		t.Fatalf("got %d licences after refused forms; want 0", len(us))
	}
	resp, _ := c.post("/licences", good)
	wantStatus(t, resp, http.StatusSeeOther)
	us, err := lq.LicenceUsages(ctx, 0, "2026-01-01")
	if err != nil || len(us) != 1 {
		t.Fatalf("got %v, %v; want one licence", us, err)
	}
	if got := us[0]; got.SoftwareID != sw || got.Name != "Calc" || got.Seats != 5 || got.Comment != "PO 42" || got.Over {
		t.Errorf("got %+v; want Calc, 5 seats, not over-used", got)
	}
	resp, _ = c.post("/licences", url.Values{"software": {fmt.Sprint(sw)}, "name": {"x"}, "seats": {"1"}, "csrf": {"forged"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("got status %d for a forged CSRF token; want 403", resp.StatusCode)
	}
}

func TestLicenceDelete(t *testing.T) {
	e, lq, sw := licenceEnv(t)
	l := &store.Licence{SoftwareID: sw, Name: "Calc", Seats: 3}
	if err := lq.CreateLicence(ctx, l); err != nil {
		t.Fatal(err)
	}
	c := e.as("technician")
	resp, body := c.get("/licences")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, fmt.Sprintf(`action="/licences/%d/delete"`, l.ID)) {
		t.Fatal("the licences page has no delete button for a technician")
	}
	resp, _ = c.post(fmt.Sprintf("/licences/%d/delete", l.ID), nil)
	wantStatus(t, resp, http.StatusSeeOther)
	if _, err := lq.GetLicence(ctx, l.ID); err == nil {
		t.Error("the licence is still stored after delete")
	}
	if _, err := e.st.GetSoftware(ctx, sw); err != nil {
		t.Errorf("deleting the licence lost its software: %v", err)
	}
	resp, _ = c.post(fmt.Sprintf("/licences/%d/delete", l.ID), nil)
	wantStatus(t, resp, http.StatusNotFound)
}

// TestLicenceXSS: markup in a licence name and comment is shown as text.
func TestLicenceXSS(t *testing.T) {
	e, lq, sw := licenceEnv(t)
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	if err := lq.CreateLicence(ctx, &store.Licence{SoftwareID: sw, Name: evil, Comment: evil, Seats: 1}); err != nil {
		t.Fatal(err)
	}
	c := e.as("technician")
	_, body := c.get("/licences")
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
		t.Error("licence markup is not escaped")
	}
	if !strings.Contains(body, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
		t.Error("the escaped licence name is missing")
	}
	resp, body := c.post("/licences", url.Values{"software": {fmt.Sprint(sw)}, "name": {evil}, "seats": {"-3"}})
	wantStatus(t, resp, http.StatusBadRequest)
	if strings.Contains(body, "<script>alert") {
		t.Error("a refused form echoes markup unescaped")
	}
}

// TestLicenceSoftwareSearch checks the new-licence form can offer any
// software of a big catalogue through its search, without JavaScript, and
// keeps the choice when the form comes back with an error.
func TestLicenceSoftwareSearch(t *testing.T) {
	e, lq, _ := licenceEnv(t)
	var keys []store.SoftwareKey
	for i := 0; i < 1100; i++ {
		keys = append(keys, store.SoftwareKey{Name: fmt.Sprintf("zz-app-%04d", i), Publisher: "Acme", Version: "1.0"})
	}
	if _, err := e.st.EnsureSoftwareVersions(ctx, keys); err != nil {
		t.Fatal(err)
	}
	c := e.as("technician")
	resp, body := c.get("/licences")
	wantStatus(t, resp, http.StatusOK)
	if n := strings.Count(body, "<option value=\""); n != licenceSoftwareChoices+1 || !strings.Contains(body, `id="software-search"`) {
		t.Fatalf("got %d options and search form %v; want %d and the form", n, strings.Contains(body, `id="software-search"`), licenceSoftwareChoices+1)
	}
	_, body = c.get("/licences?sw=zz-app-1099")
	last, err := e.st.ListSoftware(ctx, store.SoftwareFilter{Query: "zz-app-1099"})
	if err != nil || len(last.Software) != 1 {
		t.Fatalf("got %v, %v; want the 1,100th software", last, err)
	}
	id := last.Software[0].ID
	if !strings.Contains(body, fmt.Sprintf(`<option value="%d">zz-app-1099 (Acme)</option>`, id)) || strings.Contains(body, "zz-app-0001") {
		t.Fatal("the search does not narrow the choice to the 1,100th software")
	}
	if !strings.Contains(body, `name="sw" value="zz-app-1099"`) {
		t.Error("the form does not keep its search")
	}
	// A wrong field: the form comes back with the same search and choice.
	resp, body = c.post("/licences", url.Values{"software": {fmt.Sprint(id)}, "name": {""}, "seats": {"3"}, "sw": {"zz-app-1099"}})
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, fmt.Sprintf(`<option value="%d" selected>zz-app-1099`, id)) {
		t.Error("the form shown again lost the chosen software")
	}
	resp, _ = c.post("/licences", url.Values{"software": {fmt.Sprint(id)}, "name": {"Acme site"}, "seats": {"3"}, "sw": {"zz-app-1099"}})
	wantStatus(t, resp, http.StatusSeeOther)
	us, err := lq.LicenceUsages(ctx, 0, "2026-01-01")
	if err != nil || len(us) != 1 || us[0].SoftwareID != id {
		t.Fatalf("got %v, %v; want one licence of zz-app-1099", us, err)
	}
	_, body = c.get("/licences?sw=nothing-like-this")
	if strings.Count(body, "<option value=\"") != 1 {
		t.Error("a search that finds nothing still offers software")
	}
}
