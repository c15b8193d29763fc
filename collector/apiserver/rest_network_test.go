package apiserver

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/parcproject/parc/collector/ingest"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// TestRESTAssetNetwork checks GET /api/v1/assets/{id} carries where a PC
// is plugged, a switch's ports with the PC on them, and a printer's
// counters and supplies.
func TestRESTAssetNetwork(t *testing.T) {
	forEachDialect(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		pc := e.seedPark()
		macs := []string{"3c:52:82:0a:00:99"}
		if err := e.st.SetAssetMACs(ctx, pc, macs); err != nil {
			t.Fatal(err)
		}
		in, err := ingest.New(e.st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		src := ingest.Source{Origin: "snmp", Network: true}
		sw := &inventory.Report{Action: "netinventory", DeviceID: "runner", ItemType: "NetworkEquipment", Content: inventory.Content{
			VersionClient: "Parc", NetworkDevice: &inventory.NetworkDevice{Type: "Networking", Name: "sw1", Serial: "FOC1"},
			NetworkPorts: []inventory.NetworkPort{{IfNumber: 3, IfName: "Gi0/3", VLANs: []inventory.VLAN{{Number: "30"}},
				Connections: []inventory.Connection{{MAC: macs[:1]}}}}}}
		swRes, err := in.Ingest(ctx, src, sw)
		if err != nil {
			t.Fatal(err)
		}
		prn := &inventory.Report{Action: "netinventory", DeviceID: "runner", ItemType: "Printer", Content: inventory.Content{
			VersionClient: "Parc", NetworkDevice: &inventory.NetworkDevice{Type: "Printer", Name: "prn1", Serial: "PRN1"},
			PageCounters: &inventory.PageCounters{Total: 1234}, Cartridges: []byte(`[{"tonerblack":"42"},{"wastetoner":"OK"}]`)}}
		prnRes, err := in.Ingest(ctx, src, prn)
		if err != nil {
			t.Fatal(err)
		}
		tok := e.apiToken("obs", store.RoleObserver)
		var got AssetDetailJSON
		if code := e.do("GET", fmt.Sprintf("%s/%d", PathAssets, pc), auth2(tok), nil, &got); code != 200 {
			t.Fatalf("got %d; want 200", code)
		}
		if n := got.Network; n == nil || len(n.Links) != 1 || n.Links[0].SwitchName != "sw1" || n.Links[0].Port != "Gi0/3" ||
			len(n.Links[0].VLANs) != 1 || n.Links[0].VLANs[0].ID != 30 {
			t.Errorf("got network %+v for the PC; want sw1 Gi0/3 VLAN 30", got.Network)
		}
		got = AssetDetailJSON{}
		e.do("GET", fmt.Sprintf("%s/%d", PathAssets, swRes.AssetID), auth2(tok), nil, &got)
		if n := got.Network; n == nil || len(n.Ports) != 1 || len(n.Ports[0].Connections) != 1 ||
			n.Ports[0].Connections[0].AssetID == nil || *n.Ports[0].Connections[0].AssetID != pc {
			t.Errorf("got network %+v for the switch; want port Gi0/3 with the PC", got.Network)
		}
		got = AssetDetailJSON{}
		e.do("GET", fmt.Sprintf("%s/%d", PathAssets, prnRes.AssetID), auth2(tok), nil, &got)
		if n := got.Network; n == nil || len(n.Counters) != 1 || n.Counters[0].Total != 1234 || len(n.Supplies) != 2 ||
			n.Supplies[0].Name != "tonerblack" || n.Supplies[0].Level == nil || *n.Supplies[0].Level != 42 ||
			n.Supplies[1].Level != nil || n.Supplies[1].State != "OK" {
			t.Errorf("got network %+v for the printer; want its counters and supplies", got.Network)
		}
		var list AssetListJSON
		if code := e.do("GET", PathAssets+"?type=printer&supplies=low", auth2(tok), nil, &list); code != 200 || list.Total != 0 {
			t.Errorf("got %d, %d printers low on supplies at 42 %%; want 200 and none", code, list.Total)
		}
		if err := e.st.SetSetting(ctx, store.SettingLowSupplyPercent, "50"); err != nil {
			t.Fatal(err)
		}
		if e.do("GET", PathAssets+"?supplies=low", auth2(tok), nil, &list); list.Total != 1 || list.Items[0].ID != prnRes.AssetID {
			t.Errorf("got %d assets low on supplies under 50 %%; want the printer", list.Total)
		}
		if code := e.do("GET", PathAssets+"?type=unmanaged", auth2(tok), nil, &list); code != 200 {
			t.Errorf("got %d for type=unmanaged; want 200", code)
		}
	})
}
