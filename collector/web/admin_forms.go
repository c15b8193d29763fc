package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// adminFormsData is the forms' list page.
type adminFormsData struct {
	Forms  []store.Form
	Errors []string
	NameFR string
	NameEN string
}

// adminForms lists every form, active or not, with the creation form.
func (s *Server) adminForms(w http.ResponseWriter, r *http.Request) {
	s.renderAdminForms(w, r, http.StatusOK, &adminFormsData{})
}

func (s *Server) renderAdminForms(w http.ResponseWriter, r *http.Request, status int, d *adminFormsData) {
	fq, err := store.Forms(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Forms, err = fq.ListForms(r.Context(), false); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "admin_forms", s.newPage(r, "forms.admin_title", "admin", d))
}

// adminFormCreate creates an inactive form with one empty section, whose
// tickets are requests titled by the form's name; the builder opens next.
func (s *Server) adminFormCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d := &adminFormsData{NameFR: strings.TrimSpace(r.PostForm.Get("name_fr")), NameEN: strings.TrimSpace(r.PostForm.Get("name_en"))}
	title := d.NameFR
	if title == "" {
		title = d.NameEN
	}
	def := &forms.Form{Name: forms.Text{FR: d.NameFR, EN: d.NameEN}, Icon: "form", Color: "primary",
		Sections: []forms.Section{{}},
		Target:   forms.Target{Type: 2, Urgency: 3, Title: strings.NewReplacer("{{", "", "}}", "").Replace(title)}}
	if errs := forms.Validate(def); len(errs) > 0 {
		d.Errors = defErrors(state(r).lang, errs)
		s.renderAdminForms(w, r, http.StatusBadRequest, d)
		return
	}
	data, err := def.Marshal()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fq, err := store.Forms(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	sf := &store.Form{NameFR: d.NameFR, NameEN: d.NameEN, Position: 100, Definition: string(data), CreatedAt: s.now()}
	if err := fq.CreateForm(ctx, sf); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("form created", "form", sf.ID, "user", actor(r))
	redirect(w, r, formEditURL(sf.ID))
}

func formEditURL(id int64) string { return "/admin/forms/" + strconv.FormatInt(id, 10) }
