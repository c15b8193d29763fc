package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// adminUserRow is a user as the administrators' list shows it.
type adminUserRow struct {
	store.User
	LocationID int64
	Self       bool // the administrator looking: no self-demotion
	// Directory is true when LDAP checks the password: no reset here.
	Directory bool
}

// adminUsersShown bounds the rows of the users page; a search narrows
// the list on a site with thousands of accounts.
const adminUsersShown = 200

type adminUsersData struct {
	Users     []adminUserRow
	Q         string // the login or name searched for
	Hidden    int    // matching users not shown (past adminUsersShown)
	Roles     []string
	Locations []locationRow
	Error     string
	// Created is the account just made and TempPassword its temporary
	// password, shown once to be handed to the person.
	Created, TempPassword string
	// Reset is the account whose password was just reset to TempPassword.
	Reset string
}

// adminUsers lists the accounts with their role, state and location, and
// the form to create a local account with a temporary password.
func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) {
	s.renderAdminUsers(w, r, http.StatusOK, adminUsersData{})
}

func (s *Server) renderAdminUsers(w http.ResponseWriter, r *http.Request, status int, d adminUsersData) {
	ctx := r.Context()
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	users, err := s.st.ListUsers(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	locOf, err := tq.UserLocations(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	me := state(r).user.ID
	d.Q = strings.TrimSpace(r.URL.Query().Get("q"))
	q := strings.ToLower(d.Q)
	for _, u := range users {
		if q != "" && !strings.Contains(strings.ToLower(u.Login+" "+u.Name+" "+u.Email), q) {
			continue
		}
		if len(d.Users) == adminUsersShown {
			d.Hidden++
			continue
		}
		d.Users = append(d.Users, adminUserRow{User: u, LocationID: locOf[u.ID], Self: u.ID == me,
			Directory: u.PasswordHash == store.NoPassword})
	}
	locs, err := s.st.ListLocations(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Roles, d.Locations = store.Roles, locationTree(locs)
	s.render(w, r, status, "admin_users", s.newPage(r, "admin.users", "admin", d))
}

// validLogin is what a local login may look like (LDAP logins come from
// the directory and are not created here).
var validLogin = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$`)

// adminUserCreate makes a local account. Without a password typed in, a
// random temporary one is generated and shown once; the person changes it
// on their profile page.
func (s *Server) adminUserCreate(w http.ResponseWriter, r *http.Request) {
	lang := state(r).lang
	u := &store.User{Login: strings.TrimSpace(r.PostForm.Get("login")), Name: strings.TrimSpace(r.PostForm.Get("name")),
		Email: strings.TrimSpace(r.PostForm.Get("email")), Role: r.PostForm.Get("role")}
	pw := r.PostForm.Get("password")
	var msg string
	switch {
	case !validLogin.MatchString(u.Login):
		msg = i18n.T(lang, "admin.bad_login")
	case !store.ValidRole(u.Role):
		msg = i18n.T(lang, "admin.bad_role")
	case len(u.Name) > 200 || len(u.Email) > 200 || (u.Email != "" && !strings.Contains(u.Email, "@")):
		msg = i18n.T(lang, "error.bad_form")
	case pw != "" && len(pw) < auth.MinPasswordLength:
		msg = i18n.T(lang, "admin.bad_password", auth.MinPasswordLength)
	}
	if msg != "" {
		s.renderAdminUsers(w, r, http.StatusBadRequest, adminUsersData{Error: msg})
		return
	}
	d := adminUsersData{Created: u.Login}
	if pw == "" {
		var err error
		if pw, err = auth.RandomPassword(); err != nil {
			s.serverError(w, r, err)
			return
		}
		d.TempPassword = pw
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// The administrator chose or saw this password: its owner must replace
	// it at their first login.
	u.PasswordHash, u.MustChangePassword = hash, true
	if s.adminWriteFailed(w, r, s.st.CreateUser(r.Context(), u), "admin.user_exists", func(w http.ResponseWriter, r *http.Request, st int, m string) {
		s.renderAdminUsers(w, r, st, adminUsersData{Error: m})
	}) {
		return
	}
	s.log.Info("user created", "login", u.Login, "role", u.Role, "by", actor(r))
	s.renderAdminUsers(w, r, http.StatusCreated, d)
}

// adminUserUpdate changes a user's role, disabled flag and location. An
// administrator cannot demote or disable themselves, so a site always
// keeps the administrator who is acting.
func (s *Server) adminUserUpdate(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	id := pathID(r)
	a := store.Account{UserID: id, Role: r.PostForm.Get("role"), Disabled: r.PostForm.Get("disabled") == "1"}
	a.LocationID, _ = strconv.ParseInt(r.PostForm.Get("location"), 10, 64)
	fail := func(key string) {
		s.renderAdminUsers(w, r, http.StatusBadRequest, adminUsersData{Error: i18n.T(lang, key)})
	}
	if !store.ValidRole(a.Role) {
		fail("admin.bad_role")
		return
	}
	if id == state(r).user.ID && (a.Disabled || a.Role != store.RoleAdmin) {
		fail("admin.self_demote")
		return
	}
	if a.LocationID != 0 {
		if ok, err := s.locationExists(r, a.LocationID); err != nil || !ok {
			fail("error.bad_form")
			return
		}
	}
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.adminWriteFailed(w, r, tq.UpdateAccount(ctx, a), "", nil) {
		return
	}
	if a.Disabled {
		// A disabled account's sessions are refused at their next request
		// (the session middleware reads the user each time).
		s.log.Info("user disabled", "user_id", id, "by", actor(r))
	}
	s.log.Info("user account changed", "user_id", id, "role", a.Role, "disabled", a.Disabled, "by", actor(r))
	redirect(w, r, "/admin/users")
}
