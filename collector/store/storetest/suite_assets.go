package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

func testAssets(t *testing.T, st store.Store) {
	now := time.UnixMilli(time.Now().UnixMilli()).UTC()
	a := &store.Asset{Type: store.TypeComputer, Name: "PC-ACCUEIL", UUID: "U1", UUIDKey: "u1",
		Serial: "S1", SerialKey: "S1", MemoryMB: 8192, LastInventoryAt: now, Source: "agent"}
	must(t, st.CreateAsset(ctx, a))
	got, err := st.GetAsset(ctx, a.ID)
	must(t, err)
	if got.Name != "PC-ACCUEIL" || got.MemoryMB != 8192 || !got.LastInventoryAt.Equal(now) || got.UUIDKey != "u1" || got.CreatedAt.IsZero() {
		t.Errorf("got %+v; want the created asset", got)
	}
	got.Name, got.OSName, got.UUIDKey = "PC-ACCUEIL-2", "Debian 12", ""
	must(t, st.UpdateAsset(ctx, got))
	got2, err := st.GetAsset(ctx, a.ID)
	must(t, err)
	if got2.Name != "PC-ACCUEIL-2" || got2.OSName != "Debian 12" || got2.UUIDKey != "" {
		t.Errorf("got %+v; want the update", got2)
	}
	mon := &store.Asset{Type: store.TypeMonitor, Name: "DELL P2419H", ParentID: a.ID}
	must(t, st.CreateAsset(ctx, mon))
	kids, err := st.ListChildren(ctx, a.ID, store.TypeMonitor)
	must(t, err)
	if len(kids) != 1 || kids[0].ID != mon.ID {
		t.Errorf("got children %+v; want monitor %d", kids, mon.ID)
	}
	counts, err := st.CountAssetsByType(ctx)
	must(t, err)
	if counts[store.TypeComputer] != 1 || counts[store.TypeMonitor] != 1 {
		t.Errorf("got counts %v; want 1 computer, 1 monitor", counts)
	}
	must(t, st.SetAssetMACs(ctx, a.ID, []string{"aa:bb:cc:00:00:01", "aa:bb:cc:00:00:02"}))
	must(t, st.SetAssetMACs(ctx, a.ID, []string{"aa:bb:cc:00:00:02", "aa:bb:cc:00:00:03"}))
	macs, err := st.AssetMACs(ctx, a.ID)
	must(t, err)
	if fmt.Sprint(macs) != "[aa:bb:cc:00:00:02 aa:bb:cc:00:00:03]" {
		t.Errorf("got MACs %v; want :02 and :03", macs)
	}
	must(t, st.DeleteAsset(ctx, a.ID))
	_, err = st.GetAsset(ctx, a.ID)
	wantErr(t, err, store.ErrNotFound)
	m, err := st.GetAsset(ctx, mon.ID)
	must(t, err)
	if m.ParentID != 0 {
		t.Errorf("got parent %d after deleting it; want 0", m.ParentID)
	}
	wantErr(t, st.UpdateAsset(ctx, got), store.ErrNotFound)
}

