package i18n

// enSLA is the service levels' (SLA calendars and rules, deadlines,
// escalation mail) and recurrent tickets' part of the English catalogue,
// merged into en at start-up.
var enSLA = map[string]string{
	"notify.sla_tto":          "Ticket #%d must be taken in charge by %s.",
	"notify.sla_ttr":          "Ticket #%d must be resolved by %s.",
	"sla.tab":                 "Service levels",
	"sla.title":               "Service levels",
	"sla.intro":               "Deadlines to take a ticket in charge (TTO) and to resolve it (TTR) count business time on a calendar; time spent pending does not count. The TTR deadline becomes the ticket's due date.",
	"sla.calendars":           "Business-hours calendars",
	"sla.new_calendar":        "New calendar",
	"sla.timezone":            "Time zone (empty: the server's)",
	"sla.hours_of_work":       "Opening hours",
	"sla.holidays":            "Holidays",
	"sla.syntax_hours":        "Opening hours: one line per day or range of days, e.g. \"mon-fri 08:30-12:00 13:30-17:30\". No hours at all means open 24/7.",
	"sla.syntax_holidays":     "Holidays: one per line, a day or a range and a name, e.g. \"2026-12-24..2027-01-02 Closing\"; without a year (\"05-01 Labour day\") it comes back every year.",
	"sla.rules":               "SLA rules",
	"sla.rules_help":          "For each kind, the most specific rule applies to a ticket: category and priority, then category, then priority, then a rule for any ticket. The warning (in minutes before the deadline) emails the assignees.",
	"sla.kind":                "Kind",
	"sla.tto":                 "Time to own",
	"sla.ttr":                 "Time to resolve",
	"sla.hours":               "Hours",
	"sla.calendar":            "Calendar",
	"sla.always":              "24/7",
	"sla.category":            "Category",
	"sla.priority":            "Priority",
	"sla.any_category":        "Any category",
	"sla.any_priority":        "Any priority",
	"sla.warn":                "Warning (minutes before)",
	"sla.warn_short":          "warn min",
	"sla.err_name":            "The name is missing or longer than %d characters.",
	"sla.err_timezone":        "Time zone: %q is not a known zone name (e.g. Europe/Paris).",
	"sla.err_segments":        "Opening hours: %s.",
	"sla.err_holidays":        "Holidays: %s.",
	"sla.err_calendar_exists": "A calendar of that name already exists.",
	"sla.err_calendar_used":   "This calendar is used by SLA rules: change or delete them first.",
	"sla.err_kind":            "Kind: choose time to own or time to resolve.",
	"sla.err_hours":           "Hours: give a positive number of hours, at most %d (decimals allowed, e.g. 1.5).",
	"sla.err_warn":            "Warning: give a whole number of minutes, not longer than the rule's duration.",
	"sla.err_priority":        "Priority: choose one of the list.",
	"sla.badge_late":          "Late",
	"sla.badge_at_risk":       "At risk",
	"sla.met":                 "met",
	"sla.elapsed":             "Business time counted",
	"sla.paused":              "%s pending, not counted",
	"sla.clock_stopped":       "Clock stopped (pending)",
	"sla.late_tto":            "%d not taken in charge in time",
}

func init() {
	for k, v := range enSLA {
		en[k] = v
	}
}
