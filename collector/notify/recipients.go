package notify

import (
	"slices"

	"github.com/parcproject/parc/collector/store"
)

// Recipients chooses who hears about ev among the ticket's people
// (store.TicketRecipients) and the approvers named by the event
// (store.UsersAsRecipients): each user once, never the author, nor a
// disabled user, one without an address, or one who opted out.
func Recipients(ev Event, people, approvers []store.Recipient) []store.Recipient {
	var out []store.Recipient
	seen := map[int64]bool{}
	add := func(r store.Recipient) {
		if seen[r.UserID] || r.UserID == ev.AuthorID || r.Disabled || r.OptedOut || r.Email == "" {
			return
		}
		seen[r.UserID] = true
		out = append(out, r)
	}
	if ev.Kind == ApprovalRequest {
		for _, r := range approvers {
			add(r)
		}
		return out
	}
	for _, r := range people {
		if concerned(ev, r.Kinds) {
			add(r)
		}
	}
	if ev.Kind == SLAWarning && len(out) == 0 {
		// Nobody to warn on the ticket (no assignee yet, the usual case
		// of a time to own): the warning escalates to the supervisors
		// the event names.
		for _, r := range approvers {
			add(r)
		}
	}
	return out
}

// concerned says whether an actor holding kinds hears about ev: a private
// followup and an SLA warning are for the assignees only; everything else
// for every actor.
func concerned(ev Event, kinds []int) bool {
	if (ev.Kind == Followup && ev.Private) || ev.Kind == SLAWarning {
		return slices.Contains(kinds, store.ActorAssignee)
	}
	return len(kinds) > 0
}
