package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/snmppoll/snmppolltest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// TestNetworkDiscoveryBrowser is the "done when": on a simulated
// site (a printer and a switch on loopback addresses among silent ones),
// an administrator enters a credential, then a job with the range and the
// community in a real Chromium, runs it, watches the progress reach 100 %,
// and finds both devices in the park, the switch with its ports and the
// printer with its supplies. A PC an agent reported before the run is
// then linked to the access switch port its MAC was learnt on: its page
// names the switch, the port and the VLAN, and the switch's page shows
// the PC on that port. Screenshots go to the test's artifact directory
// (go test -artifacts keeps them).
func TestNetworkDiscoveryBrowser(t *testing.T) {
	exe := chromiumPath(t)
	site := snmppolltest.Start(t, snmppolltest.Walks)
	e := newEnv(t)
	svc := e.withNetwork()
	pc := e.accessPC()
	w, err := jobs.NewWorker(e.st, slog.New(slog.NewTextHandler(io.Discard, nil)), jobs.WorkerOptions{Poll: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	svc.Register(w)
	wctx, stopWorker := context.WithCancel(context.Background())
	workerDone := make(chan struct{})
	go func() { w.Run(wctx); close(workerDone) }()
	defer func() { stopWorker(); <-workerDone }()

	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("accept-lang", "en-US"), chromedp.WindowSize(1280, 900))
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	defer cancelB()
	if err := chromedp.Do(bctx, chromedp.Navigate(e.ts.URL+"/login")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tctx, cancelT := context.WithTimeout(bctx, 120*time.Second)
	defer cancelT()
	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	shots := t.ArtifactDir()
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}

	step("log in as an administrator",
		chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("login"), store.RoleAdmin),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Submit(chromedp.ID("password")),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/network"]`)),
	)
	step("add the site's community",
		chromedp.Click(chromedp.CSS(`a[href="/network"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/network/credentials"]`)),
		chromedp.WaitVisible(chromedp.ID("c-name")),
		chromedp.SendKeys(chromedp.ID("c-name"), "site"),
		chromedp.SendKeys(chromedp.ID("c-community"), snmppolltest.Community),
		chromedp.Click(chromedp.ID("add-credential")),
		chromedp.WaitVisible(chromedp.Search(`//table[@id="credential-list"]//td[text()="site"]`)),
	)
	creds, err := svc.Credentials(context.Background())
	if err != nil || len(creds) != 1 {
		t.Fatalf("got credentials %+v, %v; want the one typed", creds, err)
	}
	step("create the job",
		chromedp.Navigate(e.ts.URL+"/network"),
		chromedp.Click(chromedp.ID("new-job")),
		chromedp.WaitVisible(chromedp.ID("j-name")),
		chromedp.SendKeys(chromedp.ID("j-name"), "Site B"),
		chromedp.SetValue(chromedp.ID("j-targets"), site.Range+"\n"+site.AccessSwitch),
		chromedp.SetValue(chromedp.ID("j-cred1"), strconv.FormatInt(creds[0].ID, 10)),
		chromedp.SetValue(chromedp.ID("j-timeout"), "300"),
		chromedp.SetValue(chromedp.ID("j-retries"), "0"),
		chromedp.SetValue(chromedp.ID("j-port"), strconv.Itoa(site.Port)),
	)
	shot("job-form")
	step("save it and run it",
		chromedp.Click(chromedp.ID("save-job")),
		chromedp.WaitVisible(chromedp.Search(`//table[@id="job-list"]//td[text()="Site B"]`)),
		chromedp.Click(chromedp.CSS(`button[id^="run-"]`)),
		chromedp.WaitVisible(chromedp.ID("run-progress")),
	)
	// Watch the bar: the page polls its progress and reloads when done.
	var seen []string
	deadline := time.Now().Add(90 * time.Second)
	for {
		state, err := chromedp.Run(tctx, chromedp.Evaluate[string](`(document.getElementById("run-state")||{}).dataset?.state || ""`))
		if err == nil {
			pct, _ := chromedp.Run(tctx, chromedp.Evaluate[string](`String((document.getElementById("run-progress")||{}).value)`))
			if len(seen) == 0 || seen[len(seen)-1] != pct {
				seen = append(seen, pct)
			}
			if state == store.SNMPRunDone || state == store.SNMPRunFailed {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the run page never showed the end of the run; progress seen %v", seen)
		}
		time.Sleep(100 * time.Millisecond)
	}
	shot("run")
	t.Logf("progress values shown while watching: %v", seen)
	if got := seen[len(seen)-1]; got != "100" {
		t.Errorf("progress ended at %s; want 100", got)
	}
	if st := text("#run-state"); !strings.Contains(st, "Finished") {
		t.Fatalf("run state %q; want Finished (error: %s)", st, text("#run-status"))
	}
	for ip, typ := range map[string]string{site.Printer: "Printer", site.Switch: "Networking", site.AccessSwitch: "Networking"} {
		row := fmt.Sprintf(`//table[@id="result-list"]//tr[@data-ip=%q][@data-status="imported"]`, ip)
		step("result of "+ip, chromedp.WaitVisible(chromedp.Search(row)))
		if got := text(fmt.Sprintf(`tr[data-ip=%q]`, ip)); !strings.Contains(got, typ) {
			t.Errorf("result row of %s: %q; want a %s", ip, got, typ)
		}
	}
	step("the park lists the printer", chromedp.Navigate(e.ts.URL+"/assets?type=printer"), chromedp.WaitVisible(chromedp.ID("assets")))
	shot("park-printers")
	if got := text("#assets"); !strings.Contains(got, "Brother") {
		t.Errorf("printers in the park: %q; want the Brother", got)
	}
	step("the park lists the switch", chromedp.Navigate(e.ts.URL+"/assets?type=network"), chromedp.WaitVisible(chromedp.ID("assets")))
	shot("park-switches")
	if got := text("#assets"); !strings.Contains(got, "ShiTang") {
		t.Errorf("switches in the park: %q; want ShiTang, the Catalyst", got)
	}
	// The devices' pages show what their inventory read (ports and VLANs
	// of the switch, supplies of the printer).
	runs, err := svc.Runs(context.Background(), 0, 1)
	if err != nil || len(runs) != 1 {
		t.Fatalf("got runs %+v, %v; want the one run", runs, err)
	}
	results, err := svc.Results(context.Background(), runs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	asset := map[string]int64{}
	for _, r := range results {
		asset[r.IP] = r.AssetID
	}
	step("open the switch", chromedp.Navigate(fmt.Sprintf("%s/assets/%d", e.ts.URL, asset[site.Switch])),
		chromedp.WaitVisible(chromedp.ID("ports-table")))
	shot("switch")
	ports, err := chromedp.Run(tctx, chromedp.Evaluate[int](`document.querySelectorAll("#ports-table tbody tr").length`))
	if err != nil || ports < 48 {
		t.Errorf("switch page: %d port rows (%v); want the Catalyst's 48 ports and more", ports, err)
	}
	step("open the printer", chromedp.Navigate(fmt.Sprintf("%s/assets/%d", e.ts.URL, asset[site.Printer])),
		chromedp.WaitVisible(chromedp.ID("supplies")))
	shot("printer")
	if got := text("#supplies"); !strings.Contains(got, "Black Toner") {
		t.Errorf("printer supplies: %q; want the black toner", got)
	}
	step("open the PC", chromedp.Navigate(fmt.Sprintf("%s/assets/%d", e.ts.URL, pc)),
		chromedp.WaitVisible(chromedp.ID("network-links")))
	shot("pc")
	if got := text("#network-links"); !strings.Contains(got, "DUMSYS-64") || !strings.Contains(got, "port "+snmppolltest.AccessPort) ||
		!strings.Contains(got, "VLAN 71") {
		t.Errorf("PC's network: %q; want switch DUMSYS-64, port %s (VLAN 71)", got, snmppolltest.AccessPort)
	}
	step("open the access switch", chromedp.Navigate(fmt.Sprintf("%s/assets/%d", e.ts.URL, asset[site.AccessSwitch])),
		chromedp.WaitVisible(chromedp.ID("ports-table")))
	shot("access-switch")
	row := fmt.Sprintf(`//table[@id="ports-table"]//tr[td[1]/strong[text()=%q]]`, snmppolltest.AccessPort)
	step("find the PC's port", chromedp.ScrollIntoView(chromedp.Search(row)))
	shot("access-switch-port")
	onPort, err := chromedp.Run(tctx, chromedp.Text(chromedp.Search(row)))
	if err != nil {
		t.Fatalf("read the PC's port: %v", err)
	}
	if !strings.Contains(onPort, accessPCName) {
		t.Errorf("access switch port %s: %q; want %s on it", snmppolltest.AccessPort, onPort, accessPCName)
	}
	t.Logf("screenshots in %s", shots)
}

// accessPCName is the PC plugged into the access switch.
const accessPCName = "PC-ACCUEIL-2"

// accessPC ingests the agent report of a PC whose network card has the
// MAC the simulated access switch learnt on one of its ports, as an agent
// posting its inventory would, and returns its asset.
func (e *env) accessPC() int64 {
	e.t.Helper()
	in, err := ingest.New(e.st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		e.t.Fatal(err)
	}
	r := &inventory.Report{Action: "inventory", DeviceID: "pc-accueil-2", ItemType: "Computer", Content: inventory.Content{
		VersionClient: "Parc", Hardware: &inventory.Hardware{Name: accessPCName, UUID: "uuid-access-0001"},
		Networks: []inventory.Network{{Description: "eth0", MAC: snmppolltest.AccessPC}}}}
	res, err := in.Ingest(ctx, ingest.Source{Origin: "glpi"}, r)
	if err != nil {
		e.t.Fatal(err)
	}
	return res.AssetID
}
