package apiserver

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

type userKey struct{}

// touchEvery bounds how often a token's last_used_at is written: once a
// minute is precise enough for "is this token still in use?" and spares
// the database a write per API call.
const touchEvery = time.Minute

// tokenAuth authenticates "Authorization: Bearer <API token>" (from
// `parc-collector token create`) and puts the token's user in the request
// context. A deleted (revoked) token, or one whose user is disabled, is
// refused like an unknown one.
func (s *Server) tokenAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := auth.BearerToken(r.Header.Get("Authorization"))
		if !ok {
			apiUnauthorized(w, "missing API token: send Authorization: Bearer <token> from `parc-collector token create`")
			return
		}
		ctx := r.Context()
		hash := auth.HashToken(tok)
		t, err := s.st.GetAPITokenByHash(ctx, hash)
		if errors.Is(err, store.ErrNotFound) || (err == nil && !auth.Equal(t.TokenHash, hash)) {
			apiUnauthorized(w, "unknown or revoked API token")
			return
		}
		if err != nil {
			s.internalError(w, "authenticate API token", err)
			return
		}
		u, err := s.st.GetUser(ctx, t.UserID)
		if errors.Is(err, store.ErrNotFound) || (err == nil && u.Disabled) {
			apiUnauthorized(w, "the API token's account is disabled")
			return
		}
		if err != nil {
			s.internalError(w, "authenticate API token", err)
			return
		}
		if now := time.Now().UTC(); now.Sub(t.LastUsedAt) >= touchEvery {
			if err := s.st.TouchAPIToken(ctx, t.ID, now); err != nil {
				// Not worth refusing the call: the token is valid.
				s.log.Warn("touch API token", "token_id", t.ID, "err", err)
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, userKey{}, u)))
	})
}

// requireRole admits users whose role ranks at least min (see
// store.RoleRank); others get 403.
func requireRole(min string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u := userFrom(r)
			if u == nil || store.RoleRank(u.Role) < store.RoleRank(min) {
				writeError(w, http.StatusForbidden, "this API needs the "+min+" role or above", nil)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func apiUnauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="parc-api"`)
	writeError(w, http.StatusUnauthorized, msg, nil)
}

// userFrom returns the user authenticated by tokenAuth.
func userFrom(r *http.Request) *store.User {
	u, _ := r.Context().Value(userKey{}).(*store.User)
	return u
}

// internalError logs err and answers a bare 500, without internals.
func (s *Server) internalError(w http.ResponseWriter, what string, err error) {
	s.log.Error(what, "err", err)
	writeError(w, http.StatusInternalServerError, "internal error, try again later", nil)
}
