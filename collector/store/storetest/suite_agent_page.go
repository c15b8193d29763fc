package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunAgentPage checks the agents page's queries: search, late filter,
// paging, the asset's last inventory, and refused reports.
func RunAgentPage(t *testing.T, open func(t *testing.T) store.Store) {
	st := open(t)
	ap, err := store.AgentPages(st)
	must(t, err)
	now := time.Now().UTC().Truncate(time.Millisecond)
	var ids []int64
	for i := 0; i < 12; i++ {
		a := &store.Agent{DeviceID: fmt.Sprintf("pc-%02d-2026", i), Hostname: fmt.Sprintf("host%02d", i), TokenHash: fmt.Sprint("t", i)}
		must(t, st.CreateAgent(ctx, a))
		ids = append(ids, a.ID)
		if i%3 != 0 { // every third agent never called
			must(t, st.TouchAgentContact(ctx, a.ID, now.Add(-time.Duration(i)*time.Hour), "1.0"))
		}
	}
	asset := &store.Asset{Type: store.TypeComputer, Name: "COMPTA-PC", LastInventoryAt: now}
	must(t, st.CreateAsset(ctx, asset))
	must(t, st.SetAgentAsset(ctx, ids[1], asset.ID))
	must(t, st.SetAgentLastFull(ctx, ids[1], now))

	tests := []struct {
		name  string
		f     store.AgentFilter
		total int
		first string
	}{
		{"all, first page", store.AgentFilter{Limit: 5}, 12, "pc-00-2026"},
		{"second page", store.AgentFilter{Limit: 5, Offset: 5}, 12, "pc-05-2026"},
		{"by hostname", store.AgentFilter{Query: "HOST1"}, 2, "pc-10-2026"},
		{"by asset name", store.AgentFilter{Query: "compta"}, 1, "pc-01-2026"},
		{"late: no contact for 5 hours", store.AgentFilter{LateBefore: now.Add(-5 * time.Hour)}, 8, "pc-00-2026"},
		{"late and searched", store.AgentFilter{LateBefore: now.Add(-5 * time.Hour), Query: "pc-1"}, 2, "pc-10-2026"},
		{"like is literal", store.AgentFilter{Query: "%"}, 0, ""},
	}
	for _, tc := range tests {
		page, err := ap.ListAgentPage(ctx, tc.f)
		must(t, err)
		first := ""
		if len(page.Agents) > 0 {
			first = page.Agents[0].DeviceID
		}
		if page.Total != tc.total || first != tc.first {
			t.Errorf("%s: got total %d, first %q; want %d, %q", tc.name, page.Total, first, tc.total, tc.first)
		}
	}
	late, err := ap.CountLateAgents(ctx, now.Add(-5*time.Hour))
	must(t, err)
	if late != 8 {
		t.Errorf("got %d late agents; want 8 (4 never called, 4 older than 5 hours)", late)
	}

	page, err := ap.ListAgentPage(ctx, store.AgentFilter{Query: "pc-01"})
	must(t, err)
	if r := page.Agents[0]; r.AssetName != "COMPTA-PC" || !r.LastInventoryAt.Equal(now) || !r.LastInventoryFull() {
		t.Errorf("got asset %q, last inventory %v (full %v); want COMPTA-PC, %v, full", r.AssetName, r.LastInventoryAt, r.LastInventoryFull(), now)
	}

	must(t, ap.RecordAgentRefusal(ctx, ids[2], "invalid: "+strings.Repeat("x", 600), now))
	must(t, ap.RecordAgentRefusal(ctx, ids[2], "too large", now.Add(time.Second)))
	page, err = ap.ListAgentPage(ctx, store.AgentFilter{Query: "pc-02"})
	must(t, err)
	if r := page.Agents[0]; r.RefusedReports != 2 || r.LastRefusal != "too large" || !r.LastRefusalAt.Equal(now.Add(time.Second)) {
		t.Errorf("got %d refusals, last %q at %v; want 2, \"too large\"", r.RefusedReports, r.LastRefusal, r.LastRefusalAt)
	}
	if err := ap.RecordAgentRefusal(ctx, 999999, "x", now); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("got %v for an unknown agent; want ErrNotFound", err)
	}
}
