package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// dummyHash is checked when the login does not exist, so a wrong login
// takes as long as a wrong password and does not reveal which logins exist.
var dummyHash, _ = auth.HashPassword("parc-dummy-password-for-timing")

type loginData struct {
	Login, Next, Error string
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	if state(r).user != nil {
		redirect(w, r, "/")
		return
	}
	s.render(w, r, http.StatusOK, "login", s.newPage(r, "login.title", "login",
		loginData{Next: localPath(r.URL.Query().Get("next"))}))
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	login := strings.TrimSpace(r.PostForm.Get("login"))
	data := loginData{Login: login, Next: localPath(r.PostForm.Get("next"))}
	fail := func(status int, msg string) {
		data.Error = msg
		s.render(w, r, status, "login", s.newPage(r, "login.title", "login", data))
	}
	ip := clientIP(r)
	wait, err := s.blockedFor(ctx, loginKey(login), ipKey(ip))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if wait > 0 {
		s.log.Warn("login throttled", "login", login, "ip", ip, "wait", wait.Round(time.Second))
		fail(http.StatusTooManyRequests, i18n.T(lang, "login.throttled", int(wait.Minutes())+1))
		return
	}
	u, err := s.st.GetUserByLogin(ctx, login)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.serverError(w, r, err)
		return
	}
	u, ok, err := s.checkPassword(ctx, login, r.PostForm.Get("password"), u)
	if err != nil {
		s.directoryDown(w, r, data, err)
		return
	}
	if !ok {
		s.log.Warn("login failed", "login", login, "ip", ip)
		if err := s.recordFailure(ctx, login, ip); err != nil {
			s.serverError(w, r, err)
			return
		}
		fail(http.StatusUnauthorized, i18n.T(lang, "login.failed"))
		return
	}
	if err := s.wq.ClearLoginFailures(ctx, loginKey(login)); err != nil {
		s.serverError(w, r, err)
		return
	}
	if _, err := s.st.DeleteExpiredSessions(ctx, s.now()); err != nil {
		s.log.Warn("delete expired sessions", "err", err)
	}
	if err := s.startSession(w, r, u); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("login", "login", u.Login, "ip", ip)
	redirect(w, r, data.Next)
}
