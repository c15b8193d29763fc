package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// accountPasswordSubmit sets the password a user chose in place of the
// one-time password an administrator gave them: the same checks as the
// profile page (current password, confirmation, strength), plus that the
// new one differs from the one-time one. Other sessions end, as on the
// profile page, and this browser gets a fresh session.
func (s *Server) accountPasswordSubmit(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	u := st.user
	fail := func(key string, args ...any) {
		s.renderAccountPassword(w, r, http.StatusBadRequest, i18n.T(st.lang, key, args...))
	}
	if u.PasswordHash == store.NoPassword {
		fail("profile.directory_password")
		return
	}
	current, pw := r.PostForm.Get("current"), r.PostForm.Get("new")
	if !auth.CheckPassword(u.PasswordHash, current) {
		if err := s.recordFailure(ctx, u.Login, clientIP(r)); err != nil {
			s.serverError(w, r, err)
			return
		}
		fail("profile.wrong_current")
		return
	}
	switch {
	case pw != r.PostForm.Get("confirm"):
		fail("profile.mismatch")
		return
	case pw == current:
		fail("account.same_password")
		return
	}
	hash, err := auth.HashPassword(pw)
	if errors.Is(err, auth.ErrWeakPassword) {
		fail("profile.weak", auth.MinPasswordLength)
		return
	}
	if err != nil {
		fail("profile.too_long")
		return
	}
	// SetUserPassword clears the must-change flag.
	if err := s.st.SetUserPassword(ctx, u.ID, hash); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.wq.DeleteUserSessions(ctx, u.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.startSession(w, r, u); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("password changed", "login", u.Login, "ip", clientIP(r), "was_one_time", u.MustChangePassword)
	redirect(w, r, "/")
}
