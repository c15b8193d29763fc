package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// TestSelfServiceSeesOnlyOwnTickets: a self-service user reaches the
// tickets they request or observe (directly or through a group), and no
// other, by any route.
func TestSelfServiceSeesOnlyOwnTickets(t *testing.T) {
	e := newEnv(t)
	tq, _ := store.Tickets(e.st)
	mine, _ := e.ticketOf("self-service", 1)
	theirs, theirDoc := e.ticketOf("technician", 2)
	observed, _ := e.ticketOf("supervisor", 4)
	g := &store.Group{Name: "Accueil"}
	if err := tq.CreateGroup(ctx, g); err != nil {
		t.Fatal(err)
	}
	if err := tq.AddGroupMember(ctx, g.ID, e.users["self-service"].ID); err != nil {
		t.Fatal(err)
	}
	if err := tq.AddTicketActor(ctx, &store.TicketActor{TicketID: observed, Kind: store.ActorObserver, GroupID: g.ID}); err != nil {
		t.Fatal(err)
	}
	c := e.as("self-service")
	wantStatus(t, first(c.get(fmt.Sprintf("/tickets/%d", mine))), http.StatusOK)
	wantStatus(t, first(c.get(fmt.Sprintf("/tickets/%d", observed))), http.StatusOK)
	for _, p := range []string{fmt.Sprintf("/tickets/%d", theirs), fmt.Sprintf("/tickets/%d/documents/%d", theirs, theirDoc)} {
		wantStatus(t, first(c.get(p)), http.StatusNotFound)
	}
	wantStatus(t, first(c.post(fmt.Sprintf("/tickets/%d/followups", theirs), url.Values{"content": {"x"}})), http.StatusNotFound)
	// Someone else's document through one's own ticket's URL.
	wantStatus(t, first(c.get(fmt.Sprintf("/tickets/%d/documents/%d", mine, theirDoc))), http.StatusNotFound)
	_, body := c.get("/tickets/mine")
	if strings.Contains(body, "ticket of technician") || !strings.Contains(body, "ticket of self-service") || !strings.Contains(body, "ticket of supervisor") {
		t.Errorf("my requests lists the wrong tickets:\n%s", body)
	}
	_, body = c.get("/helpdesk")
	if !strings.Contains(body, `id="counter-all" href="/tickets/mine"`) || !strings.Contains(body, `<span class="display-6">2</span>`) {
		t.Error("the counters do not count exactly the user's 2 tickets")
	}
	wantStatus(t, first(c.get("/tickets?status=open")), http.StatusForbidden)
	// The technician's queue lists everything.
	_, body = e.as("technician").get("/tickets?status=")
	for _, want := range []string{"ticket of technician", "ticket of self-service", "ticket of supervisor"} {
		if !strings.Contains(body, want) {
			t.Errorf("the queue lacks %q", want)
		}
	}
}

// TestTicketXSS: markup in a title, description and followup is shown as
// text everywhere it appears.
func TestTicketXSS(t *testing.T) {
	e := newEnv(t)
	fx := e.helpdeskFixture()
	evil := `<script>alert(1)</script>"><img src=x onerror=alert(2)>`
	user := e.as("self-service")
	resp, _ := user.post("/tickets/new", url.Values{"type": {"2"}, "title": {"T " + evil}, "content": {"D " + evil},
		"urgency": {"3"}, "asset": {fmt.Sprint(fx.pc)}})
	id := createdTicket(t, resp)
	user.post(fmt.Sprintf("/tickets/%d/followups", id), url.Values{"content": {"F " + evil}})
	tech := e.as("technician")
	pages := map[string]*client{fmt.Sprintf("/tickets/%d", id): user, "/tickets/mine": user, "/helpdesk": user,
		"/tickets?q=alert": tech, fmt.Sprintf("/assets/%d", fx.pc): tech, fmt.Sprintf("/tickets/%d?x=1", id): tech}
	for p, c := range pages {
		_, body := c.get(p)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: markup from the ticket is not escaped", p)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: the escaped title is missing", p)
		}
	}
}

