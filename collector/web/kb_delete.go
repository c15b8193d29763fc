package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kbDelete removes an article and goes back to the list.
func (s *Server) kbDelete(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	a, err := s.kbArticle(ctx, r, kq)
	if err != nil {
		s.kbError(w, r, err)
		return
	}
	if err := kq.DeleteKBArticle(ctx, a.ID); err != nil {
		s.kbError(w, r, err)
		return
	}
	s.log.Info("knowledge base article deleted", "article_id", a.ID, "user_id", state(r).user.ID)
	redirect(w, r, "/kb")
}
