package web

import (
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

func init() {
	layoutFiles = append(layoutFiles, "approval_partials.html")
	pageNames = append(pageNames, "approval_list")
}

// approvalRoutes are the ticket approvals' routes. Anyone logged in may
// list and answer the approvals asked of them (the handler checks it is
// theirs); asking needs a technician.
func (s *Server) approvalRoutes() []route {
	self, tech := store.RoleSelfService, store.RoleTechnician
	return []route{
		{http.MethodGet, "/approvals", self, kindPage, s.approvalList},
		{http.MethodPost, "/tickets/{id}/approvals", tech, kindPage, s.approvalRequest},
		{http.MethodPost, "/tickets/{id}/approvals/{approval}/answer", self, kindPage, s.approvalAnswer},
	}
}

// errApprovalInput is a form error; its key is the message shown.
type errApprovalInput struct{ key string }

func (e errApprovalInput) Error() string { return e.key }

// approvalError answers a failed approval action with the page that says
// why, naming the field at fault.
func (s *Server) approvalError(w http.ResponseWriter, r *http.Request, err error) {
	var in errApprovalInput
	switch {
	case errors.As(err, &in):
		s.errorPage(w, r, http.StatusBadRequest, in.key)
	case errors.Is(err, helpdesk.ErrRefusalComment):
		s.errorPage(w, r, http.StatusBadRequest, "approvals.err_comment")
	case errors.Is(err, helpdesk.ErrNotApprover):
		s.errorPage(w, r, http.StatusForbidden, "approvals.err_not_approver")
	case errors.Is(err, helpdesk.ErrApprovalRole):
		s.errorPage(w, r, http.StatusForbidden, "error.forbidden")
	case errors.Is(err, helpdesk.ErrAlreadyAnswered):
		s.errorPage(w, r, http.StatusConflict, "approvals.err_answered")
	case errors.Is(err, helpdesk.ErrApprovalClosed):
		s.errorPage(w, r, http.StatusConflict, "approvals.err_closed")
	case errors.Is(err, store.ErrConflict):
		s.errorPage(w, r, http.StatusConflict, "approvals.err_already_asked")
	default:
		s.ticketError(w, r, err)
	}
}
