package apiserver

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// TestRefusalsCounted checks a refused report is counted on its agent,
// with the reason, for the agents page; an accepted one is not.
func TestRefusalsCounted(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		tok := e.enroll("pc-1")
		if code := e.do("POST", api.PathInventory, bearer(tok, "r1"), report("pc-1", "PC-1", "SN1"), nil); code != 200 {
			t.Fatalf("good report: got %d; want 200", code)
		}
		bad := []byte(`{"deviceid":"pc-1","content":{"versionclient":"v","softwares":[{"version":"1"}]}}`)
		if code := e.do("POST", api.PathInventory, bearer(tok, "r2"), bad, nil); code != 400 {
			t.Fatalf("invalid report: got %d; want 400", code)
		}
		if code := e.do("POST", api.PathInventory, bearer(tok, "r3"), bytes.Repeat([]byte(" "), 2<<20), nil); code != 413 {
			t.Fatalf("big report: got %d; want 413", code)
		}
		ap, err := store.AgentPages(e.st)
		if err != nil {
			t.Fatal(err)
		}
		// The refusals are written before the answers.
		page, err := ap.ListAgentPage(context.Background(), store.AgentFilter{Query: "pc-1"})
		if err != nil {
			t.Fatal(err)
		}
		row := page.Agents[0]
		if row.RefusedReports != 2 || !strings.HasPrefix(row.LastRefusal, resultTooLarge+": ") || row.LastRefusalAt.IsZero() {
			t.Errorf("got %d refusals, last %q at %v; want 2, the last one too large", row.RefusedReports, row.LastRefusal, row.LastRefusalAt)
		}
	})
}
