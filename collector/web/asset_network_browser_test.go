package web

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestPrinterPageBrowser opens a printer's page in headless Chromium: the
// pages-per-month bar chart and the supply-levels line chart must draw
// under the content security policy, their tables turned into screen
// reader text.
func TestPrinterPageBrowser(t *testing.T) {
	exe := chromiumPath(t)
	e := newEnv(t)
	_, _, prn, _ := e.netReports()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("accept-lang", "en-US"),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancelB()
	if err := chromedp.Do(bctx, chromedp.Navigate(e.ts.URL+"/login")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tctx, cancelT := context.WithTimeout(bctx, 60*time.Second)
	defer cancelT()
	err := chromedp.Do(tctx,
		chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("login"), "observer"),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Submit(chromedp.ID("password")),
		chromedp.WaitVisible(chromedp.ID("low-supplies-card")),
		chromedp.Navigate(e.ts.URL+"/assets/"+itoa64(prn)),
		chromedp.WaitVisible(chromedp.CSS("#pages-per-month canvas.chart:not([hidden])")),
		chromedp.WaitVisible(chromedp.CSS("#supply-levels canvas.chart-lines:not([hidden])")),
	)
	if err != nil {
		t.Fatalf("printer page charts: %v", err)
	}
	hidden, err := chromedp.Run(tctx, chromedp.Evaluate[bool](
		`document.querySelector("#supply-levels .table-responsive").classList.contains("visually-hidden")`))
	if err != nil || !hidden {
		t.Errorf("got levels table hidden %v, %v; want it kept for screen readers only", hidden, err)
	}
}