func testAssetList(t *testing.T, st store.Store) {
	now := time.Now().UTC()
	for i := 0; i < 25; i++ {
		a := &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("PC-%02d", i), Manufacturer: "Dell",
			OSName: "Windows 11 Pro", LastInventoryAt: now.Add(-time.Duration(i) * 24 * time.Hour)}
		if i%2 == 1 {
			a.Manufacturer, a.OSName = "Lenovo", "Debian GNU/Linux 12"
		}
		if i == 7 {
			a.Serial = "50%_OFF"
		}
		must(t, st.CreateAsset(ctx, a))
		if i == 3 {
			ids, err := st.EnsureSoftwareVersions(ctx, []store.SoftwareKey{{Name: "Firefox", Version: "115"}})
			must(t, err)
			must(t, st.AddInstallations(ctx, a.ID, []store.Installation{{VersionID: ids[store.SoftwareKey{Name: "Firefox", Version: "115"}]}}))
		}
	}
	must(t, st.CreateAsset(ctx, &store.Asset{Type: store.TypePrinter, Name: "PRN-01"}))
	tests := []struct {
		name  string
		f     store.AssetFilter
		total int
		first string
	}{
		{"all", store.AssetFilter{}, 26, "PC-00"},
		{"type", store.AssetFilter{Type: store.TypePrinter}, 1, "PRN-01"},
		{"query", store.AssetFilter{Query: "pc-1"}, 10, "PC-10"},
		{"query two words", store.AssetFilter{Query: "lenovo pc-1"}, 5, "PC-11"},
		{"like is literal", store.AssetFilter{Query: "50%_"}, 1, "PC-07"},
		{"manufacturer", store.AssetFilter{Manufacturer: "Lenovo"}, 12, "PC-01"},
		{"os", store.AssetFilter{OSName: "debian"}, 12, "PC-01"},
		{"sort desc page 2", store.AssetFilter{Type: store.TypeComputer, Sort: "name", Desc: true, Limit: 10, Offset: 10}, 25, "PC-14"},
		{"not seen for 20 days", store.AssetFilter{Type: store.TypeComputer, SeenBefore: now.Add(-20*24*time.Hour + time.Minute)}, 5, "PC-20"},
		{"seen within 2 days", store.AssetFilter{SeenAfter: now.Add(-2*24*time.Hour - time.Minute)}, 3, "PC-00"},
		{"has software", store.AssetFilter{HasSoftware: "fire"}, 1, "PC-03"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page, err := st.ListAssets(ctx, tc.f)
			must(t, err)
			if page.Total != tc.total {
				t.Errorf("got total %d; want %d", page.Total, tc.total)
			}
			if len(page.Assets) == 0 || page.Assets[0].Name != tc.first {
				t.Errorf("got first %v; want %s", names(page.Assets), tc.first)
			}
		})
	}
}

func names(as []store.Asset) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func testFindAssets(t *testing.T, st store.Store) {
	a := &store.Asset{Type: store.TypeComputer, UUIDKey: "u1", SerialKey: "S1", NameKey: "pc-1"}
	b := &store.Asset{Type: store.TypeComputer, SerialKey: "S2", NameKey: "pc-2"}
	p := &store.Asset{Type: store.TypePrinter, SerialKey: "S1"}
	for _, x := range []*store.Asset{a, b, p} {
		must(t, st.CreateAsset(ctx, x))
	}
	must(t, st.SetAssetMACs(ctx, b.ID, []string{"aa:bb:cc:dd:ee:ff"}))
	ag := &store.Agent{DeviceID: "d", TokenHash: "h", AssetID: a.ID}
	must(t, st.CreateAgent(ctx, ag))
	tests := []struct {
		kind   store.IdentityKind
		typ    string
		values []string
		want   []int64
	}{
		{store.ByUUID, store.TypeComputer, []string{"u1"}, []int64{a.ID}},
		{store.BySerial, store.TypeComputer, []string{"S1", "S2"}, []int64{a.ID, b.ID}},
		{store.BySerial, store.TypePrinter, []string{"S1"}, []int64{p.ID}},
		{store.ByMAC, store.TypeComputer, []string{"aa:bb:cc:dd:ee:ff", "00:11:22:33:44:55"}, []int64{b.ID}},
		{store.ByName, store.TypeComputer, []string{"pc-2"}, []int64{b.ID}},
		{store.ByName, store.TypeComputer, []string{""}, nil},
		{store.ByUUID, store.TypeComputer, nil, nil},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s %s %v", tc.kind, tc.typ, tc.values), func(t *testing.T) {
			refs, err := st.FindAssets(ctx, tc.kind, tc.typ, tc.values)
			must(t, err)
			var ids []int64
			for _, r := range refs {
				ids = append(ids, r.ID)
				if r.ID == a.ID && r.OwnerAgentID != ag.ID {
					t.Errorf("got owner %d; want agent %d", r.OwnerAgentID, ag.ID)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
				t.Errorf("got %v; want %v", ids, tc.want)
			}
		})
	}
}

