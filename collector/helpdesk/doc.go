// Package helpdesk holds the ticket rules of Parc's helpdesk, kept apart
// from HTTP and SQL so they can be read and tested on their own: GLPI's
// statuses and types (same codes, so a GLPI site's data and habits carry
// over), the urgency x impact priority matrix, the status transitions
// (assigning, planning, pending, solving, approving or refusing a solution,
// cancelling, closing solved tickets after a delay) and who may do what,
// by role and by relation to the ticket.
//
// The web UI and the API load a ticket, build a State and an Actor, ask
// Check whether the action is allowed, and Apply it to get the new State
// they then store.
package helpdesk
