package ingest

import (
	"errors"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

func newAgent(t *testing.T, st store.Store, deviceid string) *store.Agent {
	t.Helper()
	a := &store.Agent{DeviceID: deviceid, TokenHash: "hash-" + deviceid}
	if err := st.CreateAgent(ctx, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAgentOwnsOneAsset(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		a := newAgent(t, st, "pc-1")
		b := newAgent(t, st, "pc-2")
		res := mustIngest(t, in, Source{AgentID: a.ID, ReportID: "r1", Origin: "agent"}, computer("pc-1", "PC-1", "uuid-0001-aaaa", "SN1"))
		got, _ := st.GetAgent(ctx, a.ID)
		if got.AssetID != res.AssetID || got.LastFullAt.IsZero() {
			t.Fatalf("got agent %+v; want owner of asset %d with a full inventory time", got, res.AssetID)
		}
		// Agent b sends a report that reconciles onto a's asset.
		_, err := in.Ingest(ctx, Source{AgentID: b.ID, ReportID: "r1", Origin: "agent"}, computer("pc-2", "PC-1", "uuid-0001-aaaa", "SN1"))
		if !errors.Is(err, ErrForbidden) {
			t.Fatalf("got %v; want ErrForbidden", err)
		}
		if n := historyCount(t, st, res.AssetID); n != 1 {
			t.Errorf("refused report wrote %d history rows; want only the creation", n)
		}
		if bb, _ := st.GetAgent(ctx, b.ID); bb.AssetID != 0 {
			t.Errorf("refused agent got asset %d; want none", bb.AssetID)
		}
		// An unrelated machine for b is fine.
		resB := mustIngest(t, in, Source{AgentID: b.ID, ReportID: "r2", Origin: "agent"}, computer("pc-2", "PC-2", "uuid-0002-bbbb", "SN2"))
		if resB.AssetID == res.AssetID {
			t.Errorf("got the same asset for two agents")
		}
	})
}

func TestDuplicateReport(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		a := newAgent(t, st, "pc-1")
		src := Source{AgentID: a.ID, ReportID: "0123456789abcdef", Origin: "agent"}
		r1 := mustIngest(t, in, src, computer("pc-1", "PC-1", "uuid-0001-aaaa", "SN1"))
		changed := computer("pc-1", "PC-RENAMED", "uuid-0001-aaaa", "SN1")
		r2 := mustIngest(t, in, src, changed)
		if !r2.Duplicate || r2.AssetID != r1.AssetID || string(r2.Response) != strings.TrimSuffix(string(r1.Response), "}")+`,"duplicate":true}` {
			t.Fatalf("got %+v; want a duplicate answered like %+v", r2, r1)
		}
		if as, _ := st.GetAsset(ctx, r1.AssetID); as.Name != "PC-1" {
			t.Errorf("got name %q after a duplicate; want PC-1 (nothing written)", as.Name)
		}
	})
}

func TestLockedField(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		res := mustIngest(t, in, Source{Origin: "glpi"}, computer("pc-1", "PC-1", "uuid-0001-aaaa", "SN1"))
		if err := park.Edit(ctx, st, res.AssetID, "alice", map[string]string{"name": "Accueil Marie", "comment": "desk 2"}); err != nil {
			t.Fatal(err)
		}
		mustIngest(t, in, Source{Origin: "glpi"}, computer("pc-1", "PC-1B", "uuid-0001-aaaa", "SN1"))
		a, _ := st.GetAsset(ctx, res.AssetID)
		locks, _ := st.FieldLocks(ctx, res.AssetID)
		if a.Name != "Accueil Marie" || a.Comment != "desk 2" || len(locks) != 1 || locks[0].InventoryValue != "PC-1B" {
			t.Fatalf("got name %q, locks %+v; want the person's name kept and inventory value PC-1B", a.Name, locks)
		}
		if err := park.Unlock(ctx, st, res.AssetID, "name", "alice"); err != nil {
			t.Fatal(err)
		}
		a, _ = st.GetAsset(ctx, res.AssetID)
		if a.Name != "PC-1B" {
			t.Errorf("got name %q after unlock; want PC-1B", a.Name)
		}
		if err := park.Edit(ctx, st, res.AssetID, "alice", map[string]string{"id": "1"}); !errors.Is(err, park.ErrUnknownField) {
			t.Errorf("got %v; want ErrUnknownField", err)
		}
	})
}

