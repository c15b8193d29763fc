package storetest

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func testSoftware(t *testing.T, st store.Store) {
	a := &store.Asset{Type: store.TypeComputer, Name: "pc-a"}
	b := &store.Asset{Type: store.TypeComputer, Name: "pc-b"}
	must(t, st.CreateAsset(ctx, a))
	must(t, st.CreateAsset(ctx, b))
	ff115 := store.SoftwareKey{Name: "Firefox", Publisher: "Mozilla", Version: "115"}
	ff120 := store.SoftwareKey{Name: "Firefox", Publisher: "Mozilla", Version: "120"}
	zip := store.SoftwareKey{Name: "7-Zip", Publisher: "Igor Pavlov", Version: "23.01"}
	ids, err := st.EnsureSoftwareVersions(ctx, []store.SoftwareKey{ff115, zip})
	must(t, err)
	again, err := st.EnsureSoftwareVersions(ctx, []store.SoftwareKey{ff115, ff120, zip})
	must(t, err)
	if ids[ff115] == 0 || again[ff115] != ids[ff115] || again[zip] != ids[zip] || again[ff120] == ids[ff115] {
		t.Fatalf("got %v then %v; want stable IDs and a new one for 120", ids, again)
	}
	must(t, st.AddInstallations(ctx, a.ID, []store.Installation{
		{VersionID: again[ff115], Arch: "x86_64", InstallDate: "2024-01-02", Source: "rpm"},
		{VersionID: again[ff115], Arch: "i686"},
		{VersionID: again[zip]},
	}))
	must(t, st.AddInstallations(ctx, b.ID, []store.Installation{{VersionID: again[ff120]}}))
	wantErr(t, st.AddInstallations(ctx, b.ID, []store.Installation{{VersionID: again[ff120]}}), store.ErrConflict)
	ins, err := st.Installations(ctx, a.ID)
	must(t, err)
	if len(ins) != 3 || ins[0].Name != "7-Zip" || ins[1].Name != "Firefox" || ins[1].InstallDate == "" && ins[2].InstallDate == "" {
		t.Fatalf("got %+v; want 7-Zip then Firefox twice", ins)
	}
	must(t, st.DeleteInstallations(ctx, a.ID, []store.Installation{ins[0]}))
	ins, err = st.Installations(ctx, a.ID)
	must(t, err)
	if len(ins) != 2 {
		t.Errorf("got %d installations; want 2", len(ins))
	}
	page, err := st.ListSoftware(ctx, store.SoftwareFilter{Query: "moz"})
	must(t, err)
	if page.Total != 1 || page.Software[0].Name != "Firefox" || page.Software[0].Versions != 2 || page.Software[0].Installs != 3 {
		t.Fatalf("got %+v; want Firefox with 2 versions, 3 installs", page)
	}
	sw, err := st.GetSoftware(ctx, page.Software[0].ID)
	must(t, err)
	vers, err := st.SoftwareVersions(ctx, sw.ID)
	must(t, err)
	if len(vers) != 2 || vers[0].Version != "115" || vers[0].Installs != 2 || vers[1].Installs != 1 {
		t.Errorf("got %+v; want 115 (2) and 120 (1)", vers)
	}
	on, err := st.SoftwareInstallations(ctx, sw.ID, 10, 0)
	must(t, err)
	if len(on) != 3 || on[0].AssetName != "pc-a" || on[2].AssetName != "pc-b" {
		t.Errorf("got %+v; want pc-a twice then pc-b", on)
	}
	_, err = st.GetSoftware(ctx, 99999)
	wantErr(t, err, store.ErrNotFound)
}
