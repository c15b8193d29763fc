package glpicompat

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// TestXMLNetworkEndpoint posts FusionInventory network results as an old
// agent does (zlib): every device lands in the park on its own identity,
// though all messages share the agent's deviceid.
func TestXMLNetworkEndpoint(t *testing.T) {
	ctx := context.Background()
	srv, st := newServer(t, Options{})
	for _, name := range []string{"cisco-c3560.netinventory.xml", "hpe-procurve-516733-b21.netinventory.xml",
		"brother.netdiscovery.xml", "brother.netinventory.xml"} {
		data, err := os.ReadFile(filepath.Join(referenceDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if code, body := post(t, srv.URL+"/plugins/fusioninventory/", "application/x-compress", zlibBytes(data), "", ""); code != 200 {
			t.Fatalf("%s: got %d %q; want 200", name, code, body)
		}
	}
	counts, err := st.CountAssetsByType(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts[store.TypeNetwork] != 2 || counts[store.TypePrinter] != 1 || counts[store.TypeComputer] != 0 {
		t.Errorf("got %v; want 2 switches and 1 printer (discovered, then inventoried)", counts)
	}
	page, err := st.ListAssets(ctx, store.AssetFilter{Query: "FOC1408Z61U"})
	if err != nil || page.Total != 1 || page.Assets[0].Name != "ShiTang" || page.Assets[0].DeviceID == "foo" {
		t.Errorf("got %+v, %v; want the ShiTang switch, not named after the agent's deviceid", page.Assets, err)
	}
	ctl := []byte(`<REQUEST><DEVICEID>foo</DEVICEID><QUERY>NETDISCOVERY</QUERY><CONTENT><AGENT><START>1</START></AGENT></CONTENT></REQUEST>`)
	if code, _ := post(t, srv.URL+"/", "application/xml", ctl, "", ""); code != 200 {
		t.Errorf("got %d for a control message; want 200", code)
	}
}

// TestJSONNetworkEndpoint posts GLPI Agent's JSON network results (the
// upstream examples): ingested as network devices, never as the agent.
func TestJSONNetworkEndpoint(t *testing.T) {
	ctx := context.Background()
	srv, st := newServer(t, Options{})
	for _, name := range []string{"printer_1.json", "networkequipment_3.json"} {
		data, err := os.ReadFile(filepath.Join("../../../shared/fixtures/glpi-inventory-format/examples", name))
		if err != nil {
			t.Fatal(err)
		}
		if code, body := post(t, srv.URL+"/", "application/json", data, "", ""); code != 200 || !strings.Contains(body, `"ok"`) {
			t.Fatalf("%s: got %d %q; want 200 ok", name, code, body)
		}
	}
	counts, _ := st.CountAssetsByType(ctx)
	if counts[store.TypePrinter] != 1 || counts[store.TypeNetwork] != 1 {
		t.Errorf("got %v; want a printer and a switch", counts)
	}
	nq, _ := store.Net(st)
	page, _ := st.ListAssets(ctx, store.AssetFilter{Type: store.TypeNetwork})
	if ports, _ := nq.NetPorts(ctx, page.Assets[0].ID); len(ports) != 61 {
		t.Errorf("got %d ports; want 61", len(ports))
	}
}
