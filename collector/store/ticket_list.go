package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TicketFilter selects and orders a page of tickets. Zero values mean "any".
type TicketFilter struct {
	// VisibleTo restricts to the tickets this user requests or observes,
	// directly or through a group (the self-service view); 0 for all.
	VisibleTo  int64
	Statuses   []int
	ToValidate bool // solved, solution waiting for approval
	Open       bool // not solved nor closed
	Type       int
	Priority   int
	CategoryID int64
	// AssigneeUser and AssigneeGroup select by assignee; -1 for tickets
	// with no assignee at all.
	AssigneeUser  int64
	AssigneeGroup int64
	RequesterUser int64
	AssetID       int64
	// LocationID selects tickets about an asset at this location, or
	// requested by someone working there.
	LocationID int64
	// Query matches words in title and content, or "#123" for a ticket ID.
	Query        string
	OpenedAfter  time.Time
	OpenedBefore time.Time
	SolvedBefore time.Time // solved before this time (auto-close)
	SolvedAfter  time.Time
	UpdatedAfter time.Time
	// UpdatedBefore and the other ...Before bounds are exclusive; the
	// ...After ones inclusive.
	UpdatedBefore time.Time
	// DueBefore selects tickets whose due date is before this time (with
	// Open: the late ones).
	DueBefore time.Time
	Sort      string // one of TicketSortKeys; default "updated"
	Desc      bool
	Limit     int // default 50, at most 1000
	Offset    int
}

// TicketSortKeys maps the sort keys ListTickets accepts to their columns.
var TicketSortKeys = map[string]string{
	"id": "t.id", "title": "t.title", "status": "t.status", "priority": "t.priority", "urgency": "t.urgency",
	"opened": "t.opened_at", "updated": "t.updated_at", "due": "t.due_at", "type": "t.type",
	"solved": "t.solved_at", "impact": "t.impact",
	// The first requester's and assignee's names, lower-cased, kept on the
	// row by migration 0019's triggers (computing them per ticket made the
	// sort read every ticket's actors: 675 ms on PostgreSQL).
	"requester": "t.requester_sort", "assignee": "t.assignee_sort",
}

// TicketPage is one page of ListTickets and the total that matched.
type TicketPage struct {
	Tickets []Ticket
	Total   int
}

// actorOfUser selects the tickets where a user is an actor of the given
// kinds, directly or through a group. Two branches rather than one OR:
// each can use its index (with the OR, PostgreSQL scanned every actor).
const actorOfUser = `SELECT a.ticket_id FROM ticket_actors a WHERE a.kind IN (%[1]s) AND a.user_id = ?
	UNION ALL SELECT a.ticket_id FROM ticket_actors a JOIN user_group_members m ON m.group_id = a.group_id
	WHERE a.kind IN (%[1]s) AND m.user_id = ?`

func (f TicketFilter) where() (string, []any) { return f.whereText(false) }

