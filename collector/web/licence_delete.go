package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// licenceDelete removes a licence; the software and its installations
// stay in the park.
func (s *Server) licenceDelete(w http.ResponseWriter, r *http.Request) {
	id := pathID(r)
	if id == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	lq, err := store.Licences(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	err = lq.DeleteLicence(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("licence deleted", "licence_id", id, "by", actor(r))
	redirect(w, r, "/licences")
}
