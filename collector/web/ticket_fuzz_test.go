package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// FuzzTicketQuery: any URL query gives a usable ticket filter (known sort
// key, valid status, page within bounds) whose URL parses back the same.
func FuzzTicketQuery(f *testing.F) {
	for _, s := range []string{"", "status=pending&q=printer", "status=4&priority=6&sort=priority&desc=1",
		"assignee=none&group=3&page=999999999999", "status=to_validate&per=-5", "q=%27+OR+1%3D1", "sort=id%3B+DROP",
		"location=4&late=1&opened_from=2026-01-01&solved_to=2026-13-45&updated_to=%27", "sort=requester&desc=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r := httptest.NewRequest("GET", "/tickets?x=1", nil)
		r.URL.RawQuery = raw
		q := parseTicketQuery(r, 50)
		if _, ok := store.TicketSortKeys[q.Sort]; !ok {
			t.Fatalf("sort %q is not a known key", q.Sort)
		}
		if q.Page < 1 || q.PerPage < 10 || q.PerPage > 200 || q.Priority < 0 || q.Priority > helpdesk.MaxPriority {
			t.Fatalf("got out-of-range query %+v", q)
		}
		for name, d := range q.dates() {
			if *d != "" && day(*d, false).IsZero() {
				t.Fatalf("%s %q is not a date", name, *d)
			}
		}
		f := q.filter()
		for _, s := range f.Statuses {
			if !helpdesk.Status(s).Valid() {
				t.Fatalf("status %d is not valid", s)
			}
		}
		r2 := httptest.NewRequest("GET", q.url("/tickets"), nil)
		again := parseTicketQuery(r2, 50)
		again.Page = q.Page
		if again != q {
			t.Fatalf("round trip: got %+v; want %+v", again, q)
		}
	})
}

// FuzzSniffDocument: any upload is either refused or given an accepted
// type, and never an executable; file names come out clean.
func FuzzSniffDocument(f *testing.F) {
	f.Add("a.png", []byte("\x89PNG\r\n\x1a\n"))
	f.Add("setup.exe", []byte("MZ"))
	f.Add(`..\..\x".pdf`, []byte("%PDF-1.7"))
	f.Add("notes.txt", []byte("hello"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		clean := helpdesk.CleanFilename(name)
		if clean == "" || strings.ContainsAny(clean, "/\\\"\r\n") || utf8.RuneCountInString(clean) > 120 {
			t.Fatalf("CleanFilename(%q) = %q", name, clean)
		}
		mime, err := helpdesk.SniffDocument(clean, data)
		if err != nil {
			return
		}
		if !helpdesk.AcceptedType(mime) || strings.HasPrefix(string(data), "MZ") || strings.HasPrefix(string(data), "\x7fELF") {
			t.Fatalf("accepted %q (%d bytes) as %s", clean, len(data), mime)
		}
	})
}

// FuzzTicketEdits: any edit form is refused or gives values in range.
func FuzzTicketEdits(f *testing.F) {
	f.Add("Printer", "jams", "1", "3", "3", "", "", "")
	f.Add("x", "y", "2", "5", "1", "6", "12", "2026-03-01T09:30")
	f.Add("", "y", "9", "0", "-1", "1 OR 1=1", "-4", "tomorrow")
	f.Fuzz(func(t *testing.T, title, content, typ, urgency, impact, prio, cat, due string) {
		r := httptest.NewRequest("POST", "/tickets/1/edit", nil)
		r.PostForm = url.Values{"title": {title}, "content": {content}, "type": {typ}, "urgency": {urgency},
			"impact": {impact}, "priority": {prio}, "category": {cat}, "due": {due}}
		e, err := parseTicketEdits(r)
		if err != nil {
			return
		}
		if !helpdesk.Type(e.Type).Valid() || !helpdesk.ValidLevel(e.Urgency) || !helpdesk.ValidLevel(e.Impact) ||
			e.Priority < 0 || e.Priority > helpdesk.MaxPriority || e.CategoryID < 0 || e.Title == "" || e.Content == "" {
			t.Fatalf("accepted out-of-range edit %+v", e)
		}
	})
}
