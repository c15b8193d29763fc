package web

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestHelpdeskBrowser drives the helpdesk journey in a real headless
// Chromium, once in English and once in French: a self-service user logs
// in, sees the counters, opens a ticket about their PC (preselected from
// the agent's link) and adds a followup; a technician takes it, adds a
// task, puts it on hold, then solves it; the user approves and the ticket
// closes. Screenshots of the key pages go to the test's artifact directory
// (go test -artifacts) and to PARC_TEST_SCREENSHOTS when set.
func TestHelpdeskBrowser(t *testing.T) {
	exe := chromiumPath(t)
	for _, tc := range []struct{ lang, accept, closed, toValidate string }{
		{"en", "en-US", "Closed", "To validate"},
		{"fr", "fr-FR", "Clos", "À valider"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e := newEnv(t)
			fx := e.helpdeskFixture()
			j := newJourney(t, exe, tc.accept, e.ts.URL)
			j.login("/helpdesk", "self-service", `#counter-to_validate`)
			if got := j.text("#counter-to_validate"); !strings.Contains(got, tc.toValidate) {
				t.Errorf("got counter %q; want %q", got, tc.toValidate)
			}
			j.shot("1-home")
			j.step("open the agent's link", chromedp.Navigate(e.ts.URL+"/tickets/new?device="+url.QueryEscape(fx.deviceID)),
				chromedp.WaitVisible(chromedp.ID("ticket-form")))
			if got := j.value("#asset"); got != fmt.Sprint(fx.pc) {
				t.Errorf("got device %q preselected; want %d", got, fx.pc)
			}
			j.step("describe the problem",
				chromedp.SendKeys(chromedp.ID("title"), "L'imprimante n'imprime plus <b>"),
				chromedp.SendKeys(chromedp.ID("content"), "Depuis ce matin."),
				chromedp.SetValue(chromedp.ID("urgency"), "4"))
			j.shot("2-new-ticket")
			j.step("send it", chromedp.Click(chromedp.ID("submit-ticket")), chromedp.WaitVisible(chromedp.ID("followup-form")))
			ticketURL := j.location()
			j.step("add a followup", chromedp.SendKeys(chromedp.ID("followup"), "Message d'erreur 0x42"),
				chromedp.Click(chromedp.ID("send-followup")), chromedp.WaitVisible(chromedp.CSS(".timeline-followup")))
			j.shot("3-ticket-requester")
			j.logout()

			j.login(strings.TrimPrefix(ticketURL, e.ts.URL), "technician", `#take`)
			j.step("take", chromedp.Click(chromedp.ID("take")), chromedp.WaitVisible(chromedp.CSS(".status-assigned")))
			j.step("add a task", chromedp.SendKeys(chromedp.ID("task"), "Changer le toner"),
				chromedp.SetValue(chromedp.ID("minutes"), "20"),
				chromedp.Click(chromedp.ID("add-task")), chromedp.WaitVisible(chromedp.CSS(".timeline-task")))
			j.step("put on hold", chromedp.Click(chromedp.ID("pending")), chromedp.WaitVisible(chromedp.CSS(".status-pending")))
			j.shot("4-ticket-technician")
			j.step("solve", chromedp.SendKeys(chromedp.ID("solution"), "Toner changé."),
				chromedp.Click(chromedp.ID("solve")), chromedp.WaitVisible(chromedp.CSS(".status-solved")))
			j.logout()

			j.login(strings.TrimPrefix(ticketURL, e.ts.URL), "self-service", `#approve`)
			j.shot("5-approval")
			j.step("approve", chromedp.Click(chromedp.ID("approve")), chromedp.WaitVisible(chromedp.CSS(".status-closed")))
			if got := j.text(".status-closed"); got != tc.closed {
				t.Errorf("got status %q; want %q", got, tc.closed)
			}
			if got := j.text("#ticket-title"); !strings.Contains(got, "<b>") {
				t.Errorf("got title %q; want the markup shown as text", got)
			}
			j.shot("6-closed")
			var id int64
			fmt.Sscanf(ticketURL[strings.LastIndex(ticketURL, "/")+1:], "%d", &id)
			if got := e.statusOf(id); got != 6 {
				t.Errorf("got ticket status %d in the store; want 6", got)
			}
		})
	}
}

// journey is one browser session of a test, with its helpers.
type journey struct {
	t    *testing.T
	ctx  context.Context
	base string
	dirs []string
}

func newJourney(t *testing.T, exe, acceptLang, base string) *journey {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("accept-lang", acceptLang), chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	bctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	t.Cleanup(cancelB)
	// The first action starts the browser: not under a timeout.
	if err := chromedp.Do(bctx, chromedp.Navigate(base+"/login")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tctx, cancelT := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(cancelT)
	j := &journey{t: t, ctx: tctx, base: base, dirs: []string{t.ArtifactDir()}}
	if d := os.Getenv("PARC_TEST_SCREENSHOTS"); d != "" {
		j.dirs = append(j.dirs, d)
	}
	return j
}

func (j *journey) step(what string, steps ...chromedp.Action[chromedp.Void]) {
	j.t.Helper()
	if err := chromedp.Do(j.ctx, steps...); err != nil {
		j.t.Fatalf("%s: %v", what, err)
	}
}

// login opens path, is sent to the login form, logs in as login and
// waits for the page's element wait.
func (j *journey) login(path, login, wait string) {
	j.t.Helper()
	j.step("log in as "+login, chromedp.Navigate(j.base+path), chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("login"), login), chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Submit(chromedp.ID("password")), chromedp.WaitVisible(chromedp.CSS(wait)))
}

func (j *journey) logout() {
	j.t.Helper()
	j.step("log out", chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("login")))
}

func (j *journey) text(sel string) string {
	j.t.Helper()
	v, err := chromedp.Run(j.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		j.t.Fatalf("read %s: %v", sel, err)
	}
	return strings.TrimSpace(v)
}

func (j *journey) value(sel string) string {
	j.t.Helper()
	v, err := chromedp.Run(j.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		j.t.Fatalf("read %s: %v", sel, err)
	}
	return v
}

func (j *journey) location() string {
	j.t.Helper()
	v, err := chromedp.Run(j.ctx, chromedp.Location())
	if err != nil {
		j.t.Fatalf("read location: %v", err)
	}
	return v
}

// shot saves a full-page screenshot in every screenshot directory.
func (j *journey) shot(name string) {
	j.t.Helper()
	png, err := chromedp.Run(j.ctx, chromedp.FullScreenshot(100)) // 100 gives a PNG; less, a JPEG
	if err != nil {
		j.t.Fatalf("screenshot %s: %v", name, err)
	}
	for _, d := range j.dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			j.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, name+".png"), png, 0o644); err != nil {
			j.t.Fatal(err)
		}
	}
}
