package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// categoryRow is a category of the tree as the page lists it.
type categoryRow struct {
	store.Category
	Indent string
}

type adminCategoriesData struct {
	Categories []categoryRow
	Groups     []store.Group
	Error      string
}

// adminCategories shows the ITIL categories as a tree, each with its
// default group and active flag, and the forms to change them.
func (s *Server) adminCategories(w http.ResponseWriter, r *http.Request) {
	s.renderAdminCategories(w, r, http.StatusOK, "")
}

func (s *Server) renderAdminCategories(w http.ResponseWriter, r *http.Request, status int, msg string) {
	ctx := r.Context()
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cats, err := tq.ListCategories(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := adminCategoriesData{Error: msg}
	for _, c := range cats {
		d.Categories = append(d.Categories, categoryRow{Category: c, Indent: strings.Repeat("— ", c.Depth)})
	}
	if d.Groups, err = tq.ListGroups(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "admin_categories", s.newPage(r, "admin.categories", "admin", d))
}

// categoryForm reads a category and checks its parent and group exist
// and that the parent is not the category itself or one of its
// descendants (the tree must stay a tree). id is 0 for a new category.
func (s *Server) categoryForm(r *http.Request, tq store.TicketQueries, id int64) (*store.Category, string, error) {
	ctx := r.Context()
	c := &store.Category{ID: id, Name: strings.TrimSpace(r.PostForm.Get("name")), Inactive: r.PostForm.Get("active") != "1"}
	c.ParentID, _ = strconv.ParseInt(r.PostForm.Get("parent"), 10, 64)
	c.GroupID, _ = strconv.ParseInt(r.PostForm.Get("group"), 10, 64)
	if c.Name == "" || utf8.RuneCountInString(c.Name) > maxNameRunes || strings.Contains(c.Name, ">") {
		return nil, i18n.T(state(r).lang, "admin.bad_category_name", maxNameRunes), nil
	}
	cats, err := tq.ListCategories(ctx)
	if err != nil {
		return nil, "", err
	}
	byID := map[int64]store.Category{}
	for _, x := range cats {
		byID[x.ID] = x
	}
	if _, ok := byID[c.ParentID]; c.ParentID != 0 && !ok {
		return nil, i18n.T(state(r).lang, "error.bad_form"), nil
	}
	for p := c.ParentID; p != 0 && id != 0; p = byID[p].ParentID {
		if p == id {
			return nil, i18n.T(state(r).lang, "admin.category_cycle"), nil
		}
	}
	if c.GroupID != 0 {
		groups, err := tq.ListGroups(ctx)
		if err != nil {
			return nil, "", err
		}
		found := false
		for _, g := range groups {
			found = found || g.ID == c.GroupID
		}
		if !found {
			return nil, i18n.T(state(r).lang, "error.bad_form"), nil
		}
	}
	return c, "", nil
}

func (s *Server) adminCategoryCreate(w http.ResponseWriter, r *http.Request) { s.saveCategory(w, r, 0) }

func (s *Server) adminCategoryUpdate(w http.ResponseWriter, r *http.Request) {
	if pathID(r) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.saveCategory(w, r, pathID(r))
}

func (s *Server) saveCategory(w http.ResponseWriter, r *http.Request, id int64) {
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	c, msg, err := s.categoryForm(r, tq, id)
	switch {
	case err != nil:
		s.serverError(w, r, err)
		return
	case msg != "":
		s.renderAdminCategories(w, r, http.StatusBadRequest, msg)
		return
	}
	if id == 0 {
		err = tq.CreateCategory(r.Context(), c)
	} else {
		err = tq.UpdateCategory(r.Context(), c)
	}
	if s.adminWriteFailed(w, r, err, "", s.renderAdminCategories) {
		return
	}
	s.log.Info("category saved", "category_id", c.ID, "name", c.Name, "by", actor(r))
	redirect(w, r, "/admin/categories")
}

func (s *Server) adminCategoryDelete(w http.ResponseWriter, r *http.Request) {
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if s.adminWriteFailed(w, r, tq.DeleteCategory(r.Context(), pathID(r)), "admin.category_has_children", s.renderAdminCategories) {
		return
	}
	s.log.Info("category deleted", "category_id", pathID(r), "by", actor(r))
	redirect(w, r, "/admin/categories")
}
