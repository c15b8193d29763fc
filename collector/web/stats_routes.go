package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// statsRoutes are the helpdesk statistics (technicians see those of
// their own and their groups' tickets, supervisors and administrators
// those of every ticket) and the satisfaction survey they report on,
// which a requester answers (the handler checks the requester).
func (s *Server) statsRoutes() []route {
	return []route{
		{http.MethodGet, "/stats", store.RoleTechnician, kindPage, s.statsPage},
		{http.MethodGet, "/stats/export.csv", store.RoleTechnician, kindData, s.statsExport},
		{http.MethodPost, "/tickets/{id}/satisfaction", store.RoleSelfService, kindPage, s.satisfactionAnswer},
	}
}
