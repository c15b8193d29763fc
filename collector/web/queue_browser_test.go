package web

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// TestQueueBrowser drives the technicians' queue (as a supervisor, who
// may dispatch) in a real headless Chromium, in English and in French:
// filter by status and category, sort by requester, save the search and
// reapply it from another view, bulk-assign two tickets to a group, then
// edit a ticket's urgency and see its priority follow the matrix.
// Screenshots go where the helpdesk journey's go (see
// TestHelpdeskBrowser).
func TestQueueBrowser(t *testing.T) {
	exe := chromiumPath(t)
	for _, tc := range []struct{ lang, accept, search string }{
		{"en", "en-US", "New printer tickets"},
		{"fr", "fr-FR", "Imprimantes nouvelles"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e := newEnv(t)
			fx := e.queueFixture()
			j := newJourney(t, exe, tc.accept, e.ts.URL)
			j.login("/tickets", "supervisor", "#queue-filters") // dispatching is a supervisor's job
			j.shot("q1-queue")

			j.step("filter by status and category", chromedp.SetValue(chromedp.ID("status"), "new"),
				chromedp.SetValue(chromedp.ID("category"), fmt.Sprint(fx.printers)),
				chromedp.Submit(chromedp.ID("q")))
			j.waitLocation("category=")
			if got, want := j.rowIDs(), ids(fx.alicePrinter, fx.zoePrinter); !sameSet(got, want) {
				t.Errorf("filtered: got tickets %v; want %v", got, want)
			}
			j.step("sort by requester", chromedp.Click(chromedp.CSS(`#tickets thead a[href*="sort=requester"]`)))
			j.waitLocation("sort=requester")
			// Alice Bernard before zoé martin: the order ignores case.
			if got, want := j.rowIDs(), ids(fx.alicePrinter, fx.zoePrinter); !slices.Equal(got, want) {
				t.Errorf("by requester: got %v; want %v", got, want)
			}
			j.shot("q2-filtered-sorted")

			j.step("save the search", chromedp.SendKeys(chromedp.ID("search-name"), tc.search),
				chromedp.Submit(chromedp.ID("search-name")))
			j.waitText("#saved-searches", tc.search)
			j.step("go to another view", chromedp.Navigate(e.ts.URL+"/tickets?status=open"),
				chromedp.WaitVisible(chromedp.ID("queue-filters")))
			if got := j.rowIDs(); len(got) != 3 {
				t.Errorf("open tickets: got %v; want 3 of them", got)
			}
			j.step("reapply the saved search", chromedp.Click(chromedp.CSS(`#saved-searches li a`)))
			j.waitLocation("sort=requester")
			if got, want := j.rowIDs(), ids(fx.alicePrinter, fx.zoePrinter); !slices.Equal(got, want) {
				t.Errorf("saved search: got %v; want %v", got, want)
			}
			if got := j.value("#status"); got != "new" {
				t.Errorf("saved search: status filter %q; want new", got)
			}
			j.shot("q3-saved-search")

			j.step("bulk-assign both to a group",
				chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="ids"][value="%d"]`, fx.alicePrinter))),
				chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="ids"][value="%d"]`, fx.zoePrinter))),
				chromedp.SetValue(chromedp.ID("bulk-action"), "assign"),
				chromedp.SetValue(chromedp.ID("bulk-group"), fmt.Sprint(fx.group)),
				chromedp.Click(chromedp.ID("bulk-apply")), chromedp.WaitVisible(chromedp.ID("bulk-done")))
			j.shot("q4-bulk-assigned")
			for _, id := range []int64{fx.alicePrinter, fx.zoePrinter} {
				if !e.assignedToGroup(id, fx.group) {
					t.Errorf("ticket %d: not assigned to group %d after the bulk action", id, fx.group)
				}
				if got := e.statusOf(id); got != 2 {
					t.Errorf("ticket %d: got status %d after the assignment; want 2 (assigned)", id, got)
				}
			}

			j.step("open a ticket", chromedp.Navigate(fmt.Sprintf("%s/tickets/%d", e.ts.URL, fx.zoePrinter)),
				chromedp.WaitVisible(chromedp.CSS("#ticket-edit summary")))
			j.step("raise its urgency", chromedp.Click(chromedp.CSS("#ticket-edit summary")),
				chromedp.WaitVisible(chromedp.ID("edit-urgency")), chromedp.SetValue(chromedp.ID("edit-urgency"), "5"))
			j.shot("q5-edit")
			j.step("save", chromedp.Click(chromedp.ID("save-edit")))
			want, err := helpdesk.DefaultMatrix.Priority(5, 3)
			if err != nil {
				t.Fatal(err)
			}
			got := e.ticketAfter(fx.zoePrinter, func(tk *store.Ticket) bool { return tk.Urgency == 5 })
			if got.Priority != want || want == 3 {
				t.Errorf("after the edit: got priority %d; want %d from the matrix (was 3)", got.Priority, want)
			}
			j.step("see it", chromedp.WaitVisible(chromedp.CSS("#ticket-edit summary")))
			j.shot("q6-priority")
		})
	}
}

