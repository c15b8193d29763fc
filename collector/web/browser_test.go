package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's chromium for a browser test. A missing
// browser fails the test with the command that installs it: make test
// (scripts/test-deps.sh) always does.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed; run scripts/test-deps.sh (apt-get install chromium)")
	return ""
}

// TestBrowser drives a real headless Chromium: log in, search the park,
// open the asset and find its software, on a phone-sized window. The
// dashboard's charts must draw under the content security policy, and the
// language switcher must turn the pages French.
func TestBrowser(t *testing.T) {
	exe := chromiumPath(t)
	e := newEnv(t)
	e.ingestExamples("computer_1.json", "printer_1.json")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("accept-lang", "en-US"), chromedp.WindowSize(390, 844), // a phone
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancelB()
	// The first action starts the browser: it must not run under a timeout
	// (that would stop the browser), the later ones do.
	if err := chromedp.Do(bctx, chromedp.Navigate(e.ts.URL+"/")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tctx, cancelT := context.WithTimeout(bctx, 60*time.Second)
	defer cancelT()
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// shot saves a full-page screenshot when PARC_TEST_SCREENSHOTS names a
	// directory, to look at the pages as a phone shows them.
	shot := func(name string) {
		t.Helper()
		dir := os.Getenv("PARC_TEST_SCREENSHOTS")
		if dir == "" {
			return
		}
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	value := func(what string, a chromedp.Action[string]) string {
		t.Helper()
		v, err := chromedp.Run(tctx, a)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	step("log in",
		chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("login"), "technician"),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Submit(chromedp.ID("password")),
		chromedp.WaitVisible(chromedp.CSS("canvas.chart:not([hidden])")),
		// The language switcher: French from now on, for this user.
		chromedp.Click(chromedp.CSS(`button[name="lang"][value="fr"]`)),
		chromedp.WaitVisible(chromedp.CSS(`button[name="lang"][value="en"]`)),
		chromedp.WaitVisible(chromedp.CSS("canvas.chart:not([hidden])")),
	)
	charts, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("canvas.chart:not([hidden])").length`))
	if err != nil {
		t.Fatalf("count charts: %v", err)
	}
	heading := value("read heading", chromedp.Text(chromedp.CSS("h1")))
	shot("dashboard")
	step("search the park",
		chromedp.Click(chromedp.CSS(`a[href="/assets"]`)),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "glpixps"),
		chromedp.Submit(chromedp.ID("q")),
		// The value attribute is the server's: the results page is loaded.
		chromedp.WaitVisible(chromedp.CSS(`input#q[value="glpixps"]`)),
	)
	shot("park")
	step("open the asset",
		chromedp.WaitVisible(chromedp.Search(`//table[@id="assets"]//a[text()="glpixps"]`)),
		chromedp.Click(chromedp.Search(`//table[@id="assets"]//a[text()="glpixps"]`)),
		chromedp.WaitVisible(chromedp.ID("software-table")),
	)
	shot("asset")
	assetURL := value("read location", chromedp.Location())
	software := value("read software", chromedp.Text(chromedp.ID("software-table")))
	if heading != "Tableau de bord" {
		t.Errorf("got heading %q; want the French dashboard after switching", heading)
	}
	if charts != 4 {
		t.Errorf("got %d charts drawn; want 4", charts)
	}
	if want := fmt.Sprintf("/assets/%d", e.assets["computer_1.json"]); !strings.HasSuffix(assetURL, want) {
		t.Errorf("got asset page %q; want %s", assetURL, want)
	}
	for _, name := range []string{"gnome-calculator", "gitg", "tar"} {
		if !strings.Contains(software, name) {
			t.Errorf("software list lacks %s", name)
		}
	}
}
