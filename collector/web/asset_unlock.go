package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
)

// assetUnlock removes a field lock; the field takes back the value the
// inventory last reported (park.Unlock), with a history row.
func (s *Server) assetUnlock(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadAsset(w, r)
	if !ok {
		return
	}
	err := park.Unlock(r.Context(), s.st, a.ID, r.PostForm.Get("field"), actor(r))
	switch {
	case errors.Is(err, park.ErrUnknownField), errors.Is(err, store.ErrNotFound):
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
	case err != nil:
		s.serverError(w, r, err)
	default:
		redirect(w, r, "/assets/"+itoa64(a.ID))
	}
}