// queueFixture is a small queue: two new printer tickets (requested by
// "Alice Bernard" and "zoé martin"), a new network one and a closed
// printer one, and a group to assign.
type queueFixture struct {
	printers, network, group                     int64
	alicePrinter, zoePrinter, aliceNet, bobClose int64
}

func (e *env) queueFixture() queueFixture {
	e.t.Helper()
	tq, err := store.Tickets(e.st)
	if err != nil {
		e.t.Fatal(err)
	}
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	var fx queueFixture
	for name, id := range map[string]*int64{"Printers": &fx.printers, "Network": &fx.network} {
		c := &store.Category{Name: name}
		must(tq.CreateCategory(ctx, c))
		*id = c.ID
	}
	g := &store.Group{Name: "Support N1"}
	must(tq.CreateGroup(ctx, g))
	fx.group = g.ID
	people := map[string]int64{}
	for _, name := range []string{"zoé martin", "Alice Bernard", "Bob Durand"} {
		u := &store.User{Login: strings.ToLower(strings.Fields(name)[0]), Name: name, Role: store.RoleSelfService, PasswordHash: "x"}
		must(e.st.CreateUser(ctx, u))
		people[name] = u.ID
	}
	mk := func(title string, cat int64, status int, who string) int64 {
		tk := &store.Ticket{Title: title, Content: "c", Type: 1, Status: status, Urgency: 3, Impact: 3, Priority: 3, CategoryID: cat}
		must(tq.CreateTicket(ctx, tk))
		must(tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorRequester, UserID: people[who]}))
		return tk.ID
	}
	// zoé's ticket first: by ID it comes before Alice's, by requester after.
	fx.zoePrinter = mk("Printer jammed", fx.printers, 1, "zoé martin")
	fx.alicePrinter = mk("Printer out of toner", fx.printers, 1, "Alice Bernard")
	fx.aliceNet = mk("Wi-Fi slow", fx.network, 1, "Alice Bernard")
	fx.bobClose = mk("Old printer issue", fx.printers, 6, "Bob Durand")
	return fx
}

// assignedToGroup reports whether group is an assignee of ticket id.
func (e *env) assignedToGroup(id, group int64) bool {
	e.t.Helper()
	tq, _ := store.Tickets(e.st)
	actors, err := tq.TicketActors(ctx, id)
	if err != nil {
		e.t.Fatal(err)
	}
	return slices.ContainsFunc(actors, func(a store.TicketActor) bool {
		return a.Kind == store.ActorAssignee && a.GroupID == group
	})
}

// ticketAfter reads ticket id until ok accepts it (a form the browser
// posted may still be on its way), failing after a while.
func (e *env) ticketAfter(id int64, ok func(*store.Ticket) bool) *store.Ticket {
	e.t.Helper()
	tq, _ := store.Tickets(e.st)
	for range 300 {
		tk, err := tq.GetTicket(ctx, id)
		if err != nil {
			e.t.Fatal(err)
		}
		if ok(tk) {
			return tk
		}
		time.Sleep(100 * time.Millisecond)
	}
	e.t.Fatalf("ticket %d never reached the expected state", id)
	return nil
}

func ids(v ...int64) []string {
	var out []string
	for _, x := range v {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// rowIDs are the ticket numbers of the queue's rows, in order.
func (j *journey) rowIDs() []string {
	j.t.Helper()
	v, err := chromedp.Run(j.ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('#tickets tbody tr')).filter(tr => tr.cells.length > 2).map(tr => tr.cells[1].textContent.trim())`))
	if err != nil {
		j.t.Fatalf("read the queue's rows: %v", err)
	}
	return v
}

// waitLocation waits until the page's address contains part (a form's
// GET or a link has loaded).
func (j *journey) waitLocation(part string) {
	j.t.Helper()
	j.poll(fmt.Sprintf(`location.href.includes(%q) && document.readyState === "complete"`, part))
}

// waitText waits until the element sel shows text.
func (j *journey) waitText(sel, text string) {
	j.t.Helper()
	j.poll(fmt.Sprintf(`(document.querySelector(%q)?.textContent ?? "").includes(%q)`, sel, text))
}

// poll waits until the JavaScript expression is true in the page.
func (j *journey) poll(expr string) {
	j.t.Helper()
	for {
		_, err := chromedp.Run(j.ctx, chromedp.Poll[bool](expr))
		switch {
		case err == nil:
			return
		case j.ctx.Err() == nil && (strings.Contains(err.Error(), "context") || strings.Contains(err.Error(), "navigated")):
			// The page navigated while the poll ran: poll the new one.
			time.Sleep(50 * time.Millisecond)
		default:
			j.t.Fatalf("wait for %s: %v", expr, err)
		}
	}
}
