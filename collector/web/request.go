package web

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/store"
)

// reqState is what the middlewares learn about a request.
type reqState struct {
	user  *store.User    // nil when anonymous
	sess  *store.Session // nil when anonymous
	csrf  string         // the token forms must carry
	lang  string
	prefs map[string]string
}

type stateKey struct{}

func withState(r *http.Request, st *reqState) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), stateKey{}, st))
}

// state returns the request's state; the session middleware always sets it.
func state(r *http.Request) *reqState {
	if st, ok := r.Context().Value(stateKey{}).(*reqState); ok {
		return st
	}
	return &reqState{lang: "en", prefs: map[string]string{}}
}

// actor is the name history rows record for the logged-in person.
func actor(r *http.Request) string {
	if u := state(r).user; u != nil {
		return u.Login
	}
	return ""
}

// hasRole reports whether the request's user has at least role.
func hasRole(r *http.Request, role string) bool {
	u := state(r).user
	return u != nil && store.RoleRank(u.Role) >= store.RoleRank(role)
}

// pathID parses the {id} URL parameter; 0 when it is not a positive number.
func pathID(r *http.Request) int64 {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// queryInt parses a query parameter, def when absent or invalid, clamped
// to [lo, hi].
func queryInt(r *http.Request, name string, def, lo, hi int) int {
	v, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil {
		return def
	}
	return max(lo, min(v, hi))
}

// clientIP is the address login throttling counts against. Proxies are not
// trusted: behind one, every client shares its address (so the per-IP
// limit is set high).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// localPath keeps a redirect target only if it stays on this site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.ContainsAny(p, "\r\n") {
		return "/"
	}
	return p
}
