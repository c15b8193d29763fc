package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/notify"
	"github.com/parcproject/parc/collector/store"
)

// journeyPeople are the town hall's people of the new-arrival journey,
// each with a mailbox and French as their language.
type journeyPeople struct {
	requester, manager, tech *store.User
}

func (e *env) journeyPeople() journeyPeople {
	e.t.Helper()
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		e.t.Fatal(err)
	}
	wq, err := store.Web(e.st)
	if err != nil {
		e.t.Fatal(err)
	}
	mk := func(login, name, role string) *store.User {
		u := &store.User{Login: login, Name: name, Email: login + "@mairie.example", Role: role, PasswordHash: hash}
		if err := e.st.CreateUser(ctx, u); err != nil {
			e.t.Fatal(err)
		}
		if err := wq.SetUserPref(ctx, u.ID, store.PrefLang, "fr"); err != nil {
			e.t.Fatal(err)
		}
		return u
	}
	return journeyPeople{
		requester: mk("agnes", "Agnès Roux", store.RoleSelfService),  // the HR assistant who announces
		manager:   mk("marc", "Marc Lefèvre", store.RoleSelfService), // the new colleague's manager
		tech:      mk("theo", "Théo Martin", store.RoleTechnician),   // IT
	}
}

// startMailQueue runs the notification service and the job worker that
// sends its mail, to the capture's SMTP server, until the test ends.
func (e *env) startMailQueue(mc *mailCapture) {
	e.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := notify.New(e.st, log, config.Mail{From: "Parc <helpdesk@mairie.example>",
		SMTP: config.MailPeer{Host: "127.0.0.1", Port: mc.port, TLS: "none"}}, e.ts.URL)
	if err != nil {
		e.t.Fatal(err)
	}
	wk, err := jobs.NewWorker(e.st, log, jobs.WorkerOptions{Poll: 50 * time.Millisecond})
	if err != nil {
		e.t.Fatal(err)
	}
	svc.Register(wk)
	wctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { wk.Run(wctx); close(done) }()
	e.t.Cleanup(func() { stop(); <-done })
}

// wantMail checks the mails received since the previous step: exactly
// one per person told, to that person, about the ticket, saying what
// happened (the headline, in French).
func wantMail(t *testing.T, mc *mailCapture, seen *int, step, subject string, want map[string]string) {
	t.Helper()
	all := mc.wait(t, *seen+len(want))
	// Mail is sent by the queue: let any unexpected extra arrive too.
	time.Sleep(300 * time.Millisecond)
	all = mc.read(t)
	got := all[*seen:]
	*seen = len(all)
	if len(got) != len(want) {
		t.Errorf("%s: got %d mails %+v; want %d", step, len(got), got, len(want))
	}
	for _, m := range got {
		if len(m.Rcpt) != 1 {
			t.Errorf("%s: got recipients %q; want one per mail", step, m.Rcpt)
			continue
		}
		headline, ok := want[m.Rcpt[0]]
		if !ok {
			t.Errorf("%s: got a mail to %s; want none", step, m.Rcpt[0])
			continue
		}
		if m.Subject != subject {
			t.Errorf("%s: mail to %s has subject %q; want %q", step, m.Rcpt[0], m.Subject, subject)
		}
		if !strings.Contains(m.Text, headline) {
			t.Errorf("%s: mail to %s lacks %q:\n%s", step, m.Rcpt[0], headline, m.Text)
		}
		delete(want, m.Rcpt[0])
	}
	for to := range want {
		t.Errorf("%s: got no mail to %s; want one", step, to)
	}
}

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

// chartTotals reads the statistics page's charts as drawn: the total of
// each dataset, by its label.
func (j *journey) chartTotals() map[string]float64 {
	j.t.Helper()
	type dataset struct {
		Label string  `json:"label"`
		Sum   float64 `json:"sum"`
	}
	ds, err := chromedp.Run(j.ctx, chromedp.Evaluate[[]dataset](`Array.from(document.querySelectorAll("canvas.stats-chart")).flatMap(function (c) {
		var ch = window.Chart && window.Chart.getChart(c);
		return ch ? ch.data.datasets.map(function (d) {
			return {label: d.label, sum: d.data.reduce(function (a, b) { return a + b; }, 0)};
		}) : [];
	})`))
	if err != nil {
		j.t.Fatalf("read the charts: %v", err)
	}
	sums := map[string]float64{}
	for _, d := range ds {
		sums[d.Label] += d.Sum
	}
	return sums
}

// waitSatisfaction waits for the survey answer of a ticket to be stored
// (the form's post leads to a page the test cannot tell from the one
// before).
func (e *env) waitSatisfaction(id int64) {
	e.t.Helper()
	sq, err := store.Satisfactions(e.st)
	if err != nil {
		e.t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if _, err := sq.GetSatisfaction(ctx, id); err == nil {
			return
		}
	}
	e.t.Fatalf("ticket %d: got no satisfaction answer stored; want the one sent", id)
}
