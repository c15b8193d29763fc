package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// storedForm reads a form's definition back.
func (e *env) storedForm(id int64) (*store.Form, *forms.Form) {
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
	return sf, def
}

func keysOf(def *forms.Form) string {
	var ks []string
	for _, s := range def.Sections {
		var sec []string
		for _, q := range s.Questions {
			sec = append(sec, q.Key)
		}
		ks = append(ks, strings.Join(sec, ","))
	}
	return strings.Join(ks, " | ")
}

// TestAdminFormBuilder builds a form through the builder's plain POST
// forms, as an administrator without JavaScript would.
func TestAdminFormBuilder(t *testing.T) {
	e := newEnv(t)
	a := e.as(store.RoleAdmin)
	resp, body := a.get("/admin/forms")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, `id="admin-form-1"`) || !strings.Contains(body, `id="admin-form-2"`) {
		t.Errorf("the list does not show the seeded forms")
	}
	resp, _ = a.post("/admin/forms", url.Values{"name_fr": {"Badge d'accès"}, "name_en": {"Access badge"}})
	var id int64
	if _, err := fmt.Sscanf(resp.Header.Get("Location"), "/admin/forms/%d", &id); err != nil {
		t.Fatalf("create: got status %d location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	path := fmt.Sprintf("/admin/forms/%d", id)
	sf, def := e.storedForm(id)
	if sf.Active || def.Name.EN != "Access badge" || len(def.Sections) != 1 {
		t.Errorf("new form: got active=%v %+v; want inactive with one section", sf.Active, def)
	}
	steps := []struct {
		name   string
		path   string
		form   url.Values
		status int    // 303 when saved
		err    string // in the page when refused
		keys   string // questions by section after the step
	}{
		{"add a question", path + "/questions", url.Values{"section": {"0"}, "key": {"building"}, "type": {"dropdown"},
			"label_fr": {"Bâtiment"}, "label_en": {"Building"}, "mandatory": {"1"},
			"choices": {"hall | Mairie | Town hall\nschool | École | School"}}, 303, "", "building"},
		{"a bad key is refused", path + "/questions", url.Values{"section": {"0"}, "key": {"Full name"}, "type": {"short_text"},
			"label_en": {"Name"}}, 400, "question Full name : the key must start", "building"},
		{"a bad regex is refused", path + "/questions", url.Values{"section": {"0"}, "key": {"office"}, "type": {"short_text"},
			"label_en": {"Office"}, "regex": {"([0-9"}}, 400, "office: regex : the regular expression is invalid", "building"},
		{"add a conditional question", path + "/questions", url.Values{"section": {"0"}, "key": {"office"}, "type": {"short_text"},
			"label_en": {"Office"}, "regex": {`^[A-Z][0-9]{3}$`}, "show_question": {"building"}, "show_op": {"equals"},
			"show_value": {"hall"}}, 303, "", "building,office"},
		{"a condition on a later question is refused", path + "/questions", url.Values{"orig": {"building"},
			"type": {"dropdown"}, "label_en": {"Building"}, "choices": {"hall"}, "show_question": {"office"},
			"show_op": {"not_empty"}}, 400, "building: show if", "building,office"},
		{"add a section", path + "/sections", url.Values{"op": {"add"}, "title_fr": {"Validation"}, "title_en": {"Approval"}},
			303, "", "building,office | "},
		{"add a user question to it", path + "/questions", url.Values{"section": {"1"}, "key": {"manager"}, "type": {"user"},
			"label_en": {"Manager"}}, 303, "", "building,office | manager"},
		{"move a question down across sections", path + "/questions/move", url.Values{"key": {"office"}, "op": {"down"}},
			303, "", "building | office,manager"},
		{"move it back up", path + "/questions/move", url.Values{"key": {"office"}, "op": {"up"}}, 303, "", "building,office | manager"},
		{"moving before its condition is refused", path + "/questions/move", url.Values{"key": {"office"}, "op": {"up"}},
			400, "office: show if", "building,office | manager"},
		{"settings with approval by the manager", path, url.Values{"name_fr": {"Badge d'accès"}, "name_en": {"Access badge"},
			"icon": {"key"}, "color": {"warning"}, "active": {"1"}, "position": {"3"}, "type": {"2"}, "urgency": {"2"},
			"title": {"Badge : {{q:building}} {{requester}}"}, "approval": {"question"}, "approval_question": {"manager"},
			"min_percent": {"100"}, "roles": {"self-service"}}, 303, "", "building,office | manager"},
		{"a title naming an unknown question is refused", path, url.Values{"name_en": {"Access badge"}, "type": {"2"},
			"urgency": {"2"}, "title": {"{{q:floor}}"}}, 400, "target: title", "building,office | manager"},
		{"deleting the approver's question is refused", path + "/questions/move", url.Values{"key": {"manager"}, "op": {"delete"}},
			400, "target: approval", "building,office | manager"},
		{"swap the sections", path + "/sections", url.Values{"op": {"down"}, "index": {"0"}}, 303, "", "manager | building,office"},
		{"delete a question", path + "/questions/move", url.Values{"key": {"office"}, "op": {"delete"}}, 303, "", "manager | building"},
	}
	for _, st := range steps {
		resp, body := a.post(st.path, st.form)
		if resp.StatusCode != st.status {
			t.Fatalf("%s: got status %d; want %d\n%s", st.name, resp.StatusCode, st.status, body)
		}
		if st.err != "" && !strings.Contains(body, st.err) {
			t.Errorf("%s: got no %q in the page", st.name, st.err)
		}
		if _, def := e.storedForm(id); keysOf(def) != st.keys {
			t.Errorf("%s: got questions %q; want %q", st.name, keysOf(def), st.keys)
		}
	}
	sf, def = e.storedForm(id)
	if !sf.Active || sf.Position != 3 || def.Target.Approval.Question != "manager" || def.Icon != "key" ||
		def.Target.Title != "Badge : {{q:building}} {{requester}}" || len(def.Roles) != 1 {
		t.Errorf("settings: got %+v %+v", sf, def)
	}
	if q := def.Question("building"); q == nil || len(q.Choices) != 2 || q.Choices[1].Label.FR != "École" || !q.Mandatory {
		t.Errorf("building: got %+v", q)
	}
	resp, body = a.get(path)
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{`id="question-manager"`, `id="question-building"`, "hall | Mairie | Town hall"} {
		if !strings.Contains(body, want) {
			t.Errorf("edit page: got no %q", want)
		}
	}
	// The new form is offered to self-service users, then deleted.
	_, body = e.as(store.RoleSelfService).get("/catalog")
	if !strings.Contains(body, fmt.Sprintf(`id="catalog-tile-%d"`, id)) {
		t.Errorf("catalogue: got no tile for the new form")
	}
	resp, _ = a.post(path+"/delete", nil)
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = a.get(path)
	wantStatus(t, resp, http.StatusNotFound)
	resp, _ = a.post(path+"/delete", nil)
	wantStatus(t, resp, http.StatusNotFound)
}

func TestAdminFormCreateErrors(t *testing.T) {
	e := newEnv(t)
	resp, body := e.as(store.RoleAdmin).post("/admin/forms", url.Values{"name_fr": {""}, "name_en": {" "}})
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, "name : a name or label is needed") {
		t.Errorf("got no error naming the field")
	}
}
