package i18n

// enNotify is the English of ticket email (notifications and the
// profile's opt-out), merged into en at start-up.
var enNotify = map[string]string{
	"notify.hello":            "Hello %s,",
	"notify.system":           "Parc",
	"notify.created":          "%s opened ticket #%d.",
	"notify.followup":         "%s added a followup to ticket #%d:",
	"notify.assigned":         "%s assigned ticket #%d.",
	"notify.status":           "%s changed the status of ticket #%d from %s to %s.",
	"notify.solved":           "%s proposed a solution to ticket #%d. Please accept or refuse it on the ticket's page:",
	"notify.approval_request": "%s asks for your approval of ticket #%d.",
	"notify.approval_yes":     "%s approved ticket #%d.",
	"notify.approval_no":      "%s refused ticket #%d:",
	"notify.title":            "Title",
	"notify.status_label":     "Status",
	"notify.view":             "View the ticket",
	"notify.reply":            "Reply to this email to add a followup to the ticket.",
	"notify.footer":           "You receive this email because you take part in this ticket. You can stop these emails in your Parc profile.",

	"profile.notify_mail": "Email me when my tickets change",
}

func init() {
	for k, v := range enNotify {
		en[k] = v
	}
}
