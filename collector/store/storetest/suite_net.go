package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunNet runs the conformance suite of store.NetQueries; open must return
// a fresh, migrated store.
func RunNet(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, n store.NetQueries)
	}{
		{"Ports", testNetPorts},
		{"Links", testNetLinks},
		{"Counters", testPrinterCounters},
		{"Supplies", testPrinterSupplies},
		{"InTx", testNetInTx},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			n, err := store.Net(st)
			must(t, err)
			tc.fn(t, st, n)
		})
	}
}

func newAsset(t *testing.T, st store.Store, typ, name string, macs ...string) int64 {
	t.Helper()
	a := &store.Asset{Type: typ, Name: name}
	must(t, st.CreateAsset(ctx, a))
	if len(macs) > 0 {
		must(t, st.SetAssetMACs(ctx, a.ID, macs))
	}
	return a.ID
}

func testNetPorts(t *testing.T, st store.Store, n store.NetQueries) {
	sw := newAsset(t, st, store.TypeNetwork, "sw1")
	ports := []store.NetPort{
		{IfIndex: 1, Name: "Gi0/1", Speed: 1e9, OperStatus: 1, AdminStatus: 1, Duplex: 3, Hash: "a",
			VLANs: []store.PortVLAN{{ID: 10, Name: "users"}, {ID: 20, Name: "voice", Tagged: true}}},
		{IfIndex: 2, Name: "Gi0/2", Trunk: true, Uplink: true, Aggregate: []int64{3, 4}, Hash: "b"},
		{IfIndex: 3, Name: "Gi0/3", Hash: "c"},
	}
	added, removed, err := n.ApplyNetPorts(ctx, sw, ports)
	must(t, err)
	if len(added) != 3 || len(removed) != 0 {
		t.Fatalf("got %d added, %d removed; want 3, 0", len(added), len(removed))
	}
	got, err := n.NetPorts(ctx, sw)
	must(t, err)
	for i := range ports {
		ports[i].AssetID = sw
		if ports[i].Aggregate == nil {
			ports[i].Aggregate = []int64{}
		}
		if ports[i].VLANs == nil {
			ports[i].VLANs = []store.PortVLAN{}
		}
	}
	if !reflect.DeepEqual(got, ports) {
		t.Fatalf("got ports %+v; want %+v", got, ports)
	}
	added, removed, err = n.ApplyNetPorts(ctx, sw, ports)
	must(t, err)
	if len(added)+len(removed) != 0 {
		t.Errorf("re-applying the same ports added %d, removed %d; want none", len(added), len(removed))
	}
	ports[0].OperStatus, ports[0].Hash = 2, "a2"
	added, removed, err = n.ApplyNetPorts(ctx, sw, ports[:2])
	must(t, err)
	if len(added) != 0 || len(removed) != 1 || removed[0].IfIndex != 3 {
		t.Errorf("got added %v, removed %v; want port 3 removed", added, removed)
	}
	got, err = n.NetPorts(ctx, sw)
	must(t, err)
	if len(got) != 2 || got[0].OperStatus != 2 {
		t.Errorf("got %+v; want 2 ports, the first down", got)
	}
}

