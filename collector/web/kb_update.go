package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kbUpdate saves an edited article; its author and source ticket stay.
func (s *Server) kbUpdate(w http.ResponseWriter, r *http.Request) {
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
	f := kbFormFrom(r)
	f.ID, f.TicketID = a.ID, 0
	if err := s.kbCheck(ctx, r, kq, &f); err != nil {
		s.serverError(w, r, err)
		return
	}
	if f.Errors != nil {
		s.renderKBForm(w, r, http.StatusBadRequest, f)
		return
	}
	a.CategoryID, a.Title, a.Body, a.Lang, a.FAQ, a.UpdatedAt = f.CategoryID, f.Title, f.Body, f.Lang, f.FAQ, s.now()
	if err := kq.UpdateKBArticle(ctx, a); err != nil {
		s.kbError(w, r, err)
		return
	}
	s.log.Info("knowledge base article updated", "article_id", a.ID, "user_id", state(r).user.ID, "faq", a.FAQ)
	redirect(w, r, kbURL(a.ID))
}
