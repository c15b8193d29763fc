package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/forms"
)

// adminFormQuestion adds a question at the end of section "section"
// ("orig" empty) or saves question "orig". Its key cannot change once
// created: conditions, the title and the approval name it.
func (s *Server) adminFormQuestion(w http.ResponseWriter, r *http.Request) {
	sf, def, err := s.loadForm(r.Context(), pathID(r))
	if err != nil {
		s.formError(w, r, err)
		return
	}
	p := r.PostForm
	get := func(k string) string { return strings.TrimSpace(p.Get(k)) }
	q := forms.Question{Key: get("key"), Type: forms.Type(get("type")),
		Label:     forms.Text{FR: get("label_fr"), EN: get("label_en")},
		Help:      forms.Text{FR: get("help_fr"), EN: get("help_en")},
		Mandatory: p.Get("mandatory") == "1", Regex: get("regex")}
	choices, err := forms.ParseChoices(p.Get("choices"))
	if err != nil {
		s.renderFormEdit(w, r, http.StatusBadRequest, sf, def, []string{q.Key + " : " + err.Error()})
		return
	}
	if q.Type.HasChoices() {
		q.Choices = choices
	}
	if dep := get("show_question"); dep != "" {
		q.ShowIf = &forms.Condition{Question: dep, Op: get("show_op"), Value: get("show_value")}
	}
	if orig := p.Get("orig"); orig != "" {
		old := def.Question(orig)
		if old == nil {
			s.errorPage(w, r, http.StatusNotFound, "forms.err_question")
			return
		}
		q.Key = old.Key
		*old = q
	} else {
		i, err := strconv.Atoi(p.Get("section"))
		if err != nil || i < 0 || i >= len(def.Sections) {
			s.errorPage(w, r, http.StatusBadRequest, "forms.err_section")
			return
		}
		def.Sections[i].Questions = append(def.Sections[i].Questions, q)
	}
	s.saveOrShow(w, r, sf, def, "#question-"+q.Key)
}
