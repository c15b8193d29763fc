package i18n

// enSLA is the service levels' (SLA calendars and rules, deadlines,
// escalation mail) and recurrent tickets' part of the English catalogue,
// merged into en at start-up.
var enSLA = map[string]string{
	"notify.sla_tto": "Ticket #%d must be taken in charge by %s.",
	"notify.sla_ttr": "Ticket #%d must be resolved by %s.",
}

func init() {
	for k, v := range enSLA {
		en[k] = v
	}
}
