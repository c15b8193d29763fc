package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCatalogBrowser drives a self-service user through the "Hardware
// request" form in a real headless Chromium, in French: tile on the
// helpdesk home, the device question shown live by its condition, a
// refused submission with the error under its question and the answers
// kept, then the ticket page.
func TestCatalogBrowser(t *testing.T) {
	exe := chromiumPath(t)
	e := newEnv(t)
	fx := e.helpdeskFixture()
	j := newJourney(t, exe, "fr-FR", e.ts.URL)
	j.login("/helpdesk", "self-service", "#catalog-tile-1")
	if got := j.text("#catalog-tile-1"); !strings.Contains(got, "Demande de matériel") {
		t.Errorf("got tile %q; want the French name", got)
	}
	j.shot("forms-1-home")
	j.step("open the tile", chromedp.Click(chromedp.ID("catalog-tile-1")), chromedp.WaitVisible(chromedp.ID("catalog-form")),
		chromedp.WaitNotVisible(chromedp.ID("form-device")), chromedp.WaitNotVisible(chromedp.ID("form-other_kind")))
	j.step("answer", chromedp.SetValue(chromedp.ID("q_kind"), "laptop"),
		chromedp.SendKeys(chromedp.ID("q_quantity"), "2"),
		chromedp.Click(chromedp.ID("q_replacement_1")), chromedp.WaitVisible(chromedp.ID("form-device")))
	if got := j.value("#q_device"); got != fmt.Sprint(fx.pc) {
		t.Errorf("got device %q preselected; want %d", got, fx.pc)
	}
	j.shot("forms-2-form")
	j.step("send without a reason", chromedp.Click(chromedp.ID("submit-form")), chromedp.WaitVisible(chromedp.ID("error-reason")))
	if got := j.text("#error-reason"); got != "Cette réponse est obligatoire." {
		t.Errorf("got error %q; want the French one", got)
	}
	if got := j.value("#q_quantity"); got != "2" {
		t.Errorf("got quantity %q after the refusal; want the answer kept", got)
	}
	j.shot("forms-3-error")
	j.step("give the reason and send", chromedp.SendKeys(chromedp.ID("q_reason"), "Mon portable ne démarre plus."),
		chromedp.Click(chromedp.ID("submit-form")), chromedp.WaitVisible(chromedp.ID("ticket-form")))
	if got := j.text("#ticket-title"); !strings.HasSuffix(got, "Demande de matériel : Ordinateur portable x2 (Self-service)") {
		t.Errorf("got title %q", got)
	}
	if got := j.text("#ticket-content"); !strings.Contains(got, "Appareil à remplacer: PC-ACCUEIL-01") {
		t.Errorf("got description %q; want the device answered", got)
	}
	j.shot("forms-4-ticket")
	j.logout()
	j.login("/admin/forms/2", "admin", "#settings")
	if got := j.value("#s-approval"); got != "question" {
		t.Errorf("builder: got approval kind %q; want question", got)
	}
	j.shot("forms-5-builder")
}
