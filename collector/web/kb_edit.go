package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kbEdit shows the form of an existing article.
func (s *Server) kbEdit(w http.ResponseWriter, r *http.Request) {
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	a, err := s.kbArticle(r.Context(), r, kq)
	if err != nil {
		s.kbError(w, r, err)
		return
	}
	s.renderKBForm(w, r, http.StatusOK, kbForm{ID: a.ID, Title: a.Title, Body: a.Body, Lang: a.Lang,
		CategoryID: a.CategoryID, FAQ: a.FAQ})
}
