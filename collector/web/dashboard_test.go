package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

func TestDashboard(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples()
	old := &store.Asset{Type: store.TypeComputer, Name: "old-pc", Manufacturer: "Dell", PurchaseDate: "2019-05-02",
		WarrantyEnd: time.Now().AddDate(0, 0, 10).Format(time.DateOnly), LastInventoryAt: time.Now().AddDate(0, 0, -60)}
	if err := e.st.CreateAsset(ctx, old); err != nil {
		t.Fatal(err)
	}
	resp, body := e.as("observer").get("/")
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{
		`<a href="/assets?type=computer">Computer</a></td>`, `<a href="/assets?type=printer">Printer</a>`,
		`<a href="/assets?os=Fedora%2031%20%28Workstation%20Edition%29">`, `<a href="/assets?manufacturer=Dell">Dell</a>`,
		`<td>2019</td>`, // purchase year, not a link
		`href="/assets?seen=30"><span class="display-6">1</span>`,
		`warranty=90&amp;sort=warranty_end"><span class="display-6">1</span>`,
		`data-chart="doughnut"`, "chart.umd.min.js",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	// The warranty link lists that computer.
	_, body = e.as("observer").get("/assets?type=computer&warranty=90&sort=warranty_end")
	if !strings.Contains(body, ">old-pc</a>") || strings.Contains(body, ">glpixps</a>") {
		t.Error("the warranty view does not list exactly old-pc")
	}
	// Self-service users see no park figures: they land on their helpdesk home.
	resp, _ = e.as("self-service").get("/")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/helpdesk" {
		t.Errorf("self-service home: got %d to %q; want 303 to /helpdesk", resp.StatusCode, resp.Header.Get("Location"))
	}
}
