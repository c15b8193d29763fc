package web

import (
	"bytes"
	"net/http"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// page is what every template receives.
type page struct {
	Title string // already translated
	Nav   string // the active menu entry
	Lang  string
	CSRF  string
	Path  string // the current URL, for the language switcher
	User  *userView
	Data  any
}

// userView is the logged-in user as templates see it.
type userView struct {
	Login, Name, Role string
	CanEdit           bool // technician or more
	CanPark           bool // observer or more
	CanAdmin          bool
}

func (s *Server) newPage(r *http.Request, titleKey, nav string, data any) *page {
	st := state(r)
	p := &page{Title: i18n.T(st.lang, titleKey), Nav: nav, Lang: st.lang, CSRF: st.csrf, Path: r.URL.RequestURI(), Data: data}
	if u := st.user; u != nil {
		p.User = &userView{Login: u.Login, Name: u.Name, Role: u.Role,
			CanEdit: hasRole(r, store.RoleTechnician), CanPark: hasRole(r, store.RoleObserver),
			CanAdmin: hasRole(r, store.RoleAdmin)}
	}
	return p
}

// render executes a page template into a buffer, then writes it, so a
// template error never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	var buf bytes.Buffer
	if err := s.pages.execute(&buf, p.Lang, name, p); err != nil {
		s.log.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage renders a page saying what went wrong, in the user's language.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msgKey string) {
	p := s.newPage(r, "error.title", "", struct {
		Status  int
		Message string
	}{status, i18n.T(state(r).lang, msgKey)})
	s.render(w, r, status, "error", p)
}

// serverError logs err and shows a generic error page.
func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("web request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	s.errorPage(w, r, http.StatusInternalServerError, "error.internal")
}

// redirect answers a form with 303 See Other, so a reload does not post again.
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, localPath(to), http.StatusSeeOther)
}
