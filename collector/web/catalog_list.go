package web

import (
	"net/http"
)

// catalogList shows the service catalogue: the forms the user is shown,
// as tiles.
func (s *Server) catalogList(w http.ResponseWriter, r *http.Request) {
	tiles, err := s.visibleForms(r.Context(), state(r).user.Role, state(r).lang)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "catalog", s.newPage(r, "forms.catalog_title", "catalog", tiles))
}
