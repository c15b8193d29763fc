package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

type profileData struct {
	Login, Name, Email, Role string
	Lang                     string
	PerPage                  int
	PerPageChoices           []int
	// NotifyMail is false when the user asked for no ticket emails.
	NotifyMail   bool
	Languages    []string
	Error, Saved string
	// Directory is true for a user whose password the LDAP directory checks.
	Directory bool
}

func (s *Server) profile(w http.ResponseWriter, r *http.Request) {
	saved := r.URL.Query().Get("saved")
	if saved != "" && saved != "password" {
		saved = "prefs"
	}
	s.renderProfile(w, r, http.StatusOK, "", saved)
}

func (s *Server) renderProfile(w http.ResponseWriter, r *http.Request, status int, errMsg, saved string) {
	st := state(r)
	per, _ := strconv.Atoi(st.prefs[prefPerPage])
	if !validPerPage(per) {
		per = 50
	}
	d := profileData{Login: st.user.Login, Name: st.user.Name, Email: st.user.Email, Role: st.user.Role,
		Lang: st.lang, PerPage: per, PerPageChoices: perPageChoices, Languages: i18n.Languages, Error: errMsg, Saved: saved,
		Directory: st.user.PasswordHash == store.NoPassword, NotifyMail: st.prefs[store.PrefNotifyMail] != "off"}
	s.render(w, r, status, "profile", s.newPage(r, "profile.title", "profile", d))
}

// profilePrefs saves the language, rows per page and whether ticket
// changes are emailed. The form always carries "prefs_form", so an
// unticked (hence absent) notify_mail box means "off".
func (s *Server) profilePrefs(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), state(r).user
	if lang := r.PostForm.Get("lang"); i18n.Supported(lang) {
		if err := s.wq.SetUserPref(ctx, u.ID, "lang", lang); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.setCookie(w, cookieLang, lang, 365*24*3600)
	}
	if n, err := strconv.Atoi(r.PostForm.Get("per")); err == nil && validPerPage(n) {
		if err := s.wq.SetUserPref(ctx, u.ID, prefPerPage, strconv.Itoa(n)); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if r.PostForm.Get("prefs_form") != "" {
		v := "off"
		if r.PostForm.Get(store.PrefNotifyMail) != "" {
			v = "on"
		}
		if err := s.wq.SetUserPref(ctx, u.ID, store.PrefNotifyMail, v); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	redirect(w, r, "/profile?saved=1")
}

// profilePassword changes the user's password. Every other session of the
// user ends (a stolen session must not outlive a password change); this
// browser gets a fresh one.
func (s *Server) profilePassword(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	u := st.user
	if u.PasswordHash == store.NoPassword {
		s.renderProfile(w, r, http.StatusBadRequest, i18n.T(st.lang, "profile.directory_password"), "")
		return
	}
	if !auth.CheckPassword(u.PasswordHash, r.PostForm.Get("current")) {
		if err := s.recordFailure(ctx, u.Login, clientIP(r)); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.renderProfile(w, r, http.StatusBadRequest, i18n.T(st.lang, "profile.wrong_current"), "")
		return
	}
	pw := r.PostForm.Get("new")
	if pw != r.PostForm.Get("confirm") {
		s.renderProfile(w, r, http.StatusBadRequest, i18n.T(st.lang, "profile.mismatch"), "")
		return
	}
	hash, err := auth.HashPassword(pw)
	if errors.Is(err, auth.ErrWeakPassword) {
		s.renderProfile(w, r, http.StatusBadRequest, i18n.T(st.lang, "profile.weak", auth.MinPasswordLength), "")
		return
	}
	if err != nil {
		s.renderProfile(w, r, http.StatusBadRequest, i18n.T(st.lang, "profile.too_long"), "")
		return
	}
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
	s.log.Info("password changed", "login", u.Login, "ip", clientIP(r))
	redirect(w, r, "/profile?saved=password")
}
