package i18n

// enAgents is the agents page's part of the English catalogue, merged into
// en at start-up.
var enAgents = map[string]string{
	"agents.title":          "Agents",
	"agents.total":          "%d agents",
	"agents.late_count":     "%d late",
	"agents.search_hint":    "deviceid, host name or asset",
	"agents.late_only":      "Late only (no contact for %s)",
	"agents.deviceid":       "Device ID",
	"agents.hostname":       "Host name",
	"agents.asset":          "Asset",
	"agents.version":        "Version",
	"agents.enrolled_at":    "Enrolled",
	"agents.last_contact":   "Last contact",
	"agents.last_inventory": "Last inventory",
	"agents.status":         "Status",
	"agents.refused":        "Refused reports",
	"agents.no_asset":       "no report yet",
	"agents.full":           "full",
	"agents.partial":        "partial",
	"agents.late":           "late",
	"agents.ok":             "on time",
	"agents.revoke":         "Revoke",
	"agents.empty":          "No agent matches.",
	"agents.enrol_title":    "Enrol a computer",
	"agents.enrol_help":     "Install parc-agent on the computer, then run once as administrator:",
	"agents.secret_admin":   "An administrator sees the site's enrolment secret here (or prints it with parc-collector enroll-secret).",
	"agents.revoke_title":   "Revoke an agent",
	"agents.revoke_warning": "Agent %s will no longer be able to send reports, and its device ID can enrol again (a reinstalled PC). Its computer stays in the park with its inventory and history.",
	"agents.revoke_confirm": "Revoke the agent",
}

func init() {
	for k, v := range enAgents {
		en[k] = v
	}
}
