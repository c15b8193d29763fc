package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/auth"
)

func init() {
	pageNames = append(pageNames, "account_password")
}

// accountPasswordData is the forced change-password page.
type accountPasswordData struct {
	Login     string
	MinLength int
	// Required is true while the user may use nothing else; a user who
	// already chose their password sees the page as a plain form.
	Required bool
	Error    string
}

// accountPasswordForm shows the change-password page a user with a
// one-time password is sent to.
func (s *Server) accountPasswordForm(w http.ResponseWriter, r *http.Request) {
	s.renderAccountPassword(w, r, http.StatusOK, "")
}

func (s *Server) renderAccountPassword(w http.ResponseWriter, r *http.Request, status int, errMsg string) {
	u := state(r).user
	d := accountPasswordData{Login: u.Login, MinLength: auth.MinPasswordLength, Required: u.MustChangePassword, Error: errMsg}
	s.render(w, r, status, "account_password", s.newPage(r, "account.title", "profile", d))
}
