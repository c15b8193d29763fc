package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// Seeded forms (migration 0015): 1 "Hardware request", 2 "New arrival".
const (
	hardwareForm = 1
	arrivalForm  = 2
)

// submit posts a catalogue form as multipart, with files by field name.
func (c *client) submit(path string, form url.Values, files map[string][]byte) (*http.Response, string) {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", c.csrf)
	for k, vs := range form {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	for field, data := range files {
		fw, _ := mw.CreateFormFile(field, field+".png")
		_, _ = fw.Write(data)
	}
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.ts.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.e.ts.URL)
	return c.do(req)
}

// editForm changes a stored form's definition.
func (e *env) editForm(id int64, change func(f *store.Form, def *forms.Form)) {
	e.t.Helper()
	fq, _ := store.Forms(e.st)
	sf, err := fq.GetForm(ctx, id)
	if err != nil {
		e.t.Fatal(err)
	}
	def, err := forms.Parse([]byte(sf.Definition))
	if err != nil {
		e.t.Fatal(err)
	}
	change(sf, def)
	data, _ := def.Marshal()
	sf.Definition = string(data)
	if err := fq.UpdateForm(ctx, sf); err != nil {
		e.t.Fatal(err)
	}
}

// pngBytes is a tiny PNG header: enough for the type sniffer.
var pngBytes = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 32)...)

func TestCatalogTiles(t *testing.T) {
	e := newEnv(t)
	c := e.as(store.RoleSelfService)
	for _, path := range []string{"/helpdesk", "/catalog"} {
		resp, body := c.get(path)
		wantStatus(t, resp, http.StatusOK)
		for _, want := range []string{`id="catalog-tile-1"`, `id="catalog-tile-2"`, "Hardware request", "New arrival"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: got no %q", path, want)
			}
		}
	}
	// A form for technicians only, and an inactive one, are hidden.
	e.editForm(arrivalForm, func(_ *store.Form, def *forms.Form) { def.Roles = []string{store.RoleTechnician} })
	e.editForm(hardwareForm, func(sf *store.Form, _ *forms.Form) { sf.Active = false })
	_, body := c.get("/catalog")
	if strings.Contains(body, "catalog-tile-") {
		t.Errorf("got tiles of hidden forms: %s", body)
	}
	for _, id := range []int{hardwareForm, arrivalForm} {
		resp, _ := c.get(fmt.Sprintf("/catalog/%d", id))
		wantStatus(t, resp, http.StatusNotFound)
	}
	_, body = e.as(store.RoleTechnician).get("/catalog")
	if !strings.Contains(body, `id="catalog-tile-2"`) {
		t.Errorf("technician: got no tile of the technicians' form")
	}
	resp, _ := c.get("/catalog/999")
	wantStatus(t, resp, http.StatusNotFound)
}

func TestCatalogFormPage(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	resp, body := e.as(store.RoleSelfService).get("/catalog/1")
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{`id="form-kind"`, `id="form-other_kind"`, `data-show-question="kind"`,
		`enctype="multipart/form-data"`, "Only if “Equipment requested” is “Other”.", "Only if “Does it replace a device?” is “Yes, it replaces a device”.",
		fmt.Sprintf(`<option value="%d" selected>PC-ACCUEIL-01`, fx.pc), "forms.js"} {
		if !strings.Contains(body, want) {
			t.Errorf("got no %q", want)
		}
	}
	if strings.Contains(body, "PC-MAIRE") {
		t.Errorf("got another person's device in the devices question")
	}
}

// hardwareAnswers is a valid "Hardware request".
func hardwareAnswers(device int64) url.Values {
	return url.Values{"q_kind": {"laptop"}, "q_quantity": {"2"}, "q_replacement": {"yes"},
		"q_device": {fmt.Sprint(device)}, "q_reason": {"The old one no longer boots."}, "q_needed_by": {"2026-12-15"}}
}

