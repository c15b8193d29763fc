package apiserver

import (
	"context"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// TicketApprovalsJSON is a ticket's approvals (GLPI's validations): the
// minimum percentage of approvals needed (0 means one answer decides),
// the global state (1 none, 2 waiting, 3 accepted, 4 refused) and each
// user asked.
type TicketApprovalsJSON struct {
	MinPercent int                  `json:"min_percent"`
	Global     int                  `json:"global"`
	GlobalName string               `json:"global_name"`
	Items      []TicketApprovalJSON `json:"items"`
}

// TicketApprovalJSON is one user's approval of a ticket.
type TicketApprovalJSON struct {
	ID             int64      `json:"id"`
	ApproverID     int64      `json:"approver_id"`
	Approver       string     `json:"approver"`
	GroupID        *int64     `json:"group_id"`
	Status         int        `json:"status"`
	StatusName     string     `json:"status_name"`
	RequestedAt    *time.Time `json:"requested_at"`
	RequestComment string     `json:"request_comment"`
	AnsweredAt     *time.Time `json:"answered_at"`
	AnswerComment  string     `json:"answer_comment"`
}

// ticketApprovals reads the approvals part of a ticket's detail.
func ticketApprovals(ctx context.Context, q any, id int64) (TicketApprovalsJSON, error) {
	out := TicketApprovalsJSON{Items: []TicketApprovalJSON{}}
	aq, err := store.Approvals(q)
	if err != nil {
		return out, err
	}
	st, err := aq.State(ctx, id)
	if err != nil {
		return out, err
	}
	out.MinPercent, out.Global, out.GlobalName = st.MinPercent, st.Global, helpdesk.Approval(st.Global).String()
	list, err := aq.ForTicket(ctx, id)
	if err != nil {
		return out, err
	}
	for _, a := range list {
		out.Items = append(out.Items, TicketApprovalJSON{ID: a.ID, ApproverID: a.ApproverID, Approver: a.Approver,
			GroupID: optID(a.GroupID), Status: a.Status, StatusName: helpdesk.Approval(a.Status).String(),
			RequestedAt: optTime(a.RequestedAt), RequestComment: a.RequestComment,
			AnsweredAt: optTime(a.AnsweredAt), AnswerComment: a.AnswerComment})
	}
	return out, nil
}
