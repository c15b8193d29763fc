package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/store"
)

// ticketRoutes are the helpdesk's routes. Self-service routes admit every
// logged-in user; what they may do to one ticket (their own, or any for
// staff) is then package helpdesk's rule, checked by each handler.
func (s *Server) ticketRoutes() []route {
	self, tech := store.RoleSelfService, store.RoleTechnician
	return []route{
		{http.MethodGet, "/helpdesk", self, kindPage, s.selfserviceHome},
		{http.MethodGet, "/tickets/mine", self, kindPage, s.selfserviceList},
		{http.MethodGet, "/tickets/new", self, kindPage, s.ticketNew},
		{http.MethodPost, "/tickets/new", self, kindPage, s.ticketCreate},
		{http.MethodGet, "/tickets/{id}", self, kindPage, s.ticketView},
		{http.MethodPost, "/tickets/{id}/followups", self, kindPage, s.ticketFollowup},
		{http.MethodPost, "/tickets/{id}/documents", self, kindPage, s.ticketDocument},
		{http.MethodGet, "/tickets/{id}/documents/{doc}", self, kindData, s.ticketDownload},
		{http.MethodPost, "/tickets/{id}/cancel", self, kindPage, s.selfserviceCancel},
		{http.MethodPost, "/tickets/{id}/approve", self, kindPage, s.selfserviceApprove},
		{http.MethodPost, "/tickets/{id}/refuse", self, kindPage, s.selfserviceRefuse},
		{http.MethodGet, "/tickets", tech, kindPage, s.ticketQueue},
		{http.MethodPost, "/tickets/bulk", tech, kindPage, s.ticketBulk},
		{http.MethodPost, "/tickets/searches", tech, kindPage, s.ticketSearchSave},
		{http.MethodPost, "/tickets/searches/{id}/delete", tech, kindPage, s.ticketSearchDelete},
		{http.MethodPost, "/tickets/{id}/take", tech, kindPage, s.ticketTake},
		{http.MethodPost, "/tickets/{id}/assign", tech, kindPage, s.ticketAssign},
		{http.MethodPost, "/tickets/{id}/tasks", tech, kindPage, s.ticketTask},
		{http.MethodPost, "/tickets/{id}/pending", tech, kindPage, s.ticketPending},
		{http.MethodPost, "/tickets/{id}/resume", tech, kindPage, s.ticketResume},
		{http.MethodPost, "/tickets/{id}/solve", tech, kindPage, s.ticketSolve},
		{http.MethodPost, "/tickets/{id}/edit", tech, kindPage, s.ticketEdit},
		{http.MethodPost, "/tickets/{id}/actors/{actor}/delete", tech, kindPage, s.ticketActorRemove},
		{http.MethodPost, "/tickets/{id}/assets", tech, kindPage, s.ticketAssetLink},
		{http.MethodPost, "/tickets/{id}/assets/{asset}/delete", tech, kindPage, s.ticketAssetUnlink},
	}
}
