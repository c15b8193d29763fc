package apiserver

import (
	"context"
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

type agentKey struct{}

// agentAuth authenticates "Authorization: Bearer <agent token>" and puts
// the agent in the request context.
func (s *Server) agentAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := auth.BearerToken(r.Header.Get("Authorization"))
		if !ok {
			unauthorized(w, "missing agent token: send Authorization: Bearer <token> from enrolment")
			return
		}
		hash := auth.HashToken(tok)
		a, err := s.st.GetAgentByTokenHash(r.Context(), hash)
		if errors.Is(err, store.ErrNotFound) || (err == nil && !auth.Equal(a.TokenHash, hash)) {
			unauthorized(w, "unknown agent token: enrol the agent again with the site secret")
			return
		}
		if err != nil {
			s.log.Error("authenticate agent", "err", err)
			writeError(w, http.StatusInternalServerError, "internal error, try again later", nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), agentKey{}, a)))
	})
}

func unauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="parc-agent"`)
	writeError(w, http.StatusUnauthorized, msg, nil)
}

// agentFrom returns the authenticated agent of a request.
func agentFrom(r *http.Request) *store.Agent {
	a, _ := r.Context().Value(agentKey{}).(*store.Agent)
	return a
}