// TestTicketCSRF: every ticket form is refused without the session's
// token or from another origin, multipart uploads included.
func TestTicketCSRF(t *testing.T) {
	e := newEnv(t)
	id, _ := e.ticketOf("self-service", 1)
	c := e.as("self-service")
	for _, p := range []string{"/tickets/new", fmt.Sprintf("/tickets/%d/followups", id), fmt.Sprintf("/tickets/%d/cancel", id)} {
		resp, _ := c.post(p, url.Values{"csrf": {"forged"}, "content": {"x"}, "title": {"x"}})
		wantStatus(t, resp, http.StatusForbidden)
		req, _ := http.NewRequest(http.MethodPost, e.ts.URL+p, strings.NewReader(url.Values{"csrf": {c.csrf}, "content": {"x"}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", "https://evil.example")
		resp, _ = c.do(req)
		wantStatus(t, resp, http.StatusForbidden)
	}
	good := c.csrf
	c.csrf = "forged"
	resp, _ := c.upload(fmt.Sprintf("/tickets/%d/documents", id), "a.txt", []byte("hello"))
	wantStatus(t, resp, http.StatusForbidden)
	c.csrf = good
	if got := e.statusOf(id); got != 1 {
		t.Errorf("got status %d; want the ticket untouched", got)
	}
}

// TestTicketFilterInjection: SQL in every filter of both lists is only
// data: no error, no other person's ticket, the tables intact.
func TestTicketFilterInjection(t *testing.T) {
	e := newEnv(t)
	e.ticketOf("self-service", 1)
	e.ticketOf("technician", 2)
	attacks := []string{`' OR '1'='1`, `1 OR 1=1`, `1; DROP TABLE tickets; --`, `%`, `_`, `\`, `" OR ""="`, `1) UNION SELECT password_hash FROM users --`}
	params := []string{"q", "status", "type", "priority", "category", "assignee", "group", "requester", "asset", "sort", "desc", "page", "per",
		"location", "late", "opened_from", "opened_to", "updated_from", "updated_to", "solved_from", "solved_to"}
	for _, a := range attacks {
		for _, p := range params {
			q := url.Values{p: {a}}.Encode()
			resp, body := e.as("self-service").get("/tickets/mine?" + q)
			wantStatus(t, resp, http.StatusOK)
			if strings.Contains(body, "ticket of technician") {
				t.Errorf("my requests?%s shows another person's ticket", q)
			}
			resp, body = e.as("technician").get("/tickets?" + q)
			wantStatus(t, resp, http.StatusOK)
			if strings.Contains(body, "$2a$") {
				t.Errorf("queue?%s leaks a password hash", q)
			}
		}
	}
	tq, _ := store.Tickets(e.st)
	if p, err := tq.ListTickets(ctx, store.TicketFilter{}); err != nil || p.Total != 2 {
		t.Errorf("got %d tickets, %v; want the 2 tickets intact", p.Total, err)
	}
}

// TestTicketUploads: an oversized file, an executable (by content or by
// name) and an HTML page are refused; a picture is kept and served back
// as a download that the browser will not sniff.
func TestTicketUploads(t *testing.T) {
	e := newEnv(t)
	id, _ := e.ticketOf("self-service", 1)
	c := e.as("self-service")
	p := fmt.Sprintf("/tickets/%d/documents", id)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{7}, 100)...)
	tests := []struct {
		name string
		file string
		data []byte
		want int
	}{
		{"oversized", "big.png", append(png, make([]byte, maxUploadBytes)...), http.StatusRequestEntityTooLarge},
		{"windows program", "setup.png", append([]byte("MZ\x90\x00"), bytes.Repeat([]byte{0}, 200)...), http.StatusUnsupportedMediaType},
		{"linux program", "tool", append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0}, 200)...), http.StatusUnsupportedMediaType},
		{"script", "fix.txt", []byte("#!/bin/sh\nrm -rf /\n"), http.StatusUnsupportedMediaType},
		{"exe name", "invoice.exe", []byte("plain text"), http.StatusUnsupportedMediaType},
		{"html page", "page.txt", []byte("<html><script>alert(1)</script></html>"), http.StatusUnsupportedMediaType},
		{"svg", "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), http.StatusUnsupportedMediaType},
		{"empty", "empty.txt", nil, http.StatusUnsupportedMediaType},
		{"screenshot", `C:\Users\me\"écran".png`, png, http.StatusSeeOther},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, _ := c.upload(p, tc.file, tc.data)
			wantStatus(t, resp, tc.want)
		})
	}
	tq, _ := store.Tickets(e.st)
	docs, _ := tq.Documents(ctx, id)
	last := docs[len(docs)-1]
	if len(docs) != 2 || last.Filename != "_écran_.png" || last.MIME != "image/png" {
		t.Fatalf("got documents %+v; want the fixture's and the screenshot", docs)
	}
	resp, body := c.get(fmt.Sprintf("/tickets/%d/documents/%d", id, last.ID))
	wantStatus(t, resp, http.StatusOK)
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("got Content-Disposition %q; want attachment", cd)
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || body != string(png) {
		t.Errorf("got nosniff %q and %d bytes; want nosniff and the file", resp.Header.Get("X-Content-Type-Options"), len(body))
	}
}
