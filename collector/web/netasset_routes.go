package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// netAssetRoutes are the routes of the network devices' pages: printer
// counters and supplies, switch ports, importing an unmanaged device.
func (s *Server) netAssetRoutes() []route {
	return []route{
		{http.MethodPost, "/assets/{id}/import", store.RoleTechnician, kindPage, s.assetImport},
		{http.MethodGet, "/admin/supplies", store.RoleAdmin, kindPage, s.printerSettings},
		{http.MethodPost, "/admin/supplies", store.RoleAdmin, kindPage, s.printerSettingsSave},
	}
}
