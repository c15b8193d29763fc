package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kbCategoryDelete removes a category and its subcategories; their
// articles stay, uncategorised.
func (s *Server) kbCategoryDelete(w http.ResponseWriter, r *http.Request) {
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	id := pathID(r)
	if err := kq.DeleteKBCategory(r.Context(), id); err != nil {
		s.kbError(w, r, err)
		return
	}
	s.log.Info("knowledge base category deleted", "category_id", id, "user_id", state(r).user.ID)
	redirect(w, r, "/kb")
}