// whereText is where; with textFirst, the words of Query are matched in
// a subquery of their own (see textFirstPage).
func (f TicketFilter) whereText(textFirst bool) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.VisibleTo != 0 {
		add("t.id IN ("+fmt.Sprintf(actorOfUser, "1, 3")+")", f.VisibleTo, f.VisibleTo)
	}
	if len(f.Statuses) > 0 {
		in := make([]any, len(f.Statuses))
		for i, s := range f.Statuses {
			in[i] = s
		}
		add("t.status IN ("+placeholders(len(in))+")", in...)
	}
	if f.ToValidate {
		add("t.status = 5 AND t.approval = 2")
	}
	if f.Open {
		add("t.status < 5")
	}
	if f.Type != 0 {
		add("t.type = ?", f.Type)
	}
	if f.Priority != 0 {
		add("t.priority = ?", f.Priority)
	}
	if f.CategoryID != 0 {
		add("t.category_id = ?", f.CategoryID)
	}
	switch {
	case f.AssigneeUser == -1 || f.AssigneeGroup == -1:
		// A count per ticket rather than NOT EXISTS: PostgreSQL turned the
		// anti-join into a hash of every assignee of the helpdesk (130 ms
		// for the 10,000 new tickets of BenchmarkTicketQueue; 30 ms so).
		add("(SELECT COUNT(*) FROM ticket_actors a WHERE a.ticket_id = t.id AND a.kind = 2) = 0")
	case f.AssigneeUser != 0:
		add("t.id IN (SELECT ticket_id FROM ticket_actors WHERE kind = 2 AND user_id = ?)", f.AssigneeUser)
	}
	if f.AssigneeGroup > 0 {
		add("t.id IN (SELECT ticket_id FROM ticket_actors WHERE kind = 2 AND group_id = ?)", f.AssigneeGroup)
	}
	if f.RequesterUser != 0 {
		add("t.id IN (SELECT ticket_id FROM ticket_actors WHERE kind = 1 AND user_id = ?)", f.RequesterUser)
	}
	if f.AssetID != 0 {
		add("t.id IN (SELECT ticket_id FROM ticket_assets WHERE asset_id = ?)", f.AssetID)
	}
	if f.LocationID != 0 {
		// ticket_locations holds each ticket's places, its assets' and its
		// requesters', kept by migration 0020's triggers.
		add("t.id IN (SELECT tl.ticket_id FROM ticket_locations tl WHERE tl.location_id = ?)", f.LocationID)
	}
	var words []string
	var wordArgs []any
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		if id, err := strconv.ParseInt(strings.TrimPrefix(w, "#"), 10, 64); err == nil && strings.HasPrefix(w, "#") {
			add("t.id = ?", id)
			continue
		}
		words = append(words, `search_text LIKE ? ESCAPE '\'`)
		wordArgs = append(wordArgs, "%"+escapeLike(w)+"%")
	}
	switch {
	case len(words) == 0:
	case textFirst:
		add("t.id IN (SELECT s.id FROM tickets s WHERE s."+strings.Join(words, " AND s.")+")", wordArgs...)
	default:
		add("t."+strings.Join(words, " AND t."), wordArgs...)
	}
	if !f.OpenedAfter.IsZero() {
		add("t.opened_at >= ?", ms(f.OpenedAfter))
	}
	if !f.OpenedBefore.IsZero() {
		add("t.opened_at < ?", ms(f.OpenedBefore))
	}
	if !f.SolvedBefore.IsZero() {
		add("t.solved_at < ?", ms(f.SolvedBefore))
	}
	if !f.SolvedAfter.IsZero() {
		add("t.solved_at >= ?", ms(f.SolvedAfter))
	}
	if !f.UpdatedAfter.IsZero() {
		add("t.updated_at >= ?", ms(f.UpdatedAfter))
	}
	if !f.UpdatedBefore.IsZero() {
		add("t.updated_at < ?", ms(f.UpdatedBefore))
	}
	if !f.DueBefore.IsZero() {
		add("t.due_at < ?", ms(f.DueBefore))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// firstActorName is the name of a ticket's first actor of one kind, user
// or group.
const firstActorName = `(SELECT COALESCE(NULLIF(u.name, ''), u.login, g.name) FROM ticket_actors a
	LEFT JOIN users u ON u.id = a.user_id LEFT JOIN user_groups g ON g.id = a.group_id
	WHERE a.ticket_id = t.id AND a.kind = %d ORDER BY a.id LIMIT 1)`

func (q *queries) ListTickets(ctx context.Context, f TicketFilter) (TicketPage, error) {
	where, args := f.where()
	var page TicketPage
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM tickets t"+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count tickets: %w", err)
	}
	if q.textFirstPage(f, page.Total) {
		where, args = f.whereText(true)
	}
	tail, pargs := pageClause(TicketSortKeys, f.Sort, "t.updated_at", "t.id", f.Desc, f.Limit, f.Offset)
	// The page's IDs first, then its rows: the names of the requester and
	// assignee (two subqueries) are computed for 50 rows, not for every
	// row a deep page skips or a sort reads (PostgreSQL computes a
	// select list before the LIMIT drops the row).
	order := strings.TrimSuffix(tail, " LIMIT ? OFFSET ?")
	query := "SELECT " + ticketColumns + ", " + fmt.Sprintf(firstActorName, ActorRequester) + ", " +
		fmt.Sprintf(firstActorName, ActorAssignee) + " FROM (SELECT t.id AS page_id FROM tickets t" + where + tail +
		") p JOIN tickets t ON t.id = p.page_id" + order
	rows, err := q.query(ctx, query, append(args, pargs...)...)
	if err != nil {
		return page, fmt.Errorf("list tickets: %w", err)
	}
	err = scanEach(rows, func(s scanner) error {
		var req, asg *string
		t, err := scanTicket(s, &req, &asg)
		if err != nil {
			return err
		}
		if req != nil {
			t.Requester = *req
		}
		if asg != nil {
			t.Assignee = *asg
		}
		page.Tickets = append(page.Tickets, *t)
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("list tickets: %w", err)
	}
	return page, q.fillCategoryPaths(ctx, page.Tickets)
}

