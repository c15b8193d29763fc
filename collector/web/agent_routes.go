package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// agentRoutes are the routes of the enrolled agents: technicians watch
// them; administrators revoke one (its deviceid may then enrol again),
// after a confirmation page.
func (s *Server) agentRoutes() []route {
	return []route{
		{http.MethodGet, "/agents", store.RoleTechnician, kindPage, s.agentList},
		{http.MethodGet, "/agents/{id}/revoke", store.RoleAdmin, kindPage, s.agentRevokeConfirm},
		{http.MethodPost, "/agents/{id}/revoke", store.RoleAdmin, kindPage, s.agentRevoke},
	}
}