func testNetLinks(t *testing.T, st store.Store, n store.NetQueries) {
	sw := newAsset(t, st, store.TypeNetwork, "sw1")
	_, _, err := n.ApplyNetPorts(ctx, sw, []store.NetPort{
		{IfIndex: 1, Name: "Gi0/1", VLANs: []store.PortVLAN{{ID: 10}}, Hash: "1"},
		{IfIndex: 48, Name: "Gi0/48", Uplink: true, Hash: "48"},
	})
	must(t, err)
	pcA := "3c:52:82:00:00:0a"
	pcB := "3c:52:82:00:00:0b"
	conns := []store.NetConnection{
		{IfIndex: 1, MAC: pcA, Key: "m:" + pcA},
		{IfIndex: 48, MAC: pcA, Key: "m:" + pcA},
		{IfIndex: 48, MAC: pcB, Key: "m:" + pcB},
		{IfIndex: 48, Neighbour: true, SysName: "core", IP: "10.0.0.1", PortDescr: "Te1/1", Key: "n:core|Te1/1"},
	}
	must(t, n.ApplyNetConnections(ctx, sw, conns))
	must(t, n.ApplyNetConnections(ctx, sw, conns)) // unchanged: no error, no duplicate
	got, err := n.NetConnections(ctx, sw)
	must(t, err)
	if len(got) != 4 || !got[1].Neighbour || got[1].SysName != "core" {
		t.Fatalf("got connections %+v; want 4, the neighbour first on port 48", got)
	}
	// The PC is inventoried after the switch: linked at read time.
	a := newAsset(t, st, store.TypeComputer, "pc-a", pcA)
	b := newAsset(t, st, store.TypeComputer, "pc-b", pcB)
	links, err := n.PortLinks(ctx, a)
	must(t, err)
	if len(links) != 1 || links[0].SwitchID != sw || links[0].SwitchName != "sw1" || links[0].Port.Name != "Gi0/1" ||
		links[0].MAC != pcA || len(links[0].Port.VLANs) != 1 || links[0].Port.VLANs[0].ID != 10 {
		t.Fatalf("got links %+v; want sw1 Gi0/1 VLAN 10 (the uplink ignored)", links)
	}
	if links, err := n.PortLinks(ctx, b); err != nil || len(links) != 0 {
		t.Errorf("got links %+v, %v for a PC seen only on the uplink; want none", links, err)
	}
	peers, err := n.PortPeers(ctx, sw)
	must(t, err)
	if len(peers) != 1 || peers[0].AssetID != a || peers[0].IfIndex != 1 || peers[0].AssetName != "pc-a" {
		t.Errorf("got peers %+v; want pc-a on port 1", peers)
	}
	// The PC moves: the switch's next report drops it from port 1.
	must(t, n.ApplyNetConnections(ctx, sw, conns[1:]))
	if links, err := n.PortLinks(ctx, a); err != nil || len(links) != 0 {
		t.Errorf("got links %+v, %v after the PC left port 1; want none", links, err)
	}
}

func testPrinterCounters(t *testing.T, st store.Store, n store.NetQueries) {
	p := newAsset(t, st, store.TypePrinter, "prn")
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	must(t, n.PutPrinterCounters(ctx, store.PrinterCounters{AssetID: p, Day: "2026-11-23", At: at, Total: 100, Black: 80, Color: 20}))
	must(t, n.PutPrinterCounters(ctx, store.PrinterCounters{AssetID: p, Day: "2026-11-23", At: at.Add(time.Hour), Total: 110, Black: 85, Color: 25}))
	got, err := n.PrinterCounterHistory(ctx, p, "")
	must(t, err)
	if len(got) != 1 || got[0].Total != 110 || !got[0].At.Equal(at.Add(time.Hour)) {
		t.Fatalf("got %+v; want one row of the day, total 110", got)
	}
	must(t, n.PutPrinterCounters(ctx, store.PrinterCounters{AssetID: p, Day: "2026-11-24", At: at.AddDate(0, 0, 1),
		Total: 150, CopyTotal: 7, Scanned: 3, FaxTotal: 1, RectoVerso: 9, PrintBlack: 4, PrintColor: 5, PrintTotal: 9,
		CopyBlack: 6, CopyColor: 1}))
	got, err = n.PrinterCounterHistory(ctx, p, "")
	must(t, err)
	if len(got) != 2 || got[1].Day != "2026-11-24" || got[1].CopyTotal != 7 || got[1].RectoVerso != 9 || got[1].Scanned != 3 {
		t.Fatalf("got %+v; want two days, the second with copy 7, recto-verso 9, scanned 3", got)
	}
	got, err = n.PrinterCounterHistory(ctx, p, "2026-11-24")
	must(t, err)
	if len(got) != 1 {
		t.Errorf("got %d rows since 2026-11-24; want 1", len(got))
	}
}

