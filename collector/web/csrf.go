package web

import (
	"errors"
	"mime"
	"net/http"
	"net/url"

	"github.com/parcproject/parc/collector/auth"
)

// maxFormBytes bounds a form body.
const maxFormBytes = 1 << 20

// checkCSRF refuses any request that changes something (not GET or HEAD)
// unless it comes from this site's own pages: the browser must not say it
// is cross-site (Sec-Fetch-Site, Origin), and the form must carry the
// synchroniser token of the session (or, before login, of the anonymous
// CSRF cookie).
func (s *Server) checkCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		if !s.sameOrigin(r) {
			s.log.Warn("cross-origin form refused", "path", r.URL.Path, "origin", r.Header.Get("Origin"), "ip", clientIP(r))
			s.errorPage(w, r, http.StatusForbidden, "error.csrf")
			return
		}
		if err := parseBody(w, r); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.errorPage(w, r, http.StatusRequestEntityTooLarge, "error.too_large")
				return
			}
			s.errorPage(w, r, http.StatusBadRequest, "error.bad_form")
			return
		}
		want := state(r).csrf
		got := r.PostForm.Get("csrf")
		if got == "" {
			got = r.Header.Get("X-CSRF-Token")
		}
		if want == "" || !auth.Equal(got, want) {
			s.log.Warn("form without a valid CSRF token refused", "path", r.URL.Path, "ip", clientIP(r))
			s.errorPage(w, r, http.StatusForbidden, "error.csrf")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin checks the browser's own word on where a request comes from.
// Requests without Origin or Sec-Fetch-Site (old browsers, curl) are left
// to the token check.
func (s *Server) sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	if origin == "null" {
		return false
	}
	return origin == s.expectedOrigin(r)
}

// expectedOrigin is the base URL's origin, else the one the request was
// sent to.
func (s *Server) expectedOrigin(r *http.Request) string {
	if s.origin != "" {
		return s.origin
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return (&url.URL{Scheme: scheme, Host: r.Host}).String()
}

// maxUploadBytes bounds an attached document; a multipart form may carry
// one plus a little text.
const maxUploadBytes = 10 << 20

// parseBody reads a form, multipart (a document upload) or not, within
// its size limit, so the token check sees its fields.
func parseBody(w http.ResponseWriter, r *http.Request) error {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		return r.ParseForm()
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadBytes+maxFormBytes)
	return r.ParseMultipartForm(maxUploadBytes + maxFormBytes)
}