func TestCatalogSubmitErrors(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	tests := []struct {
		name   string
		lang   string
		change url.Values
		key    string
		want   string
	}{
		{"mandatory", "en", url.Values{"q_reason": {""}}, "reason", "This answer is mandatory."},
		{"mandatory in French", "fr", url.Values{"q_reason": {""}}, "reason", "Cette réponse est obligatoire."},
		{"regex", "en", url.Values{"q_quantity": {"100"}}, "quantity", "does not have the expected format"},
		{"number", "fr", url.Values{"q_quantity": {"deux"}}, "quantity", "Saisissez un nombre"},
		{"date", "en", url.Values{"q_needed_by": {"15/12/2026"}}, "needed_by", "YYYY-MM-DD"},
		{"not a choice", "en", url.Values{"q_kind": {"car"}}, "kind", "Choose one of the proposed answers."},
		{"another person's device", "en", url.Values{"q_device": {fmt.Sprint(fx.otherPC)}}, "device", "Choose one of the proposed answers."},
		{"shown by the condition", "en", url.Values{"q_kind": {"other"}}, "other_kind", "This answer is mandatory."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := e.as(store.RoleSelfService)
			v := hardwareAnswers(fx.pc)
			for k, x := range tc.change {
				v[k] = x
			}
			u, _ := url.Parse(e.ts.URL)
			c.http.Jar.SetCookies(u, []*http.Cookie{{Name: cookieLang, Value: tc.lang}})
			resp, body := c.submit("/catalog/1", v, nil)
			wantStatus(t, resp, http.StatusBadRequest)
			i := strings.Index(body, `id="error-`+tc.key+`"`)
			if i < 0 || !strings.Contains(body[i:], tc.want) {
				t.Errorf("got no error %q under question %s", tc.want, tc.key)
			}
			if !strings.Contains(body, `value="2026-12-15"`) && tc.key != "needed_by" {
				t.Errorf("the answers given are not shown again")
			}
		})
	}
	tq, _ := store.Tickets(e.st)
	page, err := tq.ListTickets(ctx, store.TicketFilter{Limit: 10})
	if err != nil || len(page.Tickets) != 0 {
		t.Errorf("got %d tickets, %v; want none from refused submissions", len(page.Tickets), err)
	}
}

