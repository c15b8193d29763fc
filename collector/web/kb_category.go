package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// maxKBCategoryName bounds a category's name, in characters.
const maxKBCategoryName = 100

// kbCategoryCreate adds a category, at the root or inside another; a
// refused name shows the list again with the reason.
func (s *Server) kbCategoryCreate(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	parent, _ := strconv.ParseInt(r.PostForm.Get("parent"), 10, 64)
	if name == "" || utf8.RuneCountInString(name) > maxKBCategoryName {
		s.renderKBList(w, r, http.StatusBadRequest, i18n.T(lang, "kb.err_category_name"))
		return
	}
	c := &store.KBCategory{ParentID: max(parent, 0), Name: name}
	switch err := kq.CreateKBCategory(ctx, c); {
	case errors.Is(err, store.ErrConflict):
		s.renderKBList(w, r, http.StatusConflict, i18n.T(lang, "kb.err_category_exists"))
		return
	case errors.Is(err, store.ErrNotFound):
		s.renderKBList(w, r, http.StatusBadRequest, i18n.T(lang, "kb.err_category_parent"))
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	s.log.Info("knowledge base category created", "category_id", c.ID, "user_id", state(r).user.ID)
	redirect(w, r, "/kb?category="+strconv.FormatInt(c.ID, 10))
}
