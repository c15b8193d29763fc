package ingest

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// A full report whose software or battery collector failed (rather than
// finding nothing) keeps what was stored; one that found no data empties it.
func TestFullReportKeepsSectionsOfFailedCollectors(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		r := computer("pc-1", "PC-1", "uuid-0001-aaaa", "SN1")
		r.Content.Softwares = []inventory.Software{{Name: "Mozilla Firefox", Version: "115.0"}}
		r.Content.Batteries = []inventory.Battery{{Name: "DELL RWT1R43", Serial: "1"}}
		res := mustIngest(t, in, Source{Origin: "parc"}, r)

		failed := clone(t, r)
		failed.Content.Softwares, failed.Content.Batteries = nil, nil
		failed.Content.Parc = &inventory.ParcExtension{SchemaVersion: 1, Collectors: []inventory.CollectorRun{
			{Name: "softwares_dpkg", Error: "read /var/lib/dpkg/status: input/output error"},
			{Name: "batteries", Error: "read /sys/class/power_supply/BAT0/energy_full: permission denied"},
		}}
		mustIngest(t, in, Source{Origin: "parc"}, failed)
		ins, _ := st.Installations(ctx, res.AssetID)
		bats, _ := st.Components(ctx, res.AssetID, "batteries")
		if len(ins) != 1 || len(bats) != 1 {
			t.Errorf("after failed collectors: got %d installations, %d batteries; want 1, 1 kept", len(ins), len(bats))
		}

		nodata := clone(t, failed)
		nodata.Content.Parc.Collectors = []inventory.CollectorRun{
			{Name: "softwares_dpkg", Error: "no dpkg status: no data", NoData: true},
			{Name: "batteries", Error: "no battery: no data", NoData: true},
		}
		mustIngest(t, in, Source{Origin: "parc"}, nodata)
		ins, _ = st.Installations(ctx, res.AssetID)
		bats, _ = st.Components(ctx, res.AssetID, "batteries")
		if len(ins) != 0 || len(bats) != 0 {
			t.Errorf("after no-data collectors: got %d installations, %d batteries; want 0, 0", len(ins), len(bats))
		}
	})
}
