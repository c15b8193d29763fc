package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

// TestApprovalBrowser drives an approval in a real headless Chromium, in
// English and in French: a technician asks the manager to approve a
// ticket; the manager sees the counter on the helpdesk home, follows it to
// the list and the ticket, is told a refusal needs a comment, then
// approves; the ticket shows the approval state. Screenshots go to the
// test's artifact directory and to PARC_TEST_SCREENSHOTS when set.
func TestApprovalBrowser(t *testing.T) {
	exe := chromiumPath(t)
	for _, tc := range []struct{ lang, accept, counter, comment, badge, global string }{
		{"en", "en-US", "Approvals to give", "comment", "Approved", "Accepted"},
		{"fr", "fr-FR", "Validations à donner", "commentaire", "Validé", "Acceptée"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			e := newEnv(t)
			hash, err := auth.HashPassword(testPassword)
			if err != nil {
				t.Fatal(err)
			}
			boss := &store.User{Login: "manager", Name: "Claire Manager", Role: store.RoleSelfService, PasswordHash: hash}
			if err := e.st.CreateUser(ctx, boss); err != nil {
				t.Fatal(err)
			}
			id, _ := e.ticketOf("self-service", 2)
			path := fmt.Sprintf("/tickets/%d", id)
			j := newJourney(t, exe, tc.accept, e.ts.URL)

			j.login(path, "technician", `#approval-request-form`)
			j.step("ask the manager", chromedp.SetValue(chromedp.ID("approval-users"), fmt.Sprint(boss.ID)),
				chromedp.SetValue(chromedp.ID("approval-percent"), "100"),
				chromedp.SendKeys(chromedp.ID("approval-request-comment"), "Nouveau portable pour Jeanne"),
				chromedp.Click(chromedp.ID("approval-send")), chromedp.WaitVisible(chromedp.ID("approval-list")))
			j.shot("1-approval-asked")
			j.logout()

			j.login("/helpdesk", "manager", `#counter-approvals`)
			if got := j.text("#counter-approvals"); !strings.Contains(got, tc.counter) || !strings.Contains(got, "1") {
				t.Errorf("got counter %q; want 1 %s", got, tc.counter)
			}
			j.shot("2-home-counter")
			j.step("open the list", chromedp.Click(chromedp.ID("counter-approvals")), chromedp.WaitVisible(chromedp.ID("approvals-to-give")))
			j.step("open the ticket", chromedp.Click(chromedp.CSS(`#approvals-to-give a`)), chromedp.WaitVisible(chromedp.CSS(".approval-answer")))
			j.shot("3-ticket-approver")
			j.step("refuse without a comment", chromedp.Click(chromedp.ID("approval-refuse")), chromedp.WaitVisible(chromedp.CSS(".alert")))
			if got := j.text(".alert"); !strings.Contains(got, tc.comment) {
				t.Errorf("got error %q; want it to name the %s field", got, tc.comment)
			}
			j.step("back to the ticket", chromedp.Navigate(e.ts.URL+path), chromedp.WaitVisible(chromedp.CSS(".approval-answer")))
			j.step("approve", chromedp.Click(chromedp.ID("approval-accept")), chromedp.WaitVisible(chromedp.CSS(".validation-3")))
			if got := j.text("#approval-global"); got != tc.global {
				t.Errorf("got global state %q; want %q", got, tc.global)
			}
			if got := j.text(".validation-3"); got != tc.badge {
				t.Errorf("got badge %q; want %q", got, tc.badge)
			}
			j.shot("4-approved")
		})
	}
}
