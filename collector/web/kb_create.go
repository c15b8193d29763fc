package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kbCreate saves a new article, written by the logged-in technician.
func (s *Server) kbCreate(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), state(r).user
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := kbFormFrom(r)
	if err := s.kbCheck(ctx, r, kq, &f); err != nil {
		s.serverError(w, r, err)
		return
	}
	if f.Errors != nil {
		s.renderKBForm(w, r, http.StatusBadRequest, f)
		return
	}
	now := s.now()
	a := &store.KBArticle{CategoryID: f.CategoryID, Title: f.Title, Body: f.Body, Lang: f.Lang, FAQ: f.FAQ,
		AuthorID: user.ID, TicketID: f.TicketID, CreatedAt: now, UpdatedAt: now}
	if err := kq.CreateKBArticle(ctx, a); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("knowledge base article created", "article_id", a.ID, "user_id", user.ID, "ticket_id", a.TicketID, "faq", a.FAQ)
	redirect(w, r, kbURL(a.ID))
}
