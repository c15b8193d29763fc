package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/i18n"
)

// langSet switches the language: a cookie for everyone, and the user's
// preference when logged in, so it follows them to another browser.
func (s *Server) langSet(w http.ResponseWriter, r *http.Request) {
	lang := r.PostForm.Get("lang")
	if !i18n.Supported(lang) {
		s.errorPage(w, r, http.StatusBadRequest, "error.bad_form")
		return
	}
	s.setCookie(w, cookieLang, lang, 365*24*3600)
	if u := state(r).user; u != nil {
		if err := s.wq.SetUserPref(r.Context(), u.ID, "lang", lang); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	redirect(w, r, r.PostForm.Get("next"))
}
