package web

import (
	"context"
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// ticketKBArticles are the knowledge base articles saved from a ticket,
// for its page: staff see them (so a solution is not saved twice);
// others get none, as they may not read every article.
func (s *Server) ticketKBArticles(ctx context.Context, r *http.Request, ticketID int64) ([]store.KBArticle, error) {
	if !kbStaff(r) {
		return nil, nil
	}
	kq, err := store.Knowledge(s.st)
	if err != nil {
		return nil, err
	}
	return kq.KBArticlesOfTicket(ctx, ticketID)
}
