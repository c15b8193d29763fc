package ingest

import (
	"errors"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// TestReconcile sends a first report, then a second one, and checks
// whether the second landed on the same asset.
func TestReconcile(t *testing.T) {
	const (
		mac1 = "3c:52:82:0a:bc:01"
		mac2 = "3c:52:82:0a:bc:02"
		mac3 = "3c:52:82:0a:bc:03"
	)
	tests := []struct {
		name          string
		first, second *inventory.Report
		same          bool
	}{
		{"same machine", computer("a", "PC-1", "uuid-0001-aaaa", "SN1", mac1), computer("a", "PC-1", "uuid-0001-aaaa", "SN1", mac1), true},
		{"serial change, same UUID", computer("a", "PC-1", "uuid-0001-aaaa", "SN1", mac1), computer("a", "PC-1", "uuid-0001-aaaa", "SN2", mac1), true},
		{"rename", computer("a", "PC-1", "uuid-0001-aaaa", "SN1", mac1), computer("a", "PC-2", "uuid-0001-aaaa", "SN1", mac1), true},
		{"rename, no UUID", computer("a", "PC-1", "", "SN1", mac1), computer("a", "PC-2", "", "SN1", mac1), true},
		{"NIC change, junk ids", computer("a", "PC-1", "", "To be filled by O.E.M.", mac1, mac2), computer("a", "PC-9", "", "Default string", mac2, mac3), true},
		{"NIC change and rename, no match", computer("a", "PC-1", "", "0", mac1), computer("a", "PC-9", "", "0", mac3), false},
		{"name only, junk serial", computer("a", "PC-1", "", "System Serial Number"), computer("a", "PC-1", "", "System Serial Number"), true},
		{"two PCs, same junk serial", computer("a", "PC-1", "", "To be filled by O.E.M.", mac1), computer("b", "PC-2", "", "To be filled by O.E.M.", mac2), false},
		{"two PCs, junk UUIDs", computer("a", "PC-1", "00000000-0000-0000-0000-000000000000", "", mac1), computer("b", "PC-2", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "", mac2), false},
		{"same name, different serials", computer("a", "PC-1", "", "SN1"), computer("b", "PC-1", "", "SN2"), false},
		{"same MAC, different UUIDs", computer("a", "PC-1", "uuid-0001-aaaa", "", mac1), computer("b", "PC-2", "uuid-0002-bbbb", "", mac1), false},
		{"virtual NIC MAC shared", withNIC(computer("a", "PC-1", "", ""), "docker0", "02:42:ac:11:00:02"), withNIC(computer("b", "PC-2", "", ""), "docker0", "02:42:ac:11:00:02"), false},
		{"all-zero MAC", computer("a", "PC-1", "", "", "00:00:00:00:00:00"), computer("b", "PC-2", "", "", "00:00:00:00:00:00"), false},
		{"serial case and spaces", computer("a", "PC-1", "", "ab12 "), computer("a", "PC-X", "", " AB12"), true},
	}
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				// The case's assets are deleted at its end so that
				// cases never match each other's assets.
				r1 := mustIngest(t, in, Source{Origin: "glpi"}, tc.first)
				r2 := mustIngest(t, in, Source{Origin: "glpi"}, tc.second)
				if got := r1.AssetID == r2.AssetID; got != tc.same {
					t.Errorf("got same asset %v (%d, %d); want %v", got, r1.AssetID, r2.AssetID, tc.same)
				}
				for _, id := range []int64{r1.AssetID, r2.AssetID} {
					if err := st.DeleteAsset(ctx, id); err != nil && !errors.Is(err, store.ErrNotFound) {
						t.Fatal(err)
					}
				}
			})
		}
	})
}

func withNIC(r *inventory.Report, desc, mac string) *inventory.Report {
	r.Content.Networks = append(r.Content.Networks, inventory.Network{Description: desc, MAC: mac})
	return r
}

func TestReconcileHistory(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		r := computer("a", "PC-1", "uuid-0001-aaaa", "SN1", "3c:52:82:0a:bc:01")
		res := mustIngest(t, in, Source{Origin: "glpi"}, r)
		r2 := clone(t, r)
		r2.Content.Hardware.Name = "PC-RENAMED"
		r2.Content.Networks = append(r2.Content.Networks, inventory.Network{Description: "wlan0", MAC: "3c:52:82:0a:bc:09"})
		mustIngest(t, in, Source{Origin: "glpi"}, r2)
		hist, err := st.AssetHistory(ctx, res.AssetID, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, h := range hist {
			got[h.Field] = h.OldValue + ">" + h.NewValue
		}
		if got["name"] != "PC-1>PC-RENAMED" || got["networks"] != ">wlan0" || len(hist) != 3 {
			t.Errorf("got history %v (%d rows); want created, name PC-1>PC-RENAMED, networks >wlan0", got, len(hist))
		}
		macs, _ := st.AssetMACs(ctx, res.AssetID)
		if len(macs) != 2 {
			t.Errorf("got MACs %v; want 2", macs)
		}
	})
}
