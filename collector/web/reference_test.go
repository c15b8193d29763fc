package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestReference(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	c := e.as("admin")
	resp, _ := c.post("/reference/locations", url.Values{"name": {"Mairie"}})
	wantStatus(t, resp, http.StatusSeeOther)
	locs, _ := e.st.ListLocations(ctx)
	if len(locs) != 1 {
		t.Fatalf("got %d locations; want 1", len(locs))
	}
	resp, _ = c.post("/reference/locations", url.Values{"name": {"Accueil"}, "parent": {fmt.Sprint(locs[0].ID)}})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = c.post("/reference/locations", url.Values{"name": {"Nowhere"}, "parent": {"9999"}})
	wantStatus(t, resp, http.StatusBadRequest)
	resp, _ = c.post("/reference/locations", url.Values{"name": {"  "}})
	wantStatus(t, resp, http.StatusBadRequest)
	resp, _ = c.post("/reference/states", url.Values{"name": {"En service"}})
	wantStatus(t, resp, http.StatusSeeOther)
	resp, _ = c.post("/reference/states", url.Values{"name": {"En service"}})
	wantStatus(t, resp, http.StatusConflict)
	_, body := c.get("/reference")
	if i, j := strings.Index(body, ">Mairie</a>"), strings.Index(body, "— <a"); i < 0 || j < i {
		t.Error("Accueil is not shown inside Mairie")
	}
	// The edit form offers them, and the park list filters on them.
	id := e.assets["computer_1.json"]
	_, body = c.get(fmt.Sprintf("/assets/%d/edit", id))
	if !strings.Contains(body, ">Accueil</option>") || !strings.Contains(body, ">En service</option>") {
		t.Fatal("the edit form does not offer the new location and state")
	}
	locs, _ = e.st.ListLocations(ctx)
	var accueil int64
	for _, l := range locs {
		if l.Name == "Accueil" {
			accueil = l.ID
		}
	}
	resp, _ = c.post(fmt.Sprintf("/assets/%d/edit", id), url.Values{"location_id": {fmt.Sprint(accueil)}})
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = c.get(fmt.Sprintf("/assets?location=%d", accueil))
	if !strings.Contains(body, ">glpixps</a>") {
		t.Error("the park list does not filter on the location")
	}
	_, body = c.get(fmt.Sprintf("/assets/%d", id))
	if !strings.Contains(body, "Accueil") {
		t.Error("the asset page does not name its location")
	}
}
