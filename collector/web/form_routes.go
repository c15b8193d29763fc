package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

func init() {
	pageNames = append(pageNames, "catalog", "catalog_form", "admin_forms", "admin_form_edit")
}

// formRoutes are the service catalogue's routes: every logged-in user
// may see and submit the forms their role is shown (checked by each
// handler); administrators build them.
func (s *Server) formRoutes() []route {
	self, adm := store.RoleSelfService, store.RoleAdmin
	return []route{
		{http.MethodGet, "/catalog", self, kindPage, s.catalogList},
		{http.MethodGet, "/catalog/{id}", self, kindPage, s.catalogForm},
		{http.MethodPost, "/catalog/{id}", self, kindPage, s.catalogSubmit},
		{http.MethodGet, "/admin/forms", adm, kindPage, s.adminForms},
		{http.MethodPost, "/admin/forms", adm, kindPage, s.adminFormCreate},
		{http.MethodGet, "/admin/forms/{id}", adm, kindPage, s.adminFormEdit},
		{http.MethodPost, "/admin/forms/{id}", adm, kindPage, s.adminFormSettings},
		{http.MethodPost, "/admin/forms/{id}/delete", adm, kindPage, s.adminFormDelete},
		{http.MethodPost, "/admin/forms/{id}/sections", adm, kindPage, s.adminFormSection},
		{http.MethodPost, "/admin/forms/{id}/questions", adm, kindPage, s.adminFormQuestion},
		{http.MethodPost, "/admin/forms/{id}/questions/move", adm, kindPage, s.adminFormQuestionMove},
	}
}
