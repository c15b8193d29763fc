package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketQuery is a ticket list's URL query, parsed. Every value is
// checked or converted here; the store binds them as parameters.
type ticketQuery struct {
	Status                    string // a status name, "to_validate", "open" or ""
	Q                         string
	Type, Priority            int
	Category, Assignee, Group int64 // Assignee -1: nobody
	Requester, Asset          int64
	Sort                      string
	Desc                      bool
	Page, PerPage             int
	AssigneeParam             string // "none", a user ID or ""
	Location                  int64  // the asset's or the requester's
	Late                      bool   // open and past the due date
	// Date ranges, YYYY-MM-DD, both ends included; "" for open-ended.
	OpenedFrom, OpenedTo   string
	UpdatedFrom, UpdatedTo string
	SolvedFrom, SolvedTo   string
	now                    time.Time // what "late" is judged against
}

// queryDates are the date range parameters, in the order of the form.
var queryDates = []string{"opened_from", "opened_to", "updated_from", "updated_to", "solved_from", "solved_to"}

// dates points at the query's date range fields, by parameter name.
func (q *ticketQuery) dates() map[string]*string {
	return map[string]*string{"opened_from": &q.OpenedFrom, "opened_to": &q.OpenedTo, "updated_from": &q.UpdatedFrom,
		"updated_to": &q.UpdatedTo, "solved_from": &q.SolvedFrom, "solved_to": &q.SolvedTo}
}

// day parses a YYYY-MM-DD date as midnight UTC; to moves it to the next
// midnight so the day is included. Zero for "" or a bad date.
func day(v string, to bool) time.Time {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}
	}
	if to {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

func parseTicketQuery(r *http.Request, defPer int) ticketQuery {
	v := r.URL.Query()
	id := func(name string) int64 {
		n, err := strconv.ParseInt(v.Get(name), 10, 64)
		if err != nil || n < 0 {
			return 0
		}
		return n
	}
	q := ticketQuery{Q: strings.TrimSpace(v.Get("q")), Category: id("category"), Group: id("group"),
		Requester: id("requester"), Asset: id("asset"), Sort: v.Get("sort"), Desc: v.Get("desc") == "1",
		Page: queryInt(r, "page", 1, 1, 100000), PerPage: queryInt(r, "per", defPer, 10, 200)}
	if len(q.Q) > 200 {
		q.Q = q.Q[:200]
	}
	if _, ok := store.TicketSortKeys[q.Sort]; !ok {
		q.Sort, q.Desc = "updated", true
	}
	switch s := v.Get("status"); s {
	case "to_validate", "open":
		q.Status = s
	default:
		if st, err := helpdesk.ParseStatus(s); err == nil {
			q.Status = st.String()
		}
	}
	if t := queryInt(r, "type", 0, 0, 2); helpdesk.Type(t).Valid() {
		q.Type = t
	}
	if p := queryInt(r, "priority", 0, 0, helpdesk.MaxPriority); p > 0 {
		q.Priority = p
	}
	q.Location, q.Late = id("location"), v.Get("late") == "1"
	for name, p := range q.dates() {
		if d := v.Get(name); !day(d, false).IsZero() {
			*p = d
		}
	}
	if a := v.Get("assignee"); a == "none" {
		q.Assignee, q.AssigneeParam = -1, a
	} else if n := id("assignee"); n > 0 {
		q.Assignee, q.AssigneeParam = n, strconv.FormatInt(n, 10)
	}
	return q
}

// filter is the store filter of the query.
func (q ticketQuery) filter() store.TicketFilter {
	f := store.TicketFilter{Query: q.Q, Type: q.Type, Priority: q.Priority, CategoryID: q.Category,
		AssigneeUser: q.Assignee, AssigneeGroup: q.Group, RequesterUser: q.Requester, AssetID: q.Asset,
		Sort: q.Sort, Desc: q.Desc, Limit: q.PerPage, Offset: (q.Page - 1) * q.PerPage, LocationID: q.Location,
		OpenedAfter: day(q.OpenedFrom, false), OpenedBefore: day(q.OpenedTo, true),
		UpdatedAfter: day(q.UpdatedFrom, false), UpdatedBefore: day(q.UpdatedTo, true),
		SolvedAfter: day(q.SolvedFrom, false), SolvedBefore: day(q.SolvedTo, true)}
	if q.Late {
		now := q.now
		if now.IsZero() {
			now = time.Now()
		}
		f.Open, f.DueBefore = true, now
	}
	switch q.Status {
	case "to_validate":
		f.ToValidate = true
	case "open":
		f.Open = true
	case "":
	default:
		st, _ := helpdesk.ParseStatus(q.Status)
		f.Statuses = []int{int(st)}
	}
	return f
}

// values is the query as URL values, without defaults.
func (q ticketQuery) values() url.Values {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" && val != "0" {
			v.Set(k, val)
		}
	}
	set("status", q.Status)
	if q.Q != "" {
		v.Set("q", q.Q) // "0" is a search, not a default
	}
	set("type", strconv.Itoa(q.Type))
	set("priority", strconv.Itoa(q.Priority))
	set("category", strconv.FormatInt(q.Category, 10))
	set("assignee", q.AssigneeParam)
	set("group", strconv.FormatInt(q.Group, 10))
	set("requester", strconv.FormatInt(q.Requester, 10))
	set("asset", strconv.FormatInt(q.Asset, 10))
	set("location", strconv.FormatInt(q.Location, 10))
	if q.Late {
		v.Set("late", "1")
	}
	dates := q.dates()
	for _, name := range queryDates {
		set(name, *dates[name])
	}
	if q.Sort != "updated" || !q.Desc {
		set("sort", q.Sort)
		if q.Desc {
			v.Set("desc", "1")
		}
	}
	return v
}

// url is the list's URL at base with the query (page and size included
// when not the first page / the default).
func (q ticketQuery) url(base string) string {
	v := q.values()
	if q.PerPage != 50 {
		v.Set("per", strconv.Itoa(q.PerPage))
	}
	if enc := v.Encode(); enc != "" {
		return base + "?" + enc
	}
	return base
}

// sortURL is the URL sorting by key: ascending first, then flipping.
func (q ticketQuery) sortURL(base, key string) string {
	n := q
	n.Page = 1
	n.Desc = q.Sort == key && !q.Desc
	n.Sort = key
	return n.url(base)
}

// ticketRow is one row of a ticket list.
type ticketRow struct {
	store.Ticket
	StatusName string
	TypeName   string // "incident" or "request"
	Color      string // Bootstrap colour of the status badge
	Waiting    bool   // solved, waiting for approval
	SLA        string // "late", "at_risk" or "" (see withSLA)
}

// statusColors match the self-service counters' colours.
var statusColors = map[helpdesk.Status]string{
	helpdesk.StatusNew: "success", helpdesk.StatusAssigned: "primary", helpdesk.StatusPlanned: "primary",
	helpdesk.StatusPending: "warning", helpdesk.StatusSolved: "info", helpdesk.StatusClosed: "dark",
}

func newTicketRow(t store.Ticket) ticketRow {
	return ticketRow{Ticket: t, StatusName: helpdesk.Status(t.Status).String(), TypeName: helpdesk.Type(t.Type).String(), Color: statusColors[helpdesk.Status(t.Status)],
		Waiting: t.Status == int(helpdesk.StatusSolved) && t.Approval == int(helpdesk.ApprovalWaiting)}
}

func ticketRows(ts []store.Ticket) []ticketRow {
	out := make([]ticketRow, len(ts))
	for i, t := range ts {
		out[i] = newTicketRow(t)
	}
	return out
}