func testPrinterSupplies(t *testing.T, st store.Store, n store.NetQueries) {
	p := newAsset(t, st, store.TypePrinter, "prn")
	full := newAsset(t, st, store.TypePrinter, "prn-full")
	s := []store.PrinterSupply{
		{Name: "tonerblack", Description: "Black Toner", Kind: "toner", Color: "black", Level: 12, MaxCapacity: 10000},
		{Name: "wastetoner", Kind: "wastetoner", Level: 5},
		{Name: "fuserkit", Kind: "fuserkit", Level: -1, State: "OK"},
	}
	must(t, n.ApplyPrinterSupplies(ctx, p, "2026-11-23", s))
	must(t, n.ApplyPrinterSupplies(ctx, full, "2026-11-23", []store.PrinterSupply{{Name: "tonerblack", Kind: "toner", Level: 90}}))
	got, err := n.PrinterSupplies(ctx, p)
	must(t, err)
	if len(got) != 3 || got[0].Name != "fuserkit" || got[0].State != "OK" || got[1].Level != 12 || got[1].MaxCapacity != 10000 {
		t.Fatalf("got %+v; want 3 supplies by name", got)
	}
	for _, tc := range []struct{ percent, want int }{{15, 1}, {12, 0}, {95, 2}} {
		n2, err := n.CountLowSupplyPrinters(ctx, tc.percent)
		must(t, err)
		if n2 != tc.want {
			t.Errorf("got %d printers under %d%%; want %d (the waste box never counts)", n2, tc.percent, tc.want)
		}
	}
	page, err := st.ListAssets(ctx, store.AssetFilter{LowSupplies: true})
	must(t, err)
	if page.Total != 1 || page.Assets[0].ID != p {
		t.Errorf("got %d assets with low supplies; want prn", page.Total)
	}
	must(t, st.SetSetting(ctx, store.SettingLowSupplyPercent, "95"))
	page, err = st.ListAssets(ctx, store.AssetFilter{LowSupplies: true, Type: store.TypePrinter})
	must(t, err)
	if page.Total != 2 {
		t.Errorf("got %d assets with low supplies at the site's 95%%; want 2", page.Total)
	}
	s[0].Level = 10
	must(t, n.ApplyPrinterSupplies(ctx, p, "2026-11-23", s[:2]))
	must(t, n.ApplyPrinterSupplies(ctx, p, "2026-11-24", s[:2]))
	hist, err := n.SupplyLevelHistory(ctx, p, "")
	must(t, err)
	want := []store.SupplyLevel{
		{Day: "2026-11-23", Name: "fuserkit", Level: -1, State: "OK"},
		{Day: "2026-11-23", Name: "tonerblack", Level: 10},
		{Day: "2026-11-23", Name: "wastetoner", Level: 5},
		{Day: "2026-11-24", Name: "tonerblack", Level: 10},
		{Day: "2026-11-24", Name: "wastetoner", Level: 5},
	}
	if !reflect.DeepEqual(hist, want) {
		t.Errorf("got levels %+v; want %+v", hist, want)
	}
	if got, _ := n.PrinterSupplies(ctx, p); len(got) != 2 {
		t.Errorf("got %d supplies after the fuser kit went; want 2", len(got))
	}
}

func testNetInTx(t *testing.T, st store.Store, _ store.NetQueries) {
	p := newAsset(t, st, store.TypePrinter, "prn")
	err := st.WithTx(ctx, func(q store.Queries) error {
		n, err := store.Net(q)
		if err != nil {
			return err
		}
		return n.PutPrinterCounters(ctx, store.PrinterCounters{AssetID: p, Day: "2026-11-23", At: time.Now(), Total: 1})
	})
	must(t, err)
	n, _ := store.Net(st)
	got, err := n.PrinterCounterHistory(ctx, p, "")
	must(t, err)
	if len(got) != 1 {
		t.Errorf("got %d rows written in a transaction; want 1", len(got))
	}
}
