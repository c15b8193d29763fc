package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func TestSoftwarePages(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	c := e.as("observer")
	resp, body := c.get("/software?q=gnome-calc")
	wantStatus(t, resp, http.StatusOK)
	if !strings.Contains(body, ">gnome-calculator</a>") || strings.Contains(body, ">gitg</a>") {
		t.Fatal("search does not narrow the catalogue to gnome-calculator")
	}
	page, err := e.st.ListSoftware(ctx, store.SoftwareFilter{Query: "gnome-calculator"})
	if err != nil || len(page.Software) != 1 {
		t.Fatalf("got %v, %v; want one software", page, err)
	}
	sw := page.Software[0]
	resp, body = c.get(fmt.Sprintf("/software/%d", sw.ID))
	wantStatus(t, resp, http.StatusOK)
	vers, _ := e.st.SoftwareVersions(ctx, sw.ID)
	for _, want := range []string{fmt.Sprintf(`<a href="/assets/%d">glpixps</a>`, e.assets["computer_1.json"]),
		"<td>" + vers[0].Version + "</td>", "/assets?software=gnome-calculator"} {
		if !strings.Contains(body, want) {
			t.Errorf("software page lacks %q", want)
		}
	}
	resp, _ = c.get("/software/0")
	wantStatus(t, resp, http.StatusNotFound)
}
