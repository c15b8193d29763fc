package web

import (
	"context"
	"io"
	"log/slog"
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
