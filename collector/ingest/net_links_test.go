package ingest

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// switchReport is a switch with an access port (Gi0/1, VLAN 10) where
// accessMACs were learned, and a trunk uplink (Gi0/48) that sees every
// MAC of the floor.
func switchReport(accessMACs []string, floor ...string) *inventory.Report {
	r := &inventory.Report{Action: inventory.ActionNetInventory, DeviceID: "runner", ItemType: inventory.ItemNetworkEquipment}
	r.Content.VersionClient = "Parc"
	r.Content.NetworkDevice = &inventory.NetworkDevice{Type: "Networking", Name: "sw-floor1", Serial: "FOC1234X0AB",
		MAC: "00:1b:54:00:00:01", IPs: []string{"10.0.0.2"}, Manufacturer: "Cisco", Model: "WS-C2960-24"}
	yes, no := true, false
	tagged := inventory.FlexBool(true)
	r.Content.NetworkPorts = []inventory.NetworkPort{
		{IfNumber: 10101, IfName: "Gi0/1", IfDescr: "GigabitEthernet0/1", MAC: "00:1b:54:00:00:02", IfStatus: 1,
			IfInternalStatus: 1, Trunk: &no, VLANs: []inventory.VLAN{{Number: "10", Name: "users"}},
			Connections: []inventory.Connection{{MAC: accessMACs}}},
		{IfNumber: 10148, IfName: "Gi0/48", MAC: "00:1b:54:00:00:03", IfStatus: 1, Trunk: &yes,
			VLANs:       []inventory.VLAN{{Number: "10", Tagged: &tagged}, {Number: "20", Tagged: &tagged}},
			Connections: []inventory.Connection{{MAC: append(append([]string{}, accessMACs...), floor...)}}},
	}
	return r
}

// TestPortLinks checks a PC is linked to the access port its MAC was
// learned on, whether it was inventoried before or after the switch, and
// never to the uplink.
func TestPortLinks(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		n := netQ(t, st)
		before := mustIngest(t, in, Source{Origin: "glpi"}, computer("pc-1", "PC-1", "uuid-link-0001", "SN-L1", "3c:52:82:0a:00:01"))
		sw := mustIngest(t, in, netSrc, switchReport([]string{"3c:52:82:0a:00:01", "3c:52:82:0a:00:02"}, "3c:52:82:0a:00:03"))
		after := mustIngest(t, in, Source{Origin: "glpi"}, computer("pc-2", "PC-2", "uuid-link-0002", "SN-L2", "3c:52:82:0a:00:02"))
		uplinkOnly := mustIngest(t, in, Source{Origin: "glpi"}, computer("pc-3", "PC-3", "uuid-link-0003", "SN-L3", "3c:52:82:0a:00:03"))
		for _, pc := range []Result{before, after} {
			links, err := n.PortLinks(ctx, pc.AssetID)
			if err != nil {
				t.Fatal(err)
			}
			if len(links) != 1 || links[0].SwitchID != sw.AssetID || links[0].Port.Name != "Gi0/1" ||
				len(links[0].Port.VLANs) != 1 || links[0].Port.VLANs[0].ID != 10 {
				t.Errorf("got links %+v for asset %d; want sw-floor1 Gi0/1 VLAN 10", links, pc.AssetID)
			}
		}
		if links, _ := n.PortLinks(ctx, uplinkOnly.AssetID); len(links) != 0 {
			t.Errorf("got links %+v for a PC seen only on the trunk; want none", links)
		}
		peers, _ := n.PortPeers(ctx, sw.AssetID)
		if len(peers) != 2 || peers[0].AssetName != "PC-1" || peers[1].AssetName != "PC-2" {
			t.Errorf("got peers %+v; want PC-1 and PC-2 on Gi0/1", peers)
		}
		// PC-1 moved elsewhere: the switch's next report unlinks it.
		mustIngest(t, in, netSrc, switchReport([]string{"3c:52:82:0a:00:02"}, "3c:52:82:0a:00:01", "3c:52:82:0a:00:03"))
		if links, _ := n.PortLinks(ctx, before.AssetID); len(links) != 0 {
			t.Errorf("got links %+v after PC-1 left the port; want none", links)
		}
	})
}

// TestUplinkToParkSwitch checks a port whose neighbour is a switch of the
// park is an uplink, though the neighbour's description says nothing.
func TestUplinkToParkSwitch(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		core := switchReport(nil)
		core.Content.NetworkDevice.Serial, core.Content.NetworkDevice.MAC = "CORE0001", "00:1b:54:00:99:01"
		mustIngest(t, in, netSrc, core)
		edge := switchReport([]string{"3c:52:82:0a:00:09"})
		yes := true
		edge.Content.NetworkPorts[0].LLDP = &yes
		edge.Content.NetworkPorts[0].Connections = append(edge.Content.NetworkPorts[0].Connections,
			inventory.Connection{SysName: "bldg-a", SysMAC: "00:1b:54:00:99:01", SysDescr: "7.1"})
		res := mustIngest(t, in, netSrc, edge)
		ports, _ := netQ(t, st).NetPorts(ctx, res.AssetID)
		if len(ports) == 0 || !ports[0].Uplink {
			t.Errorf("got ports %+v; want Gi0/1 an uplink to the park's core switch", ports)
		}
	})
}

