package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// statsRoutes are the helpdesk statistics: technicians see those of
// their own and their groups' tickets, supervisors and administrators
// those of every ticket.
func (s *Server) statsRoutes() []route {
	return []route{
		{http.MethodGet, "/stats", store.RoleTechnician, kindPage, s.statsPage},
		{http.MethodGet, "/stats/export.csv", store.RoleTechnician, kindData, s.statsExport},
	}
}