func TestCatalogSubmitHardware(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	tq, _ := store.Tickets(e.st)
	g := &store.Group{Name: "Support"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	cat := &store.Category{Name: "Matériel", GroupID: g.ID}
	if err := tq.CreateCategory(ctx, cat); err != nil {
		t.Fatal(err)
	}
	e.editForm(hardwareForm, func(_ *store.Form, def *forms.Form) {
		def.Target.CategoryID, def.Target.Urgency, def.Target.ObserverUserIDs = cat.ID, 4, []int64{e.users[store.RoleSupervisor].ID}
	})
	c := e.as(store.RoleSelfService)
	v := hardwareAnswers(fx.pc)
	v.Set("q_other_kind", "hidden: must not be kept")
	resp, _ := c.submit("/catalog/1", v, map[string][]byte{"q_quote": pngBytes})
	id := createdTicket(t, resp)
	tk, err := tq.GetTicket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tk.Title, "Demande de matériel : Laptop x2 (Self-service)"; got != want {
		t.Errorf("title: got %q; want %q", got, want)
	}
	if tk.Type != 2 || tk.Urgency != 4 || tk.CategoryID != cat.ID || tk.Status != 2 {
		t.Errorf("got type %d urgency %d category %d status %d; want 2, 4, %d, 2 (assigned to the category's group)",
			tk.Type, tk.Urgency, tk.CategoryID, tk.Status, cat.ID)
	}
	for _, want := range []string{"Equipment requested: Laptop", "Quantity: 2", "Device to replace: PC-ACCUEIL-01",
		"Why do you need it?\nThe old one no longer boots.", "Quote or useful document: q_quote.png"} {
		if !strings.Contains(tk.Content, want) {
			t.Errorf("description: got no %q in\n%s", want, tk.Content)
		}
	}
	if strings.Contains(tk.Content, "hidden") {
		t.Errorf("description keeps a hidden question's answer:\n%s", tk.Content)
	}
	assets, err := tq.TicketAssets(ctx, id)
	if err != nil || len(assets) != 1 || assets[0].ID != fx.pc {
		t.Errorf("linked assets: got %v, %v; want the PC %d", assets, err, fx.pc)
	}
	docs, err := tq.Documents(ctx, id)
	if err != nil || len(docs) != 1 || docs[0].MIME != "image/png" {
		t.Errorf("documents: got %v, %v; want the PNG", docs, err)
	}
	actors, err := tq.TicketActors(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[int]int{}
	for _, a := range actors {
		kinds[a.Kind]++
	}
	if kinds[store.ActorRequester] != 1 || kinds[store.ActorAssignee] != 1 || kinds[store.ActorObserver] != 1 {
		t.Errorf("actors: got %v; want one requester, one assignee group and one observer", kinds)
	}
	fq, _ := store.Forms(e.st)
	a, err := fq.GetFormAnswer(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var kept forms.Answers
	if err := json.Unmarshal([]byte(a.Answers), &kept); err != nil || kept.First("kind") != "laptop" || kept["other_kind"] != nil {
		t.Errorf("stored answers: got %s, %v", a.Answers, err)
	}
	_, body := c.get(fmt.Sprintf("/tickets/%d", id))
	if !strings.Contains(body, `id="ticket-form"`) || !strings.Contains(body, "Hardware request") {
		t.Errorf("the ticket page does not name its form")
	}
}

func TestCatalogSubmitBadFile(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	resp, body := e.as(store.RoleSelfService).submit("/catalog/1", hardwareAnswers(fx.pc),
		map[string][]byte{"q_quote": []byte("MZ\x90\x00 a program")})
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, `id="error-quote"`) {
		t.Errorf("got no error under the file question")
	}
}

func TestCatalogNewArrivalApproval(t *testing.T) {
	e := newEnv(t)
	manager := e.users[store.RoleSupervisor]
	c := e.as(store.RoleSelfService)
	_, page := c.get("/catalog/2")
	if !strings.Contains(page, fmt.Sprintf(`<option value="%d">Supervisor (supervisor)</option>`, manager.ID)) {
		t.Errorf("the manager question does not offer the users")
	}
	v := url.Values{"q_lastname": {"Martin"}, "q_firstname": {"Léa"}, "q_department": {"finance"},
		"q_start_date": {"2027-01-04"}, "q_manager": {fmt.Sprint(manager.ID)}, "q_equipment": {"laptop", "badge"},
		"q_accounts": {"mail", "business"}, "q_business_software": {"Civil registry"}}
	resp, _ := c.submit("/catalog/2", v, nil)
	id := createdTicket(t, resp)
	tq, _ := store.Tickets(e.st)
	tk, err := tq.GetTicket(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Title != "Nouvel arrivant : Martin Léa" {
		t.Errorf("title: got %q; want %q", tk.Title, "Nouvel arrivant : Martin Léa")
	}
	aq, err := store.Approvals(e.st)
	if err != nil {
		t.Fatal(err)
	}
	list, err := aq.ForTicket(ctx, id)
	if err != nil || len(list) != 1 || list[0].ApproverID != manager.ID || list[0].Status != 2 {
		t.Errorf("approvals: got %+v, %v; want the manager %d waiting", list, err, manager.ID)
	}
	if n, err := aq.CountWaitingFor(ctx, manager.ID); err != nil || n != 1 {
		t.Errorf("waiting for the manager: got %d, %v; want 1", n, err)
	}
}

// TestCatalogApprovalKinds checks who a form's ticket asks first: a
// fixed user, a group's members, or nobody.
func TestCatalogApprovalKinds(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	tq, _ := store.Tickets(e.st)
	g := &store.Group{Name: "Direction"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	for _, role := range []string{store.RoleSupervisor, store.RoleAdmin} {
		if err := tq.AddGroupMember(ctx, g.ID, e.users[role].ID); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name     string
		approval forms.Approval
		want     []int64
	}{
		{"none", forms.Approval{}, nil},
		{"a user", forms.Approval{Kind: forms.ApprovalUser, UserID: e.users[store.RoleTechnician].ID, MinPercent: 100},
			[]int64{e.users[store.RoleTechnician].ID}},
		{"a group", forms.Approval{Kind: forms.ApprovalGroup, GroupID: g.ID, MinPercent: 50},
			[]int64{e.users[store.RoleSupervisor].ID, e.users[store.RoleAdmin].ID}}, // by id

	}
	aq, err := store.Approvals(e.st)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e.editForm(hardwareForm, func(_ *store.Form, def *forms.Form) { def.Target.Approval = tc.approval })
			resp, _ := e.as(store.RoleSelfService).submit("/catalog/1", hardwareAnswers(fx.pc), nil)
			id := createdTicket(t, resp)
			list, err := aq.ForTicket(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, a := range list {
				got = append(got, a.ApproverID)
			}
			sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("approvers: got %v; want %v", got, tc.want)
			}
		})
	}
}

// TestCatalogApproverGone checks that a form whose fixed approver has
// been disabled since it was built says so to the user, keeps their
// answers and opens no ticket, rather than failing with a server error.
func TestCatalogApproverGone(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	tech := e.users[store.RoleTechnician]
	e.editForm(hardwareForm, func(_ *store.Form, def *forms.Form) {
		def.Target.Approval = forms.Approval{Kind: forms.ApprovalUser, UserID: tech.ID, MinPercent: 100}
	})
	tq, _ := store.Tickets(e.st)
	if err := tq.UpdateAccount(ctx, store.Account{UserID: tech.ID, Role: tech.Role, Disabled: true}); err != nil {
		t.Fatal(err)
	}
	before, err := tq.CountTickets(ctx, store.TicketFilter{})
	if err != nil {
		t.Fatal(err)
	}
	resp, page := e.as(store.RoleSelfService).submit("/catalog/1", hardwareAnswers(fx.pc), nil)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("status: got %d; want %d", resp.StatusCode, http.StatusConflict)
	}
	if want := "no longer available"; !strings.Contains(page, want) {
		t.Errorf("page does not say %q", want)
	}
	after, err := tq.CountTickets(ctx, store.TicketFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("ticket counts: got %v; want %v (no ticket opened)", after, before)
	}
}
