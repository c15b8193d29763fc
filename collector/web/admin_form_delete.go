package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// adminFormDelete deletes a form; the tickets it created keep their
// answers and the form's name.
func (s *Server) adminFormDelete(w http.ResponseWriter, r *http.Request) {
	fq, err := store.Forms(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := fq.DeleteForm(r.Context(), pathID(r)); err != nil {
		s.formError(w, r, err)
		return
	}
	s.log.Info("form deleted", "form", pathID(r), "user", actor(r))
	redirect(w, r, "/admin/forms")
}
