package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// networkRoutes are the routes of network discovery (SNMP jobs, results,
// import): administrators manage jobs and credentials, technicians run
// jobs, watch runs and import the devices found.
func (s *Server) networkRoutes() []route {
	return []route{
		{http.MethodGet, "/network", store.RoleTechnician, kindPage, s.networkJobs},
		{http.MethodGet, "/network/jobs/new", store.RoleAdmin, kindPage, s.networkJobNew},
		{http.MethodPost, "/network/jobs", store.RoleAdmin, kindPage, s.networkJobCreate},
		{http.MethodGet, "/network/jobs/{id}/edit", store.RoleAdmin, kindPage, s.networkJobEdit},
		{http.MethodPost, "/network/jobs/{id}", store.RoleAdmin, kindPage, s.networkJobUpdate},
		{http.MethodPost, "/network/jobs/{id}/delete", store.RoleAdmin, kindPage, s.networkJobDelete},
		{http.MethodPost, "/network/jobs/{id}/run", store.RoleTechnician, kindPage, s.networkJobRun},
		{http.MethodGet, "/network/runs/{id}", store.RoleTechnician, kindPage, s.networkRunView},
		{http.MethodGet, "/network/runs/{id}/progress", store.RoleTechnician, kindData, s.networkRunProgress},
		{http.MethodPost, "/network/runs/{id}/cancel", store.RoleTechnician, kindPage, s.networkRunCancel},
		{http.MethodPost, "/network/results/{id}/import", store.RoleTechnician, kindPage, s.networkResultImport},
		{http.MethodGet, "/network/credentials", store.RoleAdmin, kindPage, s.networkCredentials},
		{http.MethodPost, "/network/credentials", store.RoleAdmin, kindPage, s.networkCredentialCreate},
		{http.MethodPost, "/network/credentials/{id}/delete", store.RoleAdmin, kindPage, s.networkCredentialDelete},
		{http.MethodGet, "/network/sysobject-ids", store.RoleAdmin, kindPage, s.networkSysObject},
		{http.MethodPost, "/network/sysobject-ids", store.RoleAdmin, kindPage, s.networkSysObjectUpload},
	}
}
