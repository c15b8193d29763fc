package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if sess := state(r).sess; sess != nil {
		if err := s.st.DeleteSession(r.Context(), sess.IDHash); err != nil && !errors.Is(err, store.ErrNotFound) {
			s.serverError(w, r, err)
			return
		}
	}
	s.clearCookie(w, cookieSession)
	redirect(w, r, "/login")
}
