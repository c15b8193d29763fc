package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// adminUserResetPassword gives a local account a new random one-time
// password, shown once to the administrator, and makes its owner choose
// their own at the next login. Their sessions end. Directory accounts
// are refused: the directory checks their password.
func (s *Server) adminUserResetPassword(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	id := pathID(r)
	u, err := s.st.GetUser(ctx, id)
	if s.adminWriteFailed(w, r, err, "", nil) {
		return
	}
	if u.PasswordHash == store.NoPassword {
		s.renderAdminUsers(w, r, http.StatusBadRequest, adminUsersData{Error: i18n.T(lang, "account.reset_directory")})
		return
	}
	pw, err := auth.RandomPassword()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.st.ResetUserPassword(ctx, id, hash); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.wq.DeleteUserSessions(ctx, id); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("password reset", "user_id", id, "by", actor(r))
	s.renderAdminUsers(w, r, http.StatusOK, adminUsersData{Reset: u.Login, TempPassword: pw})
}
