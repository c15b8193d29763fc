package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// accountPasswordPath is the page where a user whose password was given
// by an administrator must choose their own.
const accountPasswordPath = "/account/password"

// accountRoutes are the routes of the forced password change and of the
// administrators' password reset that sets it up.
func (s *Server) accountRoutes() []route {
	return []route{
		{http.MethodGet, accountPasswordPath, store.RoleSelfService, kindPage, s.accountPasswordForm},
		{http.MethodPost, accountPasswordPath, store.RoleSelfService, kindPage, s.accountPasswordSubmit},
		{http.MethodPost, "/admin/users/{id}/password", store.RoleAdmin, kindPage, s.adminUserResetPassword},
	}
}

// allowedBeforePasswordChange reports whether a user who must change
// their password may still use this request: the change page itself and
// logging out (the language switch is a public route, never gated).
func allowedBeforePasswordChange(r *http.Request) bool {
	switch r.URL.Path {
	case accountPasswordPath:
		return true
	case "/logout":
		return r.Method == http.MethodPost
	}
	return false
}
