package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketEdits are the fields a technician may change on a ticket.
type ticketEdits struct {
	Title, Content        string
	Type, Urgency, Impact int
	Priority              int // 0: from the matrix
	CategoryID            int64
	Due                   time.Time
}

// parseTicketEdits reads and checks the edit form; the category is
// checked against the tree, the priority against the role by the caller.
func parseTicketEdits(r *http.Request) (ticketEdits, error) {
	f := r.PostForm
	e := ticketEdits{Title: strings.TrimSpace(f.Get("title")), Content: strings.TrimSpace(f.Get("content"))}
	var errs []string
	num := func(name string, lo, hi int) int {
		n, err := strconv.Atoi(f.Get(name))
		if err != nil || n < lo || n > hi {
			errs = append(errs, name)
		}
		return n
	}
	e.Type, e.Urgency, e.Impact = num("type", 1, 2), num("urgency", 1, 5), num("impact", 1, 5)
	if f.Get("priority") != "" {
		e.Priority = num("priority", 1, helpdesk.MaxPriority)
	}
	if c := f.Get("category"); c != "" {
		e.CategoryID, _ = strconv.ParseInt(c, 10, 64)
		if e.CategoryID <= 0 {
			errs = append(errs, "category")
		}
	}
	if d := f.Get("due"); d != "" {
		due, err := time.Parse("2006-01-02T15:04", d)
		if err != nil {
			errs = append(errs, "due")
		}
		e.Due = due.UTC()
	}
	if e.Title == "" || utf8.RuneCountInString(e.Title) > maxTitleRunes {
		errs = append(errs, "title")
	}
	if e.Content == "" || len(e.Content) > maxTextBytes {
		errs = append(errs, "content")
	}
	if len(errs) > 0 {
		return e, fmt.Errorf("ticket fields %s: %w", strings.Join(errs, ", "), errBadInput)
	}
	return e, nil
}

// ticketEdit changes a ticket's title, description, type, urgency,
// impact, category and due date. The priority follows the site's matrix,
// unless a supervisor or administrator sets it by hand. Each changed
// field is a row of the ticket's history.
func (s *Server) ticketEdit(w http.ResponseWriter, r *http.Request) {
	e, err := parseTicketEdits(r)
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActEdit},
		prepare: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, _ helpdesk.State, _ *helpdesk.Event) error {
			if e.Priority != 0 && !helpdesk.SetsPriority(lt.actor.Role) {
				return fmt.Errorf("set priority: %w", helpdesk.ErrForbidden)
			}
			if e.Priority == 0 {
				m, err := s.priorityMatrix(ctx)
				if err != nil {
					return err
				}
				if e.Priority, err = m.Priority(e.Urgency, e.Impact); err != nil {
					return err
				}
			}
			names, err := s.categoryNames(ctx, tq, lt.t.CategoryID, e.CategoryID)
			if err != nil {
				return err
			}
			hist := editHistory(lt.t, e, names)
			t := lt.t
			t.Title, t.Content, t.Type, t.Urgency, t.Impact = e.Title, e.Content, e.Type, e.Urgency, e.Impact
			t.Priority, t.CategoryID, t.DueAt = e.Priority, e.CategoryID, e.Due
			for i := range hist {
				hist[i].TicketID, hist[i].Actor, hist[i].At = t.ID, actor(r), s.now()
			}
			return tq.AddTicketHistory(ctx, hist)
		},
	})
}

// categoryNames names the old and new categories for the history; a new
// category that is not in the tree, or inactive, is bad input.
func (s *Server) categoryNames(ctx context.Context, tq store.TicketQueries, old, new int64) (map[int64]string, error) {
	cats, err := tq.ListCategories(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{0: ""}
	ok := new == 0 || new == old
	for _, c := range cats {
		names[c.ID] = c.Path
		ok = ok || (c.ID == new && !c.Inactive)
	}
	if !ok {
		return nil, fmt.Errorf("category %d: %w", new, errBadInput)
	}
	return names, nil
}

// editHistory lists the fields an edit changes, old and new values.
func editHistory(t *store.Ticket, e ticketEdits, cats map[int64]string) []store.TicketHistoryEntry {
	var out []store.TicketHistoryEntry
	add := func(field, old, new string) {
		if old != new {
			out = append(out, store.TicketHistoryEntry{Field: field, OldValue: old, NewValue: new})
		}
	}
	due := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02 15:04")
	}
	add("title", t.Title, e.Title)
	add("content", t.Content, e.Content)
	add("type", strconv.Itoa(t.Type), strconv.Itoa(e.Type))
	add("urgency", strconv.Itoa(t.Urgency), strconv.Itoa(e.Urgency))
	add("impact", strconv.Itoa(t.Impact), strconv.Itoa(e.Impact))
	add("priority", strconv.Itoa(t.Priority), strconv.Itoa(e.Priority))
	add("category", cats[t.CategoryID], cats[e.CategoryID])
	add("due", due(t.DueAt), due(e.Due))
	return out
}
