package web

import (
	"net/http"
	"net/url"

	"github.com/parcproject/parc/collector/store"
)

// headers sets the security headers of every page: no framing, no
// sniffing, and a content security policy that allows only this site's
// own files (templates use no inline script or style).
func (s *Server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// require admits users with at least role. Anonymous visitors of a page
// are sent to the login form (and back afterwards); anonymous requests for
// data get 401; users whose role is too low get 403.
func (s *Server) require(role string, k kind) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		if role == rolePublic {
			return next
		}
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u := state(r).user
			switch {
			case u == nil && k == kindData:
				w.Header().Set("WWW-Authenticate", `Cookie realm="parc"`)
				http.Error(w, "log in first", http.StatusUnauthorized)
			case u == nil && r.Method == http.MethodGet:
				redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()))
			case u == nil:
				redirect(w, r, "/login")
			case store.RoleRank(u.Role) < store.RoleRank(role):
				s.errorPage(w, r, http.StatusForbidden, "error.forbidden")
			case u.MustChangePassword && !allowedBeforePasswordChange(r):
				// A one-time password from an administrator: nothing else
				// until the owner chose theirs (data requests get 403).
				if k == kindData {
					s.errorPage(w, r, http.StatusForbidden, "account.must_change")
					return
				}
				redirect(w, r, accountPasswordPath)
			default:
				next.ServeHTTP(w, r)
			}
		})
	}
}