// textFirstPage reports whether a page of a text search should first find
// the matching tickets, then sort them. SQLite otherwise reads tickets in
// the sort's order and tests each one's text until the page is full:
// quick when many match, but a rare word made it test all 100,000
// tickets through the sort index, each a row lookup (54.8 ms p95 for
// text_rare). Matching first scans the narrow tickets_search index
// instead, as the count just did. The count tells which case this is:
// few matches for the rows the page needs. Not when a filter on people,
// an asset, a category or a place is there: it narrows the tickets
// through its own index first (a requester's ten tickets), and matching
// the text first would scan them all. PostgreSQL's trigram index serves
// the search either way, so its plans are left alone.
func (q *queries) textFirstPage(f TicketFilter, total int) bool {
	if q.d.name != "sqlite" || strings.TrimSpace(f.Query) == "" {
		return false
	}
	if f.VisibleTo != 0 || f.RequesterUser != 0 || f.AssigneeUser > 0 || f.AssigneeGroup > 0 || f.AssetID != 0 ||
		f.LocationID != 0 || f.CategoryID != 0 {
		return false
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	return total <= 20*(min(limit, 1000)+max(f.Offset, 0))
}

// fillCategoryPaths names the categories of a page of tickets (the tree
// is small: read it once).
func (q *queries) fillCategoryPaths(ctx context.Context, ts []Ticket) error {
	need := false
	for _, t := range ts {
		need = need || t.CategoryID != 0
	}
	if !need {
		return nil
	}
	cats, err := q.ListCategories(ctx)
	if err != nil {
		return err
	}
	paths := map[int64]string{}
	for _, c := range cats {
		paths[c.ID] = c.Path
	}
	for i := range ts {
		ts[i].CategoryPath = paths[ts[i].CategoryID]
	}
	return nil
}

func (q *queries) CountTickets(ctx context.Context, f TicketFilter) (map[int]int, error) {
	f.Statuses, f.ToValidate = nil, false
	where, args := f.where()
	rows, err := q.query(ctx, `SELECT t.status, CASE WHEN t.status = 5 AND t.approval = 2 THEN 1 ELSE 0 END, COUNT(*)
		FROM tickets t`+where+" GROUP BY 1, 2", args...)
	if err != nil {
		return nil, fmt.Errorf("count tickets: %w", err)
	}
	out := map[int]int{}
	err = scanEach(rows, func(s scanner) error {
		var status, waiting, n int
		if err := s.Scan(&status, &waiting, &n); err != nil {
			return err
		}
		out[status] += n
		if waiting == 1 {
			out[CountToValidate] += n
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count tickets: %w", err)
	}
	return out, nil
}
