package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kbViewData is an article's page.
type kbViewData struct {
	A     *store.KBArticle
	Body  template.HTML // rendered by kbBody: escaped text and its own markup
	Staff bool
}

// kbArticle loads the article of the {id} URL parameter. An article the
// user may not read (not in the FAQ, for a self-service user) is "not
// found", so its existence is not revealed.
func (s *Server) kbArticle(ctx context.Context, r *http.Request, kq store.KnowledgeQueries) (*store.KBArticle, error) {
	id := pathID(r)
	if id == 0 {
		return nil, store.ErrNotFound
	}
	a, err := kq.GetKBArticle(ctx, id)
	if err != nil {
		return nil, err
	}
	if !a.FAQ && !kbStaff(r) {
		return nil, fmt.Errorf("knowledge base article %d: %w", id, store.ErrNotFound)
	}
	return a, nil
}

// kbError answers a failed knowledge base request.
func (s *Server) kbError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.serverError(w, r, err)
}

// kbView shows an article and counts the view.
func (s *Server) kbView(w http.ResponseWriter, r *http.Request) {
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
	if err := kq.CountKBView(ctx, a.ID); err != nil {
		s.kbError(w, r, err)
		return
	}
	a.Views++
	p := s.newPage(r, "kb.title", "kb", kbViewData{A: a, Body: kbBody(a.Body), Staff: kbStaff(r)})
	p.Title = a.Title
	s.render(w, r, http.StatusOK, "kb_view", p)
}