// TestUplinkDetection checks which ports never claim a PC.
func TestUplinkDetection(t *testing.T) {
	many := make([]string, UplinkMACs+1)
	for i := range many {
		many[i] = "3c:52:82:0b:00:" + string("0123456789abcdef"[i/16]) + string("0123456789abcdef"[i%16])
	}
	yes := true
	tests := []struct {
		name string
		port inventory.NetworkPort
		want bool
	}{
		{"access port", inventory.NetworkPort{IfNumber: 1, Connections: []inventory.Connection{{MAC: many[:2]}}}, false},
		{"trunk", inventory.NetworkPort{IfNumber: 1, Trunk: &yes}, true},
		{"aggregate", inventory.NetworkPort{IfNumber: 1, Aggregate: []int64{2, 3}}, true},
		{"many MACs", inventory.NetworkPort{IfNumber: 1, Connections: []inventory.Connection{{MAC: many}}}, true},
		{"switch neighbour", inventory.NetworkPort{IfNumber: 1, LLDP: &yes, Connections: []inventory.Connection{{
			SysName: "core", SysDescr: "Cisco IOS Software, C2960 Software"}}}, true},
		{"phone neighbour", inventory.NetworkPort{IfNumber: 1, LLDP: &yes, Connections: []inventory.Connection{{
			SysName: "Cisco IP Phone SPA303", SysDescr: "7.5.2Cisco IP Phone SPA3", SysMAC: "38:1c:1a:b5:73:20"}}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ports, _ := netPortsOf([]inventory.NetworkPort{tc.port})
			if ports[0].Uplink != tc.want {
				t.Errorf("got uplink %v; want %v", ports[0].Uplink, tc.want)
			}
		})
	}
}

// TestUnmanaged checks a host without SNMP becomes an unmanaged asset, a
// later discovery with the same MAC finds it again, and an SNMP inventory
// of the same device turns it into a printer, keeping its history.
func TestUnmanaged(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		un := &inventory.Report{Action: inventory.ActionNetDiscovery, DeviceID: "runner", ItemType: inventory.ItemUnmanaged}
		un.Content.VersionClient = "Parc"
		un.Content.NetworkDevice = &inventory.NetworkDevice{Type: "Unmanaged", IPs: []string{"10.0.0.77"}, MAC: "00:68:eb:00:00:77"}
		res := mustIngest(t, in, netSrc, un)
		a, _ := st.GetAsset(ctx, res.AssetID)
		if a.Type != store.TypeUnmanaged || a.IP != "10.0.0.77" {
			t.Fatalf("got type %q, IP %q; want unmanaged at 10.0.0.77", a.Type, a.IP)
		}
		if again := mustIngest(t, in, netSrc, clone(t, un)); again.AssetID != res.AssetID || again.Created {
			t.Errorf("got asset %d (created %v) for the same host; want %d", again.AssetID, again.Created, res.AssetID)
		}
		noMAC := clone(t, un)
		noMAC.Content.NetworkDevice.MAC = ""
		noMAC.Content.NetworkDevice.IPs = []string{"10.0.0.78"}
		first := mustIngest(t, in, netSrc, noMAC)
		if again := mustIngest(t, in, netSrc, clone(t, noMAC)); again.AssetID != first.AssetID {
			t.Errorf("got asset %d for a MAC-less host seen again at its address; want %d", again.AssetID, first.AssetID)
		}
		p := mustIngest(t, in, netSrc, printerReport("runner", "SN-U", "00:68:eb:00:00:77", 5))
		if p.AssetID != res.AssetID {
			t.Fatalf("got asset %d for the inventoried printer; want the unmanaged %d", p.AssetID, res.AssetID)
		}
		a, _ = st.GetAsset(ctx, res.AssetID)
		if a.Type != store.TypePrinter {
			t.Errorf("got type %q; want printer", a.Type)
		}
		hist, _ := st.AssetHistory(ctx, a.ID, 0, 100)
		var created, typed bool
		for _, h := range hist {
			created = created || h.Field == "asset"
			typed = typed || (h.Field == "type" && h.OldValue == store.TypeUnmanaged && h.NewValue == store.TypePrinter)
		}
		if !created || !typed {
			t.Errorf("got history %+v; want its creation and the type change kept", hist)
		}
		// A PC with an agent seen by a discovery stays as it is.
		ag := newAgent(t, st, "pc-x")
		pc := mustIngest(t, in, Source{AgentID: ag.ID, Origin: "agent"}, computer("pc-x", "PC-X", "uuid-x-0001", "SNX", "3c:52:82:0c:00:01"))
		seen := clone(t, un)
		seen.Content.NetworkDevice.MAC, seen.Content.NetworkDevice.IPs = "3c:52:82:0c:00:01", []string{"10.0.0.99"}
		got := mustIngest(t, in, netSrc, seen)
		if got.AssetID != pc.AssetID {
			t.Errorf("got asset %d for a discovered PC; want its own %d", got.AssetID, pc.AssetID)
		}
		if a, _ := st.GetAsset(ctx, pc.AssetID); a.Type != store.TypeComputer || a.IP == "10.0.0.99" {
			t.Errorf("got type %q, IP %q; want the agent's PC untouched", a.Type, a.IP)
		}
	})
}
