package web

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// helpdeskFixture is a self-service user's PC, known to an agent, and
// another person's PC the user must never see.
type helpdeskFixture struct {
	pc, otherPC int64
	deviceID    string
}

func (e *env) helpdeskFixture() helpdeskFixture {
	e.t.Helper()
	pc := &store.Asset{Type: store.TypeComputer, Name: "PC-ACCUEIL-01", Model: "OptiPlex 7010", OSName: "Windows 11 Pro",
		LastUser: `MAIRIE\self-service`, Manufacturer: "Dell Inc."}
	other := &store.Asset{Type: store.TypeComputer, Name: "PC-MAIRE", LastUser: "maire"}
	for _, a := range []*store.Asset{pc, other} {
		if err := e.st.CreateAsset(ctx, a); err != nil {
			e.t.Fatal(err)
		}
	}
	ag := &store.Agent{DeviceID: "PC-ACCUEIL-01-2026-01-05-09-00-00", TokenHash: "t1", AssetID: pc.ID}
	if err := e.st.CreateAgent(ctx, ag); err != nil {
		e.t.Fatal(err)
	}
	ag2 := &store.Agent{DeviceID: "PC-MAIRE-2026-01-05-09-00-00", TokenHash: "t2", AssetID: other.ID}
	if err := e.st.CreateAgent(ctx, ag2); err != nil {
		e.t.Fatal(err)
	}
	return helpdeskFixture{pc: pc.ID, otherPC: other.ID, deviceID: ag.DeviceID}
}

// ticketOf makes a ticket requested (and, for staff, assigned to) the
// user of role, in status, with one document; "" makes an orphan ticket.
func (e *env) ticketOf(role string, status int) (ticketID, docID int64) {
	e.t.Helper()
	tq, err := store.Tickets(e.st)
	if err != nil {
		e.t.Fatal(err)
	}
	t := &store.Ticket{Title: "ticket of " + role, Content: "c", Type: 1, Status: status, Urgency: 3, Impact: 3, Priority: 3}
	if status == 5 {
		t.Approval = 2
	}
	must := func(err error) {
		if err != nil {
			e.t.Fatal(err)
		}
	}
	must(tq.CreateTicket(ctx, t))
	if u := e.users[role]; u != nil {
		must(tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorRequester, UserID: u.ID}))
		if store.RoleRank(role) >= store.RoleRank(store.RoleTechnician) {
			must(tq.AddTicketActor(ctx, &store.TicketActor{TicketID: t.ID, Kind: store.ActorAssignee, UserID: u.ID}))
		}
	}
	if status == 5 {
		must(tq.AddSolution(ctx, &store.Solution{TicketID: t.ID, Type: "fixed", Content: "done"}))
	}
	d := &store.Document{TicketID: t.ID, Filename: "a.txt", MIME: "text/plain; charset=utf-8", SHA256: "x", Content: []byte("hello")}
	must(tq.AddDocument(ctx, d))
	return t.ID, d.ID
}

// upload posts a file to a ticket as a multipart form.
func (c *client) upload(path, name string, data []byte) (*http.Response, string) {
	c.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", c.csrf)
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(data)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.e.ts.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", c.e.ts.URL)
	return c.do(req)
}

// createdTicket reads the new ticket's ID from the create form's redirect.
func createdTicket(t *testing.T, resp *http.Response) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscanf(resp.Header.Get("Location"), "/tickets/%d", &id); err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("got status %d location %q; want 303 to the new ticket", resp.StatusCode, resp.Header.Get("Location"))
	}
	return id
}

// statusOf reads a ticket's status from the store.
func (e *env) statusOf(id int64) int {
	e.t.Helper()
	tq, _ := store.Tickets(e.st)
	t, err := tq.GetTicket(ctx, id)
	if err != nil {
		e.t.Fatal(err)
	}
	return t.Status
}

var reSelected = regexp.MustCompile(`<option value="(\d+)" selected>`)

// selectedAsset is the preselected device of the new-ticket form.
func selectedAsset(body string) string {
	i := strings.Index(body, `id="asset"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</select>")
	if m := reSelected.FindStringSubmatch(body[i : i+j]); m != nil {
		return m[1]
	}
	return ""
}

// ticketPath fills a /tickets/{id}... route pattern with a ticket of the
// user of role (and its document), so the role matrix reaches the handler
// rather than a "not found".
func (e *env) ticketPath(pattern, role string) string {
	status := 1
	if strings.HasSuffix(pattern, "/approve") || strings.HasSuffix(pattern, "/refuse") {
		status = 5
	}
	id, doc := e.ticketOf(role, status)
	return strings.NewReplacer("{id}", fmt.Sprint(id), "{doc}", fmt.Sprint(doc)).Replace(pattern)
}
