package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/forms"
)

// adminFormQuestionMove moves question "key" up or down (across sections
// at their edges) or deletes it ("op": up, down, delete). A move that
// breaks a condition (a question before the one it depends on) is
// refused with the reason.
func (s *Server) adminFormQuestionMove(w http.ResponseWriter, r *http.Request) {
	sf, def, err := s.loadForm(r.Context(), pathID(r))
	if err != nil {
		s.formError(w, r, err)
		return
	}
	key, op := r.PostForm.Get("key"), r.PostForm.Get("op")
	si, qi := findQuestion(def, key)
	if si < 0 {
		s.errorPage(w, r, http.StatusNotFound, "forms.err_question")
		return
	}
	if !moveQuestion(def, si, qi, op) {
		s.errorPage(w, r, http.StatusBadRequest, "forms.err_question")
		return
	}
	anchor := "#question-" + key
	if op == "delete" {
		anchor = "#section-0"
	}
	s.saveOrShow(w, r, sf, def, anchor)
}

// findQuestion returns the section and position of key, -1, -1 if none.
func findQuestion(def *forms.Form, key string) (int, int) {
	for si, sec := range def.Sections {
		for qi, q := range sec.Questions {
			if q.Key == key {
				return si, qi
			}
		}
	}
	return -1, -1
}

// moveQuestion applies op to question qi of section si; false when op is
// unknown or the question is already at that end of the form.
func moveQuestion(def *forms.Form, si, qi int, op string) bool {
	qs := def.Sections[si].Questions
	q := qs[qi]
	switch {
	case op == "delete":
		def.Sections[si].Questions = append(qs[:qi], qs[qi+1:]...)
	case op == "up" && qi > 0:
		qs[qi-1], qs[qi] = qs[qi], qs[qi-1]
	case op == "up" && si > 0: // to the end of the previous section
		def.Sections[si].Questions = append(qs[:qi], qs[qi+1:]...)
		def.Sections[si-1].Questions = append(def.Sections[si-1].Questions, q)
	case op == "down" && qi < len(qs)-1:
		qs[qi+1], qs[qi] = qs[qi], qs[qi+1]
	case op == "down" && si < len(def.Sections)-1: // to the start of the next section
		def.Sections[si].Questions = append(qs[:qi], qs[qi+1:]...)
		def.Sections[si+1].Questions = append([]forms.Question{q}, def.Sections[si+1].Questions...)
	default:
		return false
	}
	return true
}
