package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// adminRoutes are the routes of administration (groups, categories,
// priority matrix, helpdesk settings, users): administrators only.
func (s *Server) adminRoutes() []route {
	adm := store.RoleAdmin
	return []route{
		{http.MethodGet, "/admin", adm, kindPage, s.adminHome},
		{http.MethodPost, "/admin/settings", adm, kindPage, s.adminSettingsSave},
		{http.MethodPost, "/admin/matrix", adm, kindPage, s.adminMatrixSave},
		{http.MethodPost, "/admin/matrix/reset", adm, kindPage, s.adminMatrixReset},
		{http.MethodGet, "/admin/groups", adm, kindPage, s.adminGroups},
		{http.MethodPost, "/admin/groups", adm, kindPage, s.adminGroupCreate},
		{http.MethodPost, "/admin/groups/{id}", adm, kindPage, s.adminGroupUpdate},
		{http.MethodPost, "/admin/groups/{id}/delete", adm, kindPage, s.adminGroupDelete},
		{http.MethodPost, "/admin/groups/{id}/members", adm, kindPage, s.adminGroupMemberAdd},
		{http.MethodPost, "/admin/groups/{id}/members/remove", adm, kindPage, s.adminGroupMemberRemove},
		{http.MethodGet, "/admin/categories", adm, kindPage, s.adminCategories},
		{http.MethodPost, "/admin/categories", adm, kindPage, s.adminCategoryCreate},
		{http.MethodPost, "/admin/categories/{id}", adm, kindPage, s.adminCategoryUpdate},
		{http.MethodPost, "/admin/categories/{id}/delete", adm, kindPage, s.adminCategoryDelete},
		{http.MethodGet, "/admin/users", adm, kindPage, s.adminUsers},
		{http.MethodPost, "/admin/users", adm, kindPage, s.adminUserCreate},
		{http.MethodPost, "/admin/users/{id}", adm, kindPage, s.adminUserUpdate},
	}
}
