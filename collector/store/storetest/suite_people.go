package storetest

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// testAssetPeopleFields covers the fields people type (location, state,
// owner, financial data) and the filters on them.
func testAssetPeopleFields(t *testing.T, st store.Store) {
	root := &store.Location{Name: "Mairie"}
	must(t, st.CreateLocation(ctx, root))
	floor := &store.Location{Name: "1er étage", ParentID: root.ID}
	must(t, st.CreateLocation(ctx, floor))
	inUse := &store.State{Name: "En service"}
	must(t, st.CreateState(ctx, inUse))
	wantErr(t, st.CreateState(ctx, &store.State{Name: "En service"}), store.ErrConflict)
	u := &store.User{Login: "marie", Role: store.RoleSelfService, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, u))
	a := &store.Asset{Type: store.TypeComputer, Name: "PC-ACCUEIL", LocationID: floor.ID, StateID: inUse.ID, OwnerID: u.ID,
		PurchaseDate: "2022-03-01", Supplier: "UGAP", OrderNumber: "BC-2022-114", PurchaseCents: 89900, WarrantyEnd: "2025-03-01",
		IP: "192.168.10.23"}
	must(t, st.CreateAsset(ctx, a))
	must(t, st.SetAssetMACs(ctx, a.ID, []string{"3c:52:82:0a:bc:de"}))
	must(t, st.CreateAsset(ctx, &store.Asset{Type: store.TypeComputer, Name: "PC-OTHER", WarrantyEnd: "2030-01-01"}))
	got, err := st.GetAsset(ctx, a.ID)
	must(t, err)
	if got.LocationID != floor.ID || got.StateID != inUse.ID || got.OwnerID != u.ID || got.Supplier != "UGAP" ||
		got.PurchaseCents != 89900 || got.WarrantyEnd != "2025-03-01" || got.OrderNumber != "BC-2022-114" || got.PurchaseDate != "2022-03-01" {
		t.Errorf("got %+v; want the people fields back", got)
	}
	locs, err := st.ListLocations(ctx)
	must(t, err)
	states, err := st.ListStates(ctx)
	must(t, err)
	if len(locs) != 2 || locs[0].Name != "1er étage" || locs[0].ParentID != root.ID || len(states) != 1 {
		t.Errorf("got locations %+v, states %+v; want the tree and one state", locs, states)
	}
	for name, f := range map[string]store.AssetFilter{
		"location": {LocationID: floor.ID}, "state": {StateID: inUse.ID}, "owner": {OwnerID: u.ID},
		"warranty": {WarrantyBefore: "2026-01-01"}, "ip": {Query: "192.168.10"}, "mac": {Query: "0a:bc:de"},
		"mac dashes": {Query: "0A-BC-DE"}, "mac bare": {Query: "3c52820a"}, "words": {Query: "pc-acc 192.168"},
	} {
		page, err := st.ListAssets(ctx, f)
		must(t, err)
		if page.Total != 1 || page.Assets[0].ID != a.ID {
			t.Errorf("%s: got %v; want only PC-ACCUEIL", name, names(page.Assets))
		}
	}
	must(t, st.DeleteAsset(ctx, a.ID)) // owner and location are not deleted with it
	if _, err := st.GetUser(ctx, u.ID); err != nil {
		t.Errorf("deleting an asset deleted its owner: %v", err)
	}
}

func testRoles(t *testing.T, _ store.Store) {
	for i, r := range store.Roles {
		if store.RoleRank(r) != i || !store.ValidRole(r) {
			t.Errorf("role %s: got rank %d; want %d", r, store.RoleRank(r), i)
		}
	}
	if store.ValidRole("boss") || store.RoleRank(store.RoleAdmin) <= store.RoleRank(store.RoleTechnician) {
		t.Error("got wrong role ordering")
	}
}
