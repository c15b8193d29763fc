package sla

import "time"

// Kind is what a rule times: owning (TTO) or resolving (TTR) a ticket.
type Kind string

// The kinds of rules.
const (
	TTO Kind = "tto" // time to own: until someone is assigned
	TTR Kind = "ttr" // time to resolve: until the ticket is solved
)

// Rule is an SLA target for the tickets of a category and/or priority.
type Rule struct {
	ID         int64
	Name       string
	Kind       Kind
	Duration   time.Duration // business time from the opening
	CalendarID int64         // 0: 24/7
	CategoryID int64         // 0: any category
	Priority   int           // 0: any priority
	// WarnBefore is how long before the deadline the escalation warns
	// the assignees; 0 means no warning.
	WarnBefore time.Duration
}

// specificity ranks a rule: a category counts more than a priority, so
// "Printers, any priority" beats "any category, priority 5".
func (r Rule) specificity() int {
	n := 0
	if r.CategoryID != 0 {
		n += 2
	}
	if r.Priority != 0 {
		n++
	}
	return n
}

// Match picks the rule of kind k for a ticket of category cat and
// priority prio: among the rules whose category and priority are either
// the ticket's or "any", the most specific wins (category and priority,
// then category, then priority, then neither); among equals, the lowest
// ID (the oldest). Categories match exactly: a rule on "Hardware" does
// not cover "Hardware > Printer". ok is false when no rule applies.
func Match(rules []Rule, k Kind, cat int64, prio int) (best Rule, ok bool) {
	for _, r := range rules {
		if r.Kind != k || (r.CategoryID != 0 && r.CategoryID != cat) || (r.Priority != 0 && r.Priority != prio) {
			continue
		}
		if !ok || r.specificity() > best.specificity() ||
			(r.specificity() == best.specificity() && r.ID < best.ID) {
			best, ok = r, true
		}
	}
	return best, ok
}
