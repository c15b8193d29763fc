package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// Directory checks the passwords of users who come from an LDAP
// directory (package ldap's Accounts). It returns the user's row, created
// or refreshed, and ok; err only when the directory or the database could
// not answer.
type Directory interface {
	Authenticate(ctx context.Context, login, password string) (u *store.User, ok bool, err error)
}

// checkPassword checks a login's password. A local account is checked
// against its hash here first; a directory account, or an unknown login
// when a directory is configured, goes to the directory (which may create
// the account at first login).
func (s *Server) checkPassword(ctx context.Context, login, password string, u *store.User) (*store.User, bool, error) {
	if u != nil {
		src, err := s.authSource(ctx, u.Login)
		if err != nil {
			return nil, false, err
		}
		if src == store.SourceLocal {
			ok := auth.CheckPassword(u.PasswordHash, password) && !u.Disabled && store.RoleRank(u.Role) >= 0
			return u, ok, nil
		}
	}
	if s.opts.Directory == nil {
		auth.CheckPassword(dummyHash, password) // same time as a wrong password
		return nil, false, nil
	}
	du, ok, err := s.opts.Directory.Authenticate(ctx, login, password)
	if err != nil {
		return nil, false, directoryError{err}
	}
	if !ok {
		return nil, false, nil
	}
	return du, !du.Disabled && store.RoleRank(du.Role) >= 0, nil
}

// authSource is where the password of login is checked.
func (s *Server) authSource(ctx context.Context, login string) (string, error) {
	dq, err := store.Directory(s.st)
	if err != nil {
		return "", err
	}
	du, err := dq.GetDirectoryUser(ctx, login)
	if errors.Is(err, store.ErrNotFound) {
		return store.SourceLocal, nil
	}
	if err != nil {
		return "", err
	}
	return du.Source, nil
}

// directoryError is a directory that could not judge a password.
type directoryError struct{ err error }

func (e directoryError) Error() string { return e.err.Error() }
func (e directoryError) Unwrap() error { return e.err }

// directoryDown answers a login the directory could not check: the
// attempt is not counted as a failure, since the password was never judged.
// Other errors (the database) are server errors.
func (s *Server) directoryDown(w http.ResponseWriter, r *http.Request, data loginData, err error) {
	if !errors.As(err, new(directoryError)) {
		s.serverError(w, r, err)
		return
	}
	s.log.Error("login: directory unavailable", "login", data.Login, "err", err)
	data.Error = i18n.T(state(r).lang, "login.directory_down")
	s.render(w, r, http.StatusServiceUnavailable, "login", s.newPage(r, "login.title", "login", data))
}
