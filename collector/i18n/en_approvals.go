package i18n

// enApprovals is the ticket approvals' part of the English catalogue,
// merged into en at start-up.
var enApprovals = map[string]string{
	"counter.approvals":           "Approvals to give",
	"approvals.title":             "Approvals to give",
	"approvals.none":              "Nobody is waiting for your approval.",
	"approvals.asked_by":          "Asked by",
	"approvals.asked_at":          "Asked on",
	"approvals.ticket":            "Ticket",
	"approvals.panel":             "Approvals",
	"approvals.global":            "Approval state",
	"approvals.rule":              "Approvals needed: %d%%",
	"approvals.rule_any":          "One answer decides",
	"approvals.approver":          "Approver",
	"approvals.via_group":         "through %s",
	"approvals.status":            "Status",
	"approvals.answered":          "Answered on",
	"approvals.request_comment":   "Request",
	"approvals.answer_comment":    "Answer",
	"approvals.ask":               "Ask for approval",
	"approvals.users":             "Users",
	"approvals.groups":            "Groups (each member is asked)",
	"approvals.min_percent":       "Minimum share of approvals",
	"approvals.percent_0":         "0% (one answer decides)",
	"approvals.percent_50":        "50%",
	"approvals.percent_100":       "100% (everyone)",
	"approvals.comment":           "Comment",
	"approvals.send":              "Send the request",
	"approvals.your_answer":       "Your answer",
	"approvals.accept":            "Approve",
	"approvals.refuse":            "Refuse",
	"approvals.refuse_comment":    "Comment (required to refuse)",
	"approvals.err_targets":       "approvers: choose at least one user or group.",
	"approvals.err_percent":       "min_percent: choose 0, 50 or 100.",
	"approvals.err_target":        "approvers: a chosen user or group does not exist, is disabled or has no enabled member.",
	"approvals.err_comment":       "comment: a refusal needs a comment.",
	"approvals.err_comment_long":  "comment: at most 2000 characters.",
	"approvals.err_answer":        "answer: choose approve or refuse.",
	"approvals.err_not_approver":  "Only the user asked may answer this approval.",
	"approvals.err_answered":      "This approval has already been answered; an answer cannot be changed.",
	"approvals.err_already_asked": "Every user chosen is already waiting to answer about this ticket.",
	"approvals.err_closed":        "A closed ticket cannot be sent for approval.",
	"approvals.badge_2":           "Approval waiting",
	"approvals.badge_3":           "Approved",
	"approvals.badge_4":           "Approval refused",
	"history.approval_request":    "Approval requested",
	"history.approval_answer":     "Approval answer",
	"history.approval_global":     "Approval state",
}

func init() {
	for k, v := range enApprovals {
		en[k] = v
	}
}
