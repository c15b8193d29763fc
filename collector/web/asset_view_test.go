package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func TestAssetView(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	id := e.assets["computer_1.json"]
	resp, body := e.as("observer").get(fmt.Sprintf("/assets/%d", id))
	wantStatus(t, resp, http.StatusOK)
	for _, want := range []string{
		`id="asset-name">glpixps<`, "640HP72", "Fedora 31",
		`id="section-cpus"`, `id="section-memories"`, `id="section-storages"`, `id="section-networks"`, `id="section-bios"`,
		`id="section-drives"`, `<meter class="space"`, // free-space bars
		">gnome-calculator</a>", // software
		">DJCP6</a>",            // the monitor, linked as an asset
		"created by inventory",  // history
	} {
		if !strings.Contains(body, want) {
			t.Errorf("asset page lacks %q", want)
		}
	}
	if strings.Contains(body, `/edit"`) {
		t.Error("an observer is offered the edit button")
	}
	// The monitor links back to its computer.
	monitors, err := e.st.ListChildren(ctx, id, store.TypeMonitor)
	if err != nil || len(monitors) != 1 {
		t.Fatalf("got %v, %v; want one monitor", monitors, err)
	}
	_, body = e.as("observer").get(fmt.Sprintf("/assets/%d", monitors[0].ID))
	if !strings.Contains(body, fmt.Sprintf(`<a href="/assets/%d">glpixps</a>`, id)) {
		t.Error("the monitor page does not link to its computer")
	}
	resp, _ = e.as("observer").get("/assets/999999")
	wantStatus(t, resp, http.StatusNotFound)
	resp, _ = e.as("observer").get("/assets/abc")
	wantStatus(t, resp, http.StatusNotFound)
}

func TestAssetEditLocksAndUnlock(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	id := e.assets["computer_1.json"]
	path := fmt.Sprintf("/assets/%d", id)
	c := e.as("technician")
	resp, body := c.get(path + "/edit")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, `name="name" value="glpixps"`) {
		t.Fatal("edit form lacks the current name")
	}
	resp, _ = c.post(path+"/edit", url.Values{"name": {"compta-01"}, "inventory_number": {""}, "comment": {"Bureau 12"},
		"purchase_cents": {"1 234,50"}, "warranty_end": {"2027-06-30"}})
	wantStatus(t, resp, http.StatusSeeOther)
	a, err := e.st.GetAsset(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Name != "compta-01" || a.Comment != "Bureau 12" || a.PurchaseCents != 123450 || a.WarrantyEnd != "2027-06-30" {
		t.Fatalf("got %q %q %d %q; want the edited values", a.Name, a.Comment, a.PurchaseCents, a.WarrantyEnd)
	}
	_, body = c.get(path)
	for _, want := range []string{`data-locked="name"`, "locked by technician", "<q>glpixps</q>", "<td>technician</td>", "compta-01"} {
		if !strings.Contains(body, want) {
			t.Errorf("asset page lacks %q after the edit", want)
		}
	}
	if strings.Contains(body, `data-locked="comment"`) {
		t.Error("a manual field got locked")
	}
	// A bad value is refused with the form shown again.
	resp, body = c.post(path+"/edit", url.Values{"warranty_end": {"next year"}})
	wantStatus(t, resp, http.StatusBadRequest)
	if !strings.Contains(body, `value="next year"`) {
		t.Error("the refused value is not shown back")
	}
	resp, _ = c.post(path+"/unlock", url.Values{"field": {"name"}})
	wantStatus(t, resp, http.StatusSeeOther)
	if a, _ = e.st.GetAsset(ctx, id); a.Name != "glpixps" {
		t.Errorf("got name %q after unlock; want the inventoried glpixps", a.Name)
	}
	resp, _ = c.post(path+"/unlock", url.Values{"field": {"name"}})
	wantStatus(t, resp, http.StatusNotFound)
}

// TestXSS names assets and software with markup: the pages show it as text.
func TestXSS(t *testing.T) {
	e := newEnv(t)
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	a := &store.Asset{Type: store.TypeComputer, Name: evil, Serial: evil, Comment: evil, OSName: evil}
	if err := e.st.CreateAsset(ctx, a); err != nil {
		t.Fatal(err)
	}
	ids, err := e.st.EnsureSoftwareVersions(ctx, []store.SoftwareKey{{Name: evil, Publisher: evil, Version: evil}})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range ids {
		if err := e.st.AddInstallations(ctx, a.ID, []store.Installation{{VersionID: v}}); err != nil {
			t.Fatal(err)
		}
	}
	sw, _ := e.st.ListSoftware(ctx, store.SoftwareFilter{})
	c := e.as("technician")
	for _, p := range []string{"/", "/assets", "/assets?q=" + url.QueryEscape(evil), fmt.Sprintf("/assets/%d", a.ID),
		fmt.Sprintf("/assets/%d/edit", a.ID), "/software", fmt.Sprintf("/software/%d", sw.Software[0].ID),
		"/software?q=" + url.QueryEscape(evil), "/login?next=" + url.QueryEscape(evil)} {
		resp, body := c.get(p)
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusSeeOther {
			t.Errorf("%s: got status %d", p, resp.StatusCode)
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s: markup from the data is not escaped", p)
		}
	}
}
