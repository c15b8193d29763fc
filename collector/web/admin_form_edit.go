package web

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// adminFormEditData is the builder's page: the form's settings and
// target, then each section with its questions, each in its own plain
// POST form (no JavaScript needed).
type adminFormEditData struct {
	Form       *store.Form
	Def        *forms.Form
	Errors     []string
	Sections   []adminSectionView
	UserQs     []string // keys of "user" questions, for the approval
	Types      []forms.Type
	Operators  []string
	Icons      []string
	Colors     []string
	Roles      []checkOpt // who sees the form
	Observers  []checkOpt // users added as observers
	Categories []store.Category
	Groups     []store.Group
	Users      []store.User
	Levels     []int // urgencies
	Percents   []int // approvals' minimum percentages
}

// checkOpt is one check box or option of a multiple choice.
type checkOpt struct {
	Value, Label string
	Checked      bool
}

type adminSectionView struct {
	Index     int
	Title     forms.Text
	First     bool
	Last      bool
	Questions []questionEditor
	New       questionEditor // the "add a question" form
}

// questionEditor is the form that adds or edits one question.
type questionEditor struct {
	FormID  int64
	CSRF    string
	Section int
	IsNew   bool
	Q       forms.Question
	Choices string   // the choices field, see forms.ParseChoices
	Earlier []string // keys a "show if" may name
	First   bool     // first of the form: cannot go up
	Last    bool     // last of the form: cannot go down
	Types   []forms.Type
	Ops     []string
}

// adminFormEdit shows the builder of a form.
func (s *Server) adminFormEdit(w http.ResponseWriter, r *http.Request) {
	sf, def, err := s.loadForm(r.Context(), pathID(r))
	if err != nil {
		s.formError(w, r, err)
		return
	}
	s.renderFormEdit(w, r, http.StatusOK, sf, def, nil)
}

// renderFormEdit shows def (saved, or as just edited when errs says why
// it was not saved).
func (s *Server) renderFormEdit(w http.ResponseWriter, r *http.Request, status int, sf *store.Form, def *forms.Form, errs []string) {
	ctx := r.Context()
	d := &adminFormEditData{Form: sf, Def: def, Errors: errs, Types: forms.Types, Operators: forms.Operators,
		Colors: forms.Colors, Levels: []int{1, 2, 3, 4, 5}, Percents: []int{0, 50, 100}}
	for _, role := range store.Roles {
		d.Roles = append(d.Roles, checkOpt{role, role, contains(def.Roles, role)})
	}
	for k := range forms.Icons {
		d.Icons = append(d.Icons, k)
	}
	sort.Strings(d.Icons)
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Categories, err = tq.ListCategories(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Groups, err = tq.ListGroups(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Users, err = s.st.ListUsers(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, u := range d.Users {
		checked := false
		for _, id := range def.Target.ObserverUserIDs {
			checked = checked || id == u.ID
		}
		if checked || !u.Disabled {
			d.Observers = append(d.Observers, checkOpt{strconv.FormatInt(u.ID, 10), u.Login, checked})
		}
	}
	var earlier []string
	all := def.Questions()
	for i, sec := range def.Sections {
		sv := adminSectionView{Index: i, Title: sec.Title, First: i == 0, Last: i == len(def.Sections)-1}
		base := questionEditor{FormID: sf.ID, CSRF: state(r).csrf, Section: i, Types: forms.Types, Ops: forms.Operators}
		for _, q := range sec.Questions {
			n := len(earlier)
			e := base
			e.Q, e.Choices, e.First, e.Last = q, forms.FormatChoices(q.Choices), n == 0, n == len(all)-1
			e.Earlier = append([]string(nil), earlier...)
			sv.Questions = append(sv.Questions, e)
			earlier = append(earlier, q.Key)
			if q.Type == forms.TypeUser {
				d.UserQs = append(d.UserQs, q.Key)
			}
		}
		sv.New = base
		sv.New.IsNew, sv.New.Q.Type, sv.New.Earlier = true, forms.TypeShortText, append([]string(nil), earlier...)
		d.Sections = append(d.Sections, sv)
	}
	s.render(w, r, status, "admin_form_edit", s.newPage(r, "forms.admin_title", "admin", d))
}

// saveOrShow saves def, redirecting back to the builder, or shows it
// again with the reasons it cannot be saved.
func (s *Server) saveOrShow(w http.ResponseWriter, r *http.Request, sf *store.Form, def *forms.Form, anchor string) {
	errs, err := s.saveForm(r.Context(), state(r).lang, sf, def)
	if err != nil {
		s.formError(w, r, err)
		return
	}
	if len(errs) > 0 {
		s.renderFormEdit(w, r, http.StatusBadRequest, sf, def, errs)
		return
	}
	redirect(w, r, formEditURL(sf.ID)+anchor)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
