package web

import (
	"net/http"
	"strconv"
	"strings"
)

// assetColumns stores the park list's columns and rows per page as the
// user's preferences, then goes back to the list.
func (s *Server) assetColumns(w http.ResponseWriter, r *http.Request) {
	var keys []string
	for _, k := range r.PostForm["col"] {
		if _, ok := columnByKey(k); ok {
			keys = append(keys, k)
		}
	}
	u := state(r).user
	if err := s.wq.SetUserPref(r.Context(), u.ID, prefColumns, strings.Join(keys, ",")); err != nil {
		s.serverError(w, r, err)
		return
	}
	if n, err := strconv.Atoi(r.PostForm.Get("per")); err == nil && validPerPage(n) {
		if err := s.wq.SetUserPref(r.Context(), u.ID, prefPerPage, strconv.Itoa(n)); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	next := r.PostForm.Get("next")
	if !strings.HasPrefix(next, "/assets") {
		next = "/assets"
	}
	redirect(w, r, next)
}
