package web

import (
	"context"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// approvalRow is one approver's line of the panel.
type approvalRow struct {
	store.TicketApproval
	Color     string // Bootstrap colour of the status badge
	CanAnswer bool   // the viewer is this approver and has not answered
}

// approvalPanel is the "Approvals" part of a ticket's page.
type approvalPanel struct {
	State    store.ApprovalState
	Color    string
	Rows     []approvalRow
	Mine     []approvalRow // the rows the viewer may answer
	Ask      bool          // the viewer may ask for approvals
	Users    []store.User  // choices of the request form
	Groups   []store.Group
	Percents []int
}

// approvalColor is the badge colour of an approval state.
func approvalColor(code int) string {
	switch helpdesk.Approval(code) {
	case helpdesk.ApprovalWaiting:
		return "warning"
	case helpdesk.ApprovalAccepted:
		return "success"
	case helpdesk.ApprovalRefused:
		return "danger"
	}
	return "secondary"
}

// approvalPanelFor builds the panel of lt for the user viewing it; nil
// when there is nothing to show (nobody asked, and the viewer may not ask).
func (s *Server) approvalPanelFor(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, userID int64) (*approvalPanel, error) {
	aq, err := store.Approvals(s.st)
	if err != nil {
		return nil, err
	}
	list, err := aq.ForTicket(ctx, lt.t.ID)
	if err != nil {
		return nil, err
	}
	ask := helpdesk.CanRequestApproval(lt.actor.Role, helpdesk.Status(lt.t.Status)) == nil
	if len(list) == 0 && !ask {
		return nil, nil
	}
	p := &approvalPanel{Ask: ask}
	if p.State, err = aq.State(ctx, lt.t.ID); err != nil {
		return nil, err
	}
	p.Color = approvalColor(p.State.Global)
	for _, a := range list {
		row := approvalRow{TicketApproval: a, Color: approvalColor(a.Status),
			CanAnswer: a.ApproverID == userID && a.Status == int(helpdesk.ApprovalWaiting)}
		p.Rows = append(p.Rows, row)
		if row.CanAnswer {
			p.Mine = append(p.Mine, row)
		}
	}
	if !ask {
		return p, nil
	}
	p.Percents = helpdesk.MinPercents
	users, err := s.st.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if !u.Disabled && helpdesk.ParseRole(u.Role) != helpdesk.RoleNone {
			p.Users = append(p.Users, u)
		}
	}
	p.Groups, err = tq.ListGroups(ctx)
	return p, err
}