func testComponents(t *testing.T, st store.Store) {
	a := &store.Asset{Type: store.TypeComputer}
	must(t, st.CreateAsset(ctx, a))
	now := time.Now()
	must(t, st.ApplyComponents(ctx, a.ID, "cpus", "h1", store.ComponentChanges{Add: []store.Component{
		{ItemKey: "0", Hash: "a", Data: `{"name":"i5"}`}, {ItemKey: "1", Hash: "b", Data: `{"name":"i7"}`},
	}}, now))
	must(t, st.ApplyComponents(ctx, a.ID, "bios", "h2", store.ComponentChanges{Add: []store.Component{{Hash: "c", Data: `{}`}}}, now))
	cs, err := st.Components(ctx, a.ID, "cpus")
	must(t, err)
	if len(cs) != 2 || cs[0].ItemKey != "0" || cs[1].Data != `{"name":"i7"}` {
		t.Fatalf("got %+v; want two cpus", cs)
	}
	cs[0].Hash, cs[0].Data = "a2", `{"name":"i9"}`
	must(t, st.ApplyComponents(ctx, a.ID, "cpus", "h3", store.ComponentChanges{Update: []store.Component{cs[0]}, Delete: []int64{cs[1].ID}}, now))
	all, err := st.Components(ctx, a.ID, "")
	must(t, err)
	if len(all) != 2 || all[0].Section != "bios" || all[1].Data != `{"name":"i9"}` {
		t.Errorf("got %+v; want bios and the updated cpu", all)
	}
	must(t, st.ApplyComponents(ctx, a.ID, "bios", "", store.ComponentChanges{Delete: []int64{all[0].ID}}, now))
	hashes, err := st.SectionHashes(ctx, a.ID)
	must(t, err)
	if len(hashes) != 1 || hashes["cpus"] != "h3" {
		t.Errorf("got hashes %v; want only cpus=h3", hashes)
	}
}

func testHistory(t *testing.T, st store.Store) {
	a := &store.Asset{Type: store.TypeComputer}
	must(t, st.CreateAsset(ctx, a))
	var entries []store.HistoryEntry
	for i := 0; i < 130; i++ { // more than one INSERT batch
		entries = append(entries, store.HistoryEntry{AssetID: a.ID, Actor: store.ActorInventory, Field: "software", NewValue: fmt.Sprint(i)})
	}
	must(t, st.AddHistory(ctx, entries))
	n, err := st.CountHistory(ctx, a.ID)
	must(t, err)
	if n != 130 {
		t.Errorf("got %d rows; want 130", n)
	}
	page, err := st.AssetHistory(ctx, a.ID, 0, 10)
	must(t, err)
	if len(page) != 10 || page[0].NewValue != "129" {
		t.Fatalf("got %d entries starting %+v; want 10 starting at 129", len(page), page[0])
	}
	next, err := st.AssetHistory(ctx, a.ID, page[9].ID, 10)
	must(t, err)
	if len(next) != 10 || next[0].NewValue != "119" || next[0].At.IsZero() {
		t.Errorf("got next page starting %+v; want 119", next[0])
	}
}

func testLocks(t *testing.T, st store.Store) {
	a := &store.Asset{Type: store.TypeComputer}
	must(t, st.CreateAsset(ctx, a))
	must(t, st.PutFieldLock(ctx, store.FieldLock{AssetID: a.ID, Field: "name", LockedValue: "Mine", InventoryValue: "pc", LockedBy: "alice"}))
	must(t, st.PutFieldLock(ctx, store.FieldLock{AssetID: a.ID, Field: "name", LockedValue: "Mine", InventoryValue: "pc2", LockedBy: "alice"}))
	locks, err := st.FieldLocks(ctx, a.ID)
	must(t, err)
	if len(locks) != 1 || locks[0].InventoryValue != "pc2" || locks[0].LockedAt.IsZero() {
		t.Errorf("got %+v; want one lock with inventory value pc2", locks)
	}
	must(t, st.DeleteFieldLock(ctx, a.ID, "name"))
	wantErr(t, st.DeleteFieldLock(ctx, a.ID, "name"), store.ErrNotFound)
}
