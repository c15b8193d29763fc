package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// maxNameRunes bounds the names an administrator gives groups and
// categories.
const maxNameRunes = 100

// adminGroup is a group with its members, as the page lists it.
type adminGroup struct {
	store.Group
	Members []store.User
}

type adminGroupsData struct {
	Groups []adminGroup
	Error  string
}

// adminGroups lists the groups with their members and the forms to
// create, rename, flag, delete them and change their members.
func (s *Server) adminGroups(w http.ResponseWriter, r *http.Request) {
	s.renderAdminGroups(w, r, http.StatusOK, "")
}

func (s *Server) renderAdminGroups(w http.ResponseWriter, r *http.Request, status int, msg string) {
	ctx := r.Context()
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	groups, err := tq.ListGroups(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := adminGroupsData{Error: msg}
	for _, g := range groups {
		members, err := tq.GroupMembers(ctx, g.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		d.Groups = append(d.Groups, adminGroup{Group: g, Members: members})
	}
	s.render(w, r, status, "admin_groups", s.newPage(r, "admin.groups", "admin", d))
}

// groupForm reads and checks a group's name, comment and flag.
func groupForm(r *http.Request) (store.Group, bool) {
	g := store.Group{Name: strings.TrimSpace(r.PostForm.Get("name")), Comment: strings.TrimSpace(r.PostForm.Get("comment")),
		NotAssignable: r.PostForm.Get("assignable") != "1"}
	ok := g.Name != "" && utf8.RuneCountInString(g.Name) <= maxNameRunes && utf8.RuneCountInString(g.Comment) <= 1000
	return g, ok
}

func (s *Server) adminGroupCreate(w http.ResponseWriter, r *http.Request) {
	g, ok := groupForm(r)
	if !ok {
		s.renderAdminGroups(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "admin.bad_name", maxNameRunes))
		return
	}
	s.saveGroup(w, r, &g, true)
}

func (s *Server) adminGroupUpdate(w http.ResponseWriter, r *http.Request) {
	g, ok := groupForm(r)
	if !ok {
		s.renderAdminGroups(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "admin.bad_name", maxNameRunes))
		return
	}
	g.ID = pathID(r)
	s.saveGroup(w, r, &g, false)
}

func (s *Server) saveGroup(w http.ResponseWriter, r *http.Request, g *store.Group, create bool) {
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if create {
		err = tq.CreateGroup(r.Context(), g)
	} else {
		err = tq.UpdateGroup(r.Context(), g)
	}
	if s.adminWriteFailed(w, r, err, "admin.group_exists", s.renderAdminGroups) {
		return
	}
	s.log.Info("group saved", "group_id", g.ID, "name", g.Name, "by", actor(r))
	redirect(w, r, "/admin/groups")
}

func (s *Server) adminGroupDelete(w http.ResponseWriter, r *http.Request) {
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.adminWriteFailed(w, r, tq.DeleteGroup(r.Context(), pathID(r)), "", s.renderAdminGroups) {
		return
	}
	s.log.Info("group deleted", "group_id", pathID(r), "by", actor(r))
	redirect(w, r, "/admin/groups")
}

func (s *Server) adminGroupMemberAdd(w http.ResponseWriter, r *http.Request) {
	s.changeMember(w, r, true)
}

func (s *Server) adminGroupMemberRemove(w http.ResponseWriter, r *http.Request) {
	s.changeMember(w, r, false)
}

// changeMember adds or removes the member named by "user" (an ID) or,
// from the add form, "login" (a site may have thousands of accounts: no
// list to pick from).
func (s *Server) changeMember(w http.ResponseWriter, r *http.Request, add bool) {
	ctx := r.Context()
	userID, err := strconv.ParseInt(r.PostForm.Get("user"), 10, 64)
	if login := strings.TrimSpace(r.PostForm.Get("login")); login != "" && r.PostForm.Get("user") == "" {
		u, lerr := s.st.GetUserByLogin(ctx, login)
		if errors.Is(lerr, store.ErrNotFound) {
			s.renderAdminGroups(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "admin.no_such_login"))
			return
		}
		if lerr != nil {
			s.serverError(w, r, lerr)
			return
		}
		userID, err = u.ID, nil
	}
	if err != nil || userID <= 0 {
		s.renderAdminGroups(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "error.bad_form"))
		return
	}
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if _, err := s.st.GetUser(ctx, userID); err != nil {
		s.adminWriteFailed(w, r, err, "", s.renderAdminGroups)
		return
	}
	if add {
		err = tq.AddGroupMember(ctx, pathID(r), userID)
	} else {
		err = tq.RemoveGroupMember(ctx, pathID(r), userID)
	}
	if s.adminWriteFailed(w, r, err, "admin.member_exists", s.renderAdminGroups) {
		return
	}
	redirect(w, r, "/admin/groups")
}

// adminWriteFailed answers a failed administration write: 404 for a row
// that is not there, 409 with conflictKey's message on the page, 500
// otherwise. It reports whether it answered.
func (s *Server) adminWriteFailed(w http.ResponseWriter, r *http.Request, err error, conflictKey string,
	page func(http.ResponseWriter, *http.Request, int, string)) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, store.ErrNotFound):
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
	case errors.Is(err, store.ErrConflict) && conflictKey != "":
		page(w, r, http.StatusConflict, i18n.T(state(r).lang, conflictKey))
	default:
		if isForeignKeyError(err) {
			s.errorPage(w, r, http.StatusNotFound, "error.not_found")
			return true
		}
		s.serverError(w, r, err)
	}
	return true
}

// isForeignKeyError recognises a reference to a row that does not exist
// (a group member added to a deleted group), in either dialect's words.
func isForeignKeyError(err error) bool {
	m := strings.ToLower(err.Error())
	return strings.Contains(m, "foreign key")
}
