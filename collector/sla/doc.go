// Package sla is the service-level arithmetic of Parc's helpdesk, kept
// apart from HTTP and SQL: business-hours calendars (weekly opening
// segments, holidays, an IANA time zone), business-time addition and
// elapsed business time, the choice of the SLA rule that applies to a
// ticket, and the occurrences of recurrent tickets.
//
// Deadlines follow GLPI's SLM: a rule gives a duration of business time
// from the ticket's opening (time to own, TTO, and time to resolve, TTR);
// the time a ticket spends pending is not counted, so on resume the
// deadlines move by the business time spent pending.
package sla