func TestMonitors(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		dell := inventory.Monitor{Caption: "DELL P2419H", Manufacturer: "Dell Inc.", Serial: "CFV9N99T0XYL"}
		noSerial := inventory.Monitor{Caption: "Built-in display"}
		pc1 := computer("pc-1", "PC-1", "uuid-0001-aaaa", "SN1")
		pc1.Content.Monitors = []inventory.Monitor{dell, noSerial}
		r1 := mustIngest(t, in, Source{Origin: "glpi"}, pc1)
		kids, _ := st.ListChildren(ctx, r1.AssetID, store.TypeMonitor)
		if len(kids) != 2 || kids[0].Manufacturer != "Dell" || kids[0].Serial != "CFV9N99T0XYL" {
			t.Fatalf("got monitors %+v; want the Dell and the built-in", kids)
		}
		mustIngest(t, in, Source{Origin: "glpi"}, clone(t, pc1))
		if again, _ := st.ListChildren(ctx, r1.AssetID, store.TypeMonitor); len(again) != 2 || again[0].ID != kids[0].ID || again[1].ID != kids[1].ID {
			t.Fatalf("got %+v after re-ingest; want the same two monitors", again)
		}
		// The Dell moves to another PC.
		pc2 := computer("pc-2", "PC-2", "uuid-0002-bbbb", "SN2")
		pc2.Content.Monitors = []inventory.Monitor{dell}
		r2 := mustIngest(t, in, Source{Origin: "glpi"}, pc2)
		moved, _ := st.GetAsset(ctx, kids[0].ID)
		if moved.ParentID != r2.AssetID {
			t.Errorf("got monitor parent %d; want %d", moved.ParentID, r2.AssetID)
		}
		pc1.Content.Monitors = []inventory.Monitor{noSerial}
		mustIngest(t, in, Source{Origin: "glpi"}, clone(t, pc1))
		if left, _ := st.ListChildren(ctx, r1.AssetID, store.TypeMonitor); len(left) != 1 || left[0].ID != kids[1].ID {
			t.Errorf("got %+v; want only the built-in display on PC-1", left)
		}
		if page, _ := st.ListAssets(ctx, store.AssetFilter{Type: store.TypeMonitor}); page.Total != 2 {
			t.Errorf("got %d monitor assets; want 2", page.Total)
		}
	})
}

func TestInvalidReportStoresNothing(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		_, err := in.IngestJSON(ctx, Source{Origin: "glpi"}, []byte(`{"deviceid":"x","content":{"versionclient":"v","hardware":{"name":"PC"},"softwares":[{"version":"1"}]}}`))
		var ve *inventory.ValidationError
		if !errors.As(err, &ve) || ve.Errors[0].Field != "content.softwares[0].name" {
			t.Fatalf("got %v; want a validation error on content.softwares[0].name", err)
		}
		if page, _ := st.ListAssets(ctx, store.AssetFilter{}); page.Total != 0 {
			t.Errorf("got %d assets; want 0", page.Total)
		}
	})
}

func TestFullReportRemovesMissingSections(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		r := computer("pc-1", "PC-1", "uuid-0001-aaaa", "SN1")
		r.Content.Softwares = []inventory.Software{{Name: "Mozilla Firefox (x64 fr)", Publisher: "Mozilla Corporation", Version: "v115.0"}}
		r.Content.Batteries = []inventory.Battery{{Name: "DELL RWT1R43", Serial: "1"}}
		res := mustIngest(t, in, Source{Origin: "glpi"}, r)
		ins, _ := st.Installations(ctx, res.AssetID)
		if len(ins) != 1 || ins[0].Name != "Firefox" || ins[0].Publisher != "Mozilla" || ins[0].Version != "115.0" {
			t.Fatalf("got %+v; want normalised Firefox/Mozilla/115.0", ins)
		}
		partial := clone(t, r)
		partial.Partial, partial.Content.Softwares, partial.Content.Batteries = true, nil, nil
		mustIngest(t, in, Source{Origin: "glpi"}, partial)
		if ins, _ := st.Installations(ctx, res.AssetID); len(ins) != 1 {
			t.Errorf("partial report without softwares removed software")
		}
		full := clone(t, partial)
		full.Partial = false
		mustIngest(t, in, Source{Origin: "glpi"}, full)
		ins, _ = st.Installations(ctx, res.AssetID)
		bats, _ := st.Components(ctx, res.AssetID, "batteries")
		if len(ins) != 0 || len(bats) != 0 {
			t.Errorf("got %d installations, %d batteries after a full report without them; want 0, 0", len(ins), len(bats))
		}
	})
}
