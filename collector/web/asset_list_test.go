package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func TestAssetList(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples()
	c := e.as("observer")
	tests := []struct {
		query     string
		want      []string // names that must be listed
		wantNot   []string
		wantTotal int // -1: do not check
	}{
		{"", []string{"glpixps", "NPIF2BE10", "DJCP6"}, nil, -1}, // DJCP6: the monitor of computer_1
		{"q=glpixps", []string{"glpixps"}, []string{"NPIF2BE10"}, 1},
		{"q=640HP72", []string{"glpixps"}, nil, 1},           // serial
		{"q=192.168.1.142", []string{"glpixps"}, nil, 1},     // IP
		{"q=00:e0:4c:68:01:db", []string{"glpixps"}, nil, 1}, // MAC
		{"q=fedora+glpixps", []string{"glpixps"}, nil, 1},    // every word must match
		{"type=printer", []string{"NPIF2BE10"}, []string{"glpixps"}, -1},
		{"manufacturer=Dell", []string{"glpixps"}, []string{"NPIF2BE10"}, -1},
		{"os=fedora", []string{"glpixps"}, []string{"NPIF2BE10"}, 1},
		{"software=gnome-calculator", []string{"glpixps"}, []string{"NPIF2BE10"}, 1},
		{"software=no-such-software", nil, []string{"glpixps"}, 0},
		{"seen=30", nil, []string{"glpixps"}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			resp, body := c.get("/assets?" + tc.query)
			wantStatus(t, resp, http.StatusOK)
			for _, n := range tc.want {
				if !strings.Contains(body, ">"+n+"</a>") {
					t.Errorf("got no %s in the list", n)
				}
			}
			for _, n := range tc.wantNot {
				if strings.Contains(body, ">"+n+"</a>") {
					t.Errorf("got %s in the list; want it filtered out", n)
				}
			}
			if tc.wantTotal >= 0 && !strings.Contains(body, fmt.Sprintf(`id="total">Assets: %d<`, tc.wantTotal)) {
				t.Errorf("got no total of %d", tc.wantTotal)
			}
		})
	}
}

func TestAssetListSortAndPages(t *testing.T) {
	e := newEnv(t)
	for i := 0; i < 30; i++ {
		if err := e.st.CreateAsset(ctx, &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("pc-%02d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	c := e.as("observer")
	_, body := c.get("/assets?per=25&sort=name&dir=desc")
	if i, j := strings.Index(body, ">pc-29<"), strings.Index(body, ">pc-05<"); i < 0 || j < 0 || i > j {
		t.Errorf("got pc-29 at %d and pc-05 at %d; want pc-29 first", i, j)
	}
	if strings.Contains(body, ">pc-04<") {
		t.Error("got pc-04 on page 1 of 25 rows sorted descending; want it on page 2")
	}
	if !strings.Contains(body, "Page 1 of 2") {
		t.Error("got no pager")
	}
	_, body = c.get("/assets?per=25&sort=name&dir=desc&page=2")
	if !strings.Contains(body, ">pc-04<") || strings.Contains(body, ">pc-05<") {
		t.Error("page 2 does not hold pc-00 to pc-04")
	}
	// Unknown sort keys and sizes fall back to defaults, not errors.
	resp, _ := c.get("/assets?sort=password_hash&per=7&page=-3")
	wantStatus(t, resp, http.StatusOK)
}

func TestAssetColumnsRemembered(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples("computer_1.json")
	c := e.as("observer")
	_, body := c.get("/assets")
	if strings.Contains(body, ">IP address</a>") {
		t.Fatal("got the IP column by default")
	}
	resp, _ := c.post("/assets/columns", url.Values{"col": {"name", "ip", "bogus"}, "per": {"100"}, "next": {"/assets?q=glpi"}})
	wantStatus(t, resp, http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); loc != "/assets?q=glpi" {
		t.Errorf("got location %q; want back to the list", loc)
	}
	_, body = c.get("/assets")
	if !strings.Contains(body, ">IP address</a>") || strings.Contains(body, ">Model</a>") || !strings.Contains(body, "192.168.1.142") {
		t.Error("got other columns than name and ip")
	}
	if !strings.Contains(body, `name="per" value="100"`) {
		t.Error("rows per page not remembered")
	}
}

func TestAssetExport(t *testing.T) {
	e := newEnv(t)
	e.ingestExamples()
	if err := e.st.CreateAsset(ctx, &store.Asset{Type: store.TypePeripheral, Name: "=HYPERLINK(\"http://x\")"}); err != nil {
		t.Fatal(err)
	}
	c := e.as("observer")
	resp, body := c.get("/assets/export.csv?type=computer")
	wantStatus(t, resp, http.StatusOK)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("got content type %q; want text/csv", ct)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0][1] != "Name" { // header, glpixps, computer_2
		t.Fatalf("got %d records, header %v; want a header and 2 computers", len(recs), recs[0])
	}
	_, body = c.get("/assets/export.csv?type=peripheral")
	if !strings.Contains(body, `'=HYPERLINK`) {
		t.Errorf("got %q; want the formula defused", body)
	}
}
