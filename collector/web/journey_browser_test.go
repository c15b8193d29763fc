package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// TestNewArrivalJourney is issue #6's "done when", in a real headless
// Chromium and in French: the HR assistant announces a new colleague
// through the "New arrival" form of the service catalogue, naming the
// manager as approver; the manager sees the approval counter and
// approves; a technician takes the ticket, adds a followup, solves it and
// saves the solution as a FAQ article, which the assistant finds from the
// helpdesk home; the assistant accepts the solution, the ticket closes
// and the assistant rates the service. At each step the local SMTP
// server must have received one mail per person told, with the ticket's
// subject and a line saying what happened; at the end the statistics
// page counts the ticket in its tables and draws it in its charts.
// Screenshots go to the test's artifact directory and to
// PARC_TEST_SCREENSHOTS when set.
func TestNewArrivalJourney(t *testing.T) {
	exe := chromiumPath(t)
	mc := startMailCapture(t)
	e := newEnv(t)
	p := e.journeyPeople()
	e.startMailQueue(mc)
	fq, err := store.Forms(e.st)
	if err != nil {
		t.Fatal(err)
	}
	forms, err := fq.ListForms(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(forms, func(f store.Form) bool { return f.NameEN == "New arrival" })
	if i < 0 {
		t.Fatalf("got forms %+v; want the seeded New arrival", forms)
	}
	formID := forms[i].ID
	seen := 0
	// loaded waits for the page a click led to to finish loading, so the
	// next action does not hold a node of a document being replaced.
	loaded := chromedp.Poll[chromedp.Void](`document.readyState === "complete"`)
	j := newJourney(t, exe, "fr-FR", e.ts.URL)

	// 1. The HR assistant fills the form from the helpdesk home's tile.
	j.login("/helpdesk", p.requester.Login, fmt.Sprintf("#catalog-tile-%d", formID))
	j.step("settle", loaded)
	j.shot("journey-1-home")
	j.step("open the New arrival tile", chromedp.Click(chromedp.ID(fmt.Sprintf("catalog-tile-%d", formID))),
		chromedp.WaitVisible(chromedp.ID("catalog-form")), loaded)
	start := time.Now().AddDate(0, 0, 14).Format(time.DateOnly)
	j.step("fill the identity",
		chromedp.SendKeys(chromedp.ID("q_lastname"), "Bernard"),
		chromedp.SendKeys(chromedp.ID("q_firstname"), "Chloé"),
		chromedp.SetValue(chromedp.ID("q_department"), "planning"),
		chromedp.SendKeys(chromedp.ID("q_job"), "Instructrice droit des sols"),
		chromedp.SetValue(chromedp.ID("q_start_date"), start),
		chromedp.SetValue(chromedp.ID("q_manager"), strconv.FormatInt(p.manager.ID, 10)))
	j.step("choose equipment and accounts",
		chromedp.Click(chromedp.CSS(`#form-equipment input[value="laptop"]`)),
		chromedp.Click(chromedp.CSS(`#form-equipment input[value="badge"]`)),
		chromedp.Click(chromedp.CSS(`#form-accounts input[value="session"]`)),
		chromedp.Click(chromedp.CSS(`#form-accounts input[value="mail"]`)))
	j.shot("journey-2-form")
	j.step("submit", chromedp.Click(chromedp.ID("submit-form")), chromedp.WaitVisible(chromedp.ID("ticket-title")), loaded)
	ticketURL := strings.TrimPrefix(j.location(), e.ts.URL)
	id, err := strconv.ParseInt(ticketURL[strings.LastIndex(ticketURL, "/")+1:], 10, 64)
	if err != nil {
		t.Fatalf("got ticket page %q; want /tickets/N", ticketURL)
	}
	if got := j.text("#ticket-title"); !strings.HasSuffix(got, "Nouvel arrivant : Bernard Chloé") {
		t.Errorf("got ticket title %q; want the form's title with the answers", got)
	}
	j.shot("journey-3-ticket-requested")
	subject := notify.Subject(id, "Nouvel arrivant : Bernard Chloé")
	wantMail(t, mc, &seen, "submission", subject, map[string]string{
		// The form asks on the requester's behalf: the mail names no one.
		p.manager.Email: fmt.Sprintf("vous demande de valider le ticket n° %d.", id),
	})
	j.logout()

	// 2. The manager sees the counter of approvals to give and approves.
	j.login("/helpdesk", p.manager.Login, "#counter-approvals")
	j.step("settle", loaded)
	if got := j.text("#counter-approvals"); !strings.HasPrefix(got, "1") {
		t.Errorf("got approval counter %q; want 1", got)
	}
	j.shot("journey-4-manager-home")
	j.step("open the approvals", chromedp.Click(chromedp.ID("counter-approvals")),
		chromedp.WaitVisible(chromedp.ID("approvals-to-give")), loaded)
	j.step("open the ticket", chromedp.Click(chromedp.CSS(`#approvals-to-give a[href^="/tickets/`+strconv.FormatInt(id, 10)+`"]`)),
		chromedp.WaitVisible(chromedp.ID("approval-accept")), loaded)
	j.shot("journey-5-approval")
	j.step("approve", chromedp.Click(chromedp.ID("approval-accept")), chromedp.WaitVisible(chromedp.CSS(".approval-status-3")), loaded)
	wantMail(t, mc, &seen, "approval", subject, map[string]string{
		p.requester.Email: fmt.Sprintf("Marc Lefèvre a validé le ticket n° %d.", id),
	})
	j.logout()

	// 3. IT takes the ticket, adds a followup and solves it.
	j.login(ticketURL, p.tech.Login, "#take")
	j.step("settle", loaded)
	j.step("take", chromedp.Click(chromedp.ID("take")), chromedp.WaitVisible(chromedp.CSS(".status-assigned")), loaded)
	wantMail(t, mc, &seen, "take", subject, map[string]string{
		p.requester.Email: fmt.Sprintf("Théo Martin a attribué le ticket n° %d.", id),
	})
	j.step("add a followup", chromedp.SendKeys(chromedp.ID("followup"), "Portable et badge commandés, comptes créés le 1er jour."),
		chromedp.Click(chromedp.ID("send-followup")), chromedp.WaitVisible(chromedp.CSS(".timeline-followup")), loaded)
	wantMail(t, mc, &seen, "followup", subject, map[string]string{
		p.requester.Email: fmt.Sprintf("Théo Martin a ajouté un suivi au ticket n° %d", id),
	})
	j.step("solve", chromedp.SendKeys(chromedp.ID("solution"), "Poste prêt : portable, badge, session et messagerie."),
		chromedp.Click(chromedp.ID("solve")), chromedp.WaitVisible(chromedp.CSS(".status-solved")), loaded)
	j.shot("journey-6-solved")
	wantMail(t, mc, &seen, "solution", subject, map[string]string{
		p.requester.Email: fmt.Sprintf("Théo Martin a proposé une solution au ticket n° %d.", id),
	})
	j.step("save the solution as a FAQ article", chromedp.Click(chromedp.CSS("#kb-save-solution a")),
		chromedp.WaitVisible(chromedp.ID("kb-form")), loaded, chromedp.Click(chromedp.ID("kb-faq")),
		// Saved unticked, the article would stay internal: be sure the
		// click took before saving.
		chromedp.WaitVisible(chromedp.CSS("#kb-faq:checked")),
		chromedp.Click(chromedp.ID("kb-save")), chromedp.WaitVisible(chromedp.ID("kb-body")), loaded)
	j.logout()

	// 4. The assistant finds the answer in the FAQ, then accepts the
	// solution: the ticket closes.
	j.login("/helpdesk", p.requester.Login, "#faq-search")
	j.step("settle", loaded)
	j.step("search the FAQ", chromedp.SendKeys(chromedp.ID("faq-q"), "arrivant"), chromedp.Submit(chromedp.ID("faq-q")),
		chromedp.WaitVisible(chromedp.ID("kb-articles")), loaded)
	if got := j.text("#kb-articles"); !strings.Contains(got, "Nouvel arrivant : Bernard Chloé") {
		t.Errorf("got FAQ %q; want the article saved from the solution", got)
	}
	j.shot("journey-7-faq")
	j.step("open the ticket", chromedp.Navigate(e.ts.URL+ticketURL), chromedp.WaitVisible(chromedp.ID("approve")), loaded)
	j.step("accept the solution", chromedp.Click(chromedp.ID("approve")), chromedp.WaitVisible(chromedp.CSS(".status-closed")), loaded)
	j.step("rate the service", chromedp.Click(chromedp.ID("rating-5")),
		chromedp.SendKeys(chromedp.ID("survey-comment"), "Tout était prêt le premier jour."),
		chromedp.Click(chromedp.CSS(`#survey button[type="submit"]`)))
	e.waitSatisfaction(id)
	j.step("see the answer", chromedp.Navigate(e.ts.URL+ticketURL), chromedp.WaitVisible(chromedp.ID("survey")), loaded)
	j.shot("journey-8-closed")
	wantMail(t, mc, &seen, "closing", subject, map[string]string{
		p.tech.Email: fmt.Sprintf("Agnès Roux a changé le statut du ticket n° %d", id),
	})
	if got := e.statusOf(id); got != 6 {
		t.Errorf("got ticket status %d in the store; want 6 (closed)", got)
	}
	j.logout()

	// 5. The statistics count the ticket, in the tables and the charts.
	j.login("/stats?preset=30d&period=week", p.tech.Login, "#stats-series")
	j.step("settle", loaded)
	j.step("wait for the charts", chromedp.WaitVisible(chromedp.CSS("canvas.stats-chart")))
	j.shot("journey-9-stats")
	if got := j.text("#stats-technician tbody"); !strings.Contains(got, "Théo Martin") {
		t.Errorf("got technician table %q; want Théo Martin's row", got)
	}
	if got := j.text("#stats-satisfaction"); !strings.Contains(got, "5,0 / 5") && !strings.Contains(got, "5.0 / 5") {
		t.Errorf("got satisfaction %q; want the rating of 5", got)
	}
	sums := j.chartTotals()
	for _, col := range []string{"Ouverts", "Résolus", "Clos"} {
		if sums[col] != 1 {
			t.Errorf("chart series %q: got a total of %v; want 1 (the new arrival's ticket); all: %v", col, sums[col], sums)
		}
	}
}
