package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/forms"
)

// adminFormSection adds a section (op "add"), or saves ("save"), moves
// ("up", "down") or deletes ("delete") section number "index"; a section
// is deleted with its questions.
func (s *Server) adminFormSection(w http.ResponseWriter, r *http.Request) {
	sf, def, err := s.loadForm(r.Context(), pathID(r))
	if err != nil {
		s.formError(w, r, err)
		return
	}
	p := r.PostForm
	title := forms.Text{FR: strings.TrimSpace(p.Get("title_fr")), EN: strings.TrimSpace(p.Get("title_en"))}
	op := p.Get("op")
	if op == "add" {
		def.Sections = append(def.Sections, forms.Section{Title: title})
		s.saveOrShow(w, r, sf, def, "#section-"+strconv.Itoa(len(def.Sections)-1))
		return
	}
	i, err := strconv.Atoi(p.Get("index"))
	if err != nil || i < 0 || i >= len(def.Sections) {
		s.errorPage(w, r, http.StatusBadRequest, "forms.err_section")
		return
	}
	secs := def.Sections
	switch {
	case op == "save":
		secs[i].Title = title
	case op == "up" && i > 0:
		secs[i-1], secs[i] = secs[i], secs[i-1]
		i--
	case op == "down" && i < len(secs)-1:
		secs[i+1], secs[i] = secs[i], secs[i+1]
		i++
	case op == "delete":
		def.Sections = append(secs[:i], secs[i+1:]...)
		s.saveOrShow(w, r, sf, def, "")
		return
	default:
		s.errorPage(w, r, http.StatusBadRequest, "forms.err_section")
		return
	}
	s.saveOrShow(w, r, sf, def, "#section-"+strconv.Itoa(i))
}
