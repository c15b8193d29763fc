package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/approval"
	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// maxApprovalComment bounds an approval's request or answer comment.
const maxApprovalComment = 2000

// parseApprovalRequest reads the request form: users and groups asked
// (repeated "user" and "group" fields), "min_percent" and "comment".
func parseApprovalRequest(form map[string][]string, ticketID, by int64) (store.ApprovalRequest, error) {
	req := store.ApprovalRequest{TicketID: ticketID, RequestedBy: by}
	for _, f := range []struct {
		name  string
		group bool
	}{{"user", false}, {"group", true}} {
		for _, v := range form[f.name] {
			if v == "" {
				continue
			}
			id, err := strconv.ParseInt(v, 10, 64)
			if err != nil || id <= 0 {
				return req, errApprovalInput{"approvals.err_target"}
			}
			if f.group {
				req.Targets = append(req.Targets, store.ApprovalTarget{GroupID: id})
			} else {
				req.Targets = append(req.Targets, store.ApprovalTarget{UserID: id})
			}
		}
	}
	if len(req.Targets) == 0 {
		return req, errApprovalInput{"approvals.err_targets"}
	}
	p := "0"
	if v := form["min_percent"]; len(v) > 0 {
		p = v[0]
	}
	n, err := strconv.Atoi(p)
	if err != nil || helpdesk.CheckMinPercent(n) != nil {
		return req, errApprovalInput{"approvals.err_percent"}
	}
	req.MinPercent = n
	if v := form["comment"]; len(v) > 0 {
		req.Comment = strings.TrimSpace(v[0])
	}
	if len(req.Comment) > maxApprovalComment {
		return req, errApprovalInput{"approvals.err_comment_long"}
	}
	return req, nil
}

// approvalRequest asks users and groups to approve the ticket: a
// technician or above, on a ticket they may view that is not closed.
func (s *Server) approvalRequest(w http.ResponseWriter, r *http.Request) {
	u := state(r).user
	req, err := parseApprovalRequest(r.PostForm, pathID(r), u.ID)
	if err != nil {
		s.approvalError(w, r, err)
		return
	}
	req.At = s.now()
	err = s.st.WithTx(r.Context(), func(q store.Queries) error {
		tq, err := store.Tickets(q)
		if err != nil {
			return err
		}
		lt, err := s.getTicket(r.Context(), r, tq)
		if err != nil {
			return err
		}
		if err := helpdesk.CanRequestApproval(lt.actor.Role, helpdesk.Status(lt.t.Status)); err != nil {
			return err
		}
		_, err = approval.Request(r.Context(), q, req, actor(r))
		return err
	})
	if err != nil {
		// A missing or disabled user or group is the form's fault, not
		// the ticket's: say which field.
		if !errors.Is(err, store.ErrConflict) && !errors.Is(err, helpdesk.ErrApprovalClosed) &&
			!errors.Is(err, helpdesk.ErrApprovalRole) && targetError(err) {
			err = errApprovalInput{"approvals.err_target"}
		}
		s.approvalError(w, r, err)
		return
	}
	redirect(w, r, ticketURL(req.TicketID)+"#approvals")
}

// targetError reports whether the store refused an approver: its errors
// name the field ("approver_user: ...", "approver_group: ...").
func targetError(err error) bool {
	m := err.Error()
	return strings.Contains(m, "approver_user") || strings.Contains(m, "approver_group") || strings.HasPrefix(m, "approvers:")
}
