package web

import (
	"errors"
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// Cookie names. The session cookie holds a random token whose SHA-256 is
// the sessions row's key; the anonymous CSRF cookie protects the login
// form (double submit) before any session exists.
const (
	cookieSession = "parc_session"
	cookieCSRF    = "parc_csrf"
	cookieLang    = "parc_lang"
)

// extendStep limits session writes: the expiry slides only when it would
// move by more than this.
const extendStep = time.Minute

// session loads the user of the session cookie, slides the session's idle
// expiry, and picks the request's language.
func (s *Server) session(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		st := &reqState{prefs: map[string]string{}}
		if c, err := r.Cookie(cookieSession); err == nil && c.Value != "" {
			if err := s.loadSession(r, st, c.Value); err != nil {
				if !errors.Is(err, store.ErrNotFound) {
					s.serverError(w, withState(r, st), err)
					return
				}
				s.clearCookie(w, cookieSession)
			}
		}
		if st.sess == nil {
			st.csrf = s.anonCSRF(w, r)
		}
		st.lang = s.pickLang(r, st)
		next.ServeHTTP(w, withState(r, st))
	})
}

// loadSession fills st from a session token; ErrNotFound when the session
// is unknown, expired or its user disabled.
func (s *Server) loadSession(r *http.Request, st *reqState, token string) error {
	ctx, now := r.Context(), s.now()
	sess, err := s.st.GetSession(ctx, auth.HashToken(token))
	if err != nil {
		return err
	}
	if !sess.ExpiresAt.After(now) {
		return store.ErrNotFound
	}
	u, err := s.st.GetUser(ctx, sess.UserID)
	if err != nil {
		return err
	}
	if u.Disabled || store.RoleRank(u.Role) < 0 {
		return store.ErrNotFound
	}
	if exp := s.expiry(sess.CreatedAt, now); exp.Sub(sess.ExpiresAt) > extendStep {
		if err := s.wq.ExtendSession(ctx, sess.IDHash, exp); err != nil {
			return err
		}
		sess.ExpiresAt = exp
	}
	prefs, err := s.wq.UserPrefs(ctx, u.ID)
	if err != nil {
		return err
	}
	st.user, st.sess, st.csrf, st.prefs = u, sess, sess.CSRFToken, prefs
	return nil
}

// expiry is when a session used now ends: after the idle timeout, but
// never later than its absolute lifetime.
func (s *Server) expiry(created, now time.Time) time.Time {
	idle, abs := now.Add(s.opts.IdleTimeout), created.Add(s.opts.SessionLifetime)
	if abs.Before(idle) {
		return abs
	}
	return idle
}

// startSession creates a session for u and sets its cookie.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *store.User) error {
	token, hash, err := auth.NewToken(auth.PrefixSession)
	if err != nil {
		return err
	}
	csrf, _, err := auth.NewToken("")
	if err != nil {
		return err
	}
	now := s.now()
	sess := &store.Session{IDHash: hash, UserID: u.ID, CSRFToken: csrf, CreatedAt: now, ExpiresAt: s.expiry(now, now)}
	if err := s.st.CreateSession(r.Context(), sess); err != nil {
		return err
	}
	s.setCookie(w, cookieSession, token, 0)
	return nil
}

// anonCSRF returns the anonymous CSRF token, creating its cookie if needed.
func (s *Server) anonCSRF(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(cookieCSRF); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	tok, _, err := auth.NewToken("")
	if err != nil {
		return "" // no token: every form post will then be refused
	}
	s.setCookie(w, cookieCSRF, tok, 0)
	return tok
}

// pickLang chooses the language: the user's preference, else the language
// cookie, else the browser's Accept-Language.
func (s *Server) pickLang(r *http.Request, st *reqState) string {
	if l := st.prefs["lang"]; i18n.Supported(l) {
		return l
	}
	if c, err := r.Cookie(cookieLang); err == nil && i18n.Supported(c.Value) {
		return c.Value
	}
	return i18n.Match(r.Header.Get("Accept-Language"))
}

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site;
// maxAge 0 makes it last as long as the browser session.
func (s *Server) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode})
}

func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	s.setCookie(w, name, "", -1)
}
