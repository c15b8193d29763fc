package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// kind says how a route answers an anonymous request: a page redirects to
// the login form, data (CSV, JSON) answers 401.
type kind int

const (
	kindPage kind = iota
	kindData
)

// rolePublic is the "role" of routes anyone may use (the login form).
const rolePublic = ""

// route is one route of the web UI with the least role it needs.
type route struct {
	method, pattern string
	role            string
	kind            kind
	handler         http.HandlerFunc
}

// routes lists every route of the web UI. The role matrix test walks this
// list, so a route cannot be added without its role being tested.
func (s *Server) routes() []route {
	return append([]route{
		{http.MethodGet, "/login", rolePublic, kindPage, s.loginForm},
		{http.MethodPost, "/login", rolePublic, kindPage, s.loginSubmit},
		{http.MethodPost, "/lang", rolePublic, kindPage, s.langSet},
		{http.MethodPost, "/logout", store.RoleSelfService, kindPage, s.logout},
		{http.MethodGet, "/", store.RoleSelfService, kindPage, s.dashboard},
		{http.MethodGet, "/profile", store.RoleSelfService, kindPage, s.profile},
		{http.MethodPost, "/profile/prefs", store.RoleSelfService, kindPage, s.profilePrefs},
		{http.MethodPost, "/profile/password", store.RoleSelfService, kindPage, s.profilePassword},
		{http.MethodGet, "/assets", store.RoleObserver, kindPage, s.assetList},
		{http.MethodPost, "/assets/columns", store.RoleObserver, kindPage, s.assetColumns},
		{http.MethodGet, "/assets/export.csv", store.RoleObserver, kindData, s.assetExport},
		{http.MethodGet, "/assets/{id}", store.RoleObserver, kindPage, s.assetView},
		{http.MethodGet, "/assets/{id}/edit", store.RoleTechnician, kindPage, s.assetEditForm},
		{http.MethodPost, "/assets/{id}/edit", store.RoleTechnician, kindPage, s.assetEditSubmit},
		{http.MethodPost, "/assets/{id}/unlock", store.RoleTechnician, kindPage, s.assetUnlock},
		{http.MethodGet, "/software", store.RoleObserver, kindPage, s.softwareList},
		{http.MethodGet, "/software/{id}", store.RoleObserver, kindPage, s.softwareView},
		{http.MethodGet, "/licences", store.RoleObserver, kindPage, s.licenceList},
		{http.MethodPost, "/licences", store.RoleTechnician, kindPage, s.licenceCreate},
		{http.MethodPost, "/licences/{id}/delete", store.RoleTechnician, kindPage, s.licenceDelete},
		{http.MethodGet, "/reference", store.RoleAdmin, kindPage, s.reference},
		{http.MethodPost, "/reference/locations", store.RoleAdmin, kindPage, s.locationCreate},
		{http.MethodPost, "/reference/states", store.RoleAdmin, kindPage, s.stateCreate},
	}, s.areaRoutes()...)
}

// areaRoutes gathers the routes each area keeps in its own file, so the
// role matrix test still walks every one of them.
func (s *Server) areaRoutes() []route {
	var out []route
	for _, rs := range [][]route{s.ticketRoutes(), s.networkRoutes(), s.netAssetRoutes(), s.agentRoutes(), s.adminRoutes(), s.statsRoutes(), s.kbRoutes(), s.slaRoutes(), s.formRoutes(),
		s.approvalRoutes(), s.accountRoutes()} {
		out = append(out, rs...)
	}
	return out
}
