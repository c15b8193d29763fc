package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

func init() {
	pageNames = append(pageNames, "admin_sla", "admin_recurrent")
	layoutFiles = append(layoutFiles, "sla_partials.html")
}

// slaRoutes are the service levels' administration (calendars, rules)
// and the recurrent tickets': administrators only.
func (s *Server) slaRoutes() []route {
	adm := store.RoleAdmin
	return []route{
		{http.MethodGet, "/admin/sla", adm, kindPage, s.adminSLA},
		{http.MethodPost, "/admin/sla/calendars", adm, kindPage, s.adminSLACalendarCreate},
		{http.MethodPost, "/admin/sla/calendars/{id}", adm, kindPage, s.adminSLACalendarUpdate},
		{http.MethodPost, "/admin/sla/calendars/{id}/delete", adm, kindPage, s.adminSLACalendarDelete},
		{http.MethodPost, "/admin/sla/rules", adm, kindPage, s.adminSLARuleCreate},
		{http.MethodPost, "/admin/sla/rules/{id}", adm, kindPage, s.adminSLARuleUpdate},
		{http.MethodPost, "/admin/sla/rules/{id}/delete", adm, kindPage, s.adminSLARuleDelete},
		{http.MethodGet, "/admin/recurrent", adm, kindPage, s.adminRecurrent},
		{http.MethodPost, "/admin/recurrent", adm, kindPage, s.adminRecurrentCreate},
		{http.MethodGet, "/admin/recurrent/{id}", adm, kindPage, s.adminRecurrentEdit},
		{http.MethodPost, "/admin/recurrent/{id}", adm, kindPage, s.adminRecurrentUpdate},
		{http.MethodPost, "/admin/recurrent/{id}/delete", adm, kindPage, s.adminRecurrentDelete},
	}
}
