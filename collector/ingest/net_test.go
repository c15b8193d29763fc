package ingest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

var netSrc = Source{Origin: "snmp", Network: true, TaskID: "job-1"}

func netQ(t testing.TB, st store.Store) store.NetQueries {
	t.Helper()
	n, err := store.Net(st)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestNetExamples ingests every upstream printer and network equipment
// example as an SNMP task's result: ports, counters and supplies land in
// their tables, and a re-sent report writes no history.
func TestNetExamples(t *testing.T) {
	tests := []struct {
		file, typ     string
		ports         int
		counters      bool
		supplies      int
		connectedPort bool // some port sees a MAC or a neighbour
	}{
		{"printer_1.json", store.TypePrinter, 2, true, 1, false},
		{"printer_2.json", store.TypePrinter, 2, true, 1, false},
		{"networkequipment_1.json", store.TypeNetwork, 183, false, 0, true},
		{"networkequipment_3.json", store.TypeNetwork, 61, false, 0, true},
		{"networkequipment_5.json", store.TypeNetwork, 54, false, 0, true},
	}
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		n := netQ(t, st)
		for _, tc := range tests {
			t.Run(tc.file, func(t *testing.T) {
				res := mustIngest(t, in, netSrc, parse(t, example(t, tc.file)))
				a, err := st.GetAsset(ctx, res.AssetID)
				if err != nil {
					t.Fatal(err)
				}
				if a.Type != tc.typ || a.DeviceID != "" {
					t.Errorf("got type %q, deviceid %q; want %q and no deviceid (it names the runner)", a.Type, a.DeviceID, tc.typ)
				}
				ports, err := n.NetPorts(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(ports) != tc.ports {
					t.Errorf("got %d ports; want %d", len(ports), tc.ports)
				}
				conns, _ := n.NetConnections(ctx, a.ID)
				if (len(conns) > 0) != tc.connectedPort {
					t.Errorf("got %d connections; want some: %v", len(conns), tc.connectedPort)
				}
				counters, _ := n.PrinterCounterHistory(ctx, a.ID, "")
				if (len(counters) == 1) != tc.counters {
					t.Errorf("got %d counter rows; want 1: %v", len(counters), tc.counters)
				}
				supplies, _ := n.PrinterSupplies(ctx, a.ID)
				if len(supplies) != tc.supplies {
					t.Errorf("got %d supplies; want %d", len(supplies), tc.supplies)
				}
				if cs, _ := st.Components(ctx, a.ID, "network_ports"); len(cs) != 0 {
					t.Errorf("got %d ports stored as components; want them in net_ports only", len(cs))
				}
				before := historyCount(t, st, a.ID)
				res2 := mustIngest(t, in, netSrc, parse(t, example(t, tc.file)))
				if res2.AssetID != a.ID || res2.Created {
					t.Errorf("re-ingest went to asset %d (created %v); want %d", res2.AssetID, res2.Created, a.ID)
				}
				if after := historyCount(t, st, a.ID); after != before {
					t.Errorf("re-ingest added %d history rows; want 0", after-before)
				}
			})
		}
	})
}

// printerReport is a small netinventory report of a printer.
func printerReport(deviceid, serial, mac string, total int64, supplies ...inventory.Supply) *inventory.Report {
	r := &inventory.Report{Action: inventory.ActionNetInventory, DeviceID: deviceid, ItemType: inventory.ItemPrinter}
	r.Content.VersionClient = "Parc-Collector_v0.1.0"
	r.Content.NetworkDevice = &inventory.NetworkDevice{Type: "Printer", Name: "PRN-" + serial, Serial: serial, MAC: mac,
		IPs: []string{"10.0.0.50"}, Manufacturer: "Hewlett-Packard", Model: "LaserJet M507", RAM: 512}
	r.Content.NetworkPorts = []inventory.NetworkPort{{IfNumber: 1, IfName: "eth0", MAC: mac, IfType: 6, IfStatus: 1}}
	r.Content.PageCounters = &inventory.PageCounters{Total: total, Black: total, RectoVerso: total / 2}
	if len(supplies) > 0 {
		r.Content.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion, Supplies: supplies}
	}
	return r
}

// TestNetIdentity checks devices are told apart by their own identity,
// never by the deviceid every report of a job shares.
func TestNetIdentity(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		a := mustIngest(t, in, netSrc, printerReport("runner-1", "SN-A", "00:68:eb:00:00:0a", 10))
		b := mustIngest(t, in, netSrc, printerReport("runner-1", "SN-B", "00:68:eb:00:00:0b", 10))
		if a.AssetID == b.AssetID || !a.Created || !b.Created {
			t.Fatalf("got assets %d and %d; want two printers though the deviceid is shared", a.AssetID, b.AssetID)
		}
		// Same MAC, junk serial: the MAC finds the printer.
		r := printerReport("runner-2", "0000000000", "00:68:eb:00:00:0a", 11)
		if got := mustIngest(t, in, netSrc, r); got.AssetID != a.AssetID {
			t.Errorf("got asset %d for a junk serial and a known MAC; want %d", got.AssetID, a.AssetID)
		}
		// An agent that runs the task does not take the printer.
		ag := newAgent(t, st, "pc-runner")
		pc := mustIngest(t, in, Source{AgentID: ag.ID, ReportID: "r1", Origin: "agent"},
			computer("pc-runner", "PC-RUNNER", "uuid-run-0001", "SNPC"))
		got := mustIngest(t, in, Source{AgentID: ag.ID, ReportID: "r2", Origin: "agent", Network: true},
			printerReport("pc-runner", "SN-A", "00:68:eb:00:00:0a", 12))
		if got.AssetID != a.AssetID {
			t.Errorf("got asset %d for an agent's SNMP result; want printer %d", got.AssetID, a.AssetID)
		}
		if agent, _ := st.GetAgent(ctx, ag.ID); agent.AssetID != pc.AssetID {
			t.Errorf("got agent's asset %d after an SNMP result; want its PC %d", agent.AssetID, pc.AssetID)
		}
		dup := mustIngest(t, in, Source{AgentID: ag.ID, ReportID: "r2", Origin: "agent", Network: true},
			printerReport("pc-runner", "SN-A", "00:68:eb:00:00:0a", 13))
		if !dup.Duplicate || dup.AssetID != a.AssetID {
			t.Errorf("got %+v for a resent SNMP result; want a duplicate of printer %d", dup, a.AssetID)
		}
	})
}

// TestNetDiscoveryKeepsInventory checks a discovery of an inventoried
// device updates its identity only.
func TestNetDiscoveryKeepsInventory(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		full := mustIngest(t, in, netSrc, parse(t, example(t, "networkequipment_3.json")))
		disc := &inventory.Report{Action: inventory.ActionNetDiscovery, DeviceID: "runner", ItemType: inventory.ItemNetworkEquipment}
		disc.Content.VersionClient = "Parc"
		disc.Content.NetworkDevice = &inventory.NetworkDevice{Type: "Networking", Name: "HP-2530-48G-RENAMED",
			Serial: "CN5BFP62CP", MAC: "b0:5a:da:10:10:80", IPs: []string{"192.168.63.30"}}
		res := mustIngest(t, in, netSrc, disc)
		if res.AssetID != full.AssetID {
			t.Fatalf("discovery went to asset %d; want %d", res.AssetID, full.AssetID)
		}
		a, _ := st.GetAsset(ctx, res.AssetID)
		if a.Name != "HP-2530-48G-RENAMED" || a.Firmware != "YA.15.12.0015" || a.Model != "2530-48G" {
			t.Errorf("got name %q, firmware %q, model %q; want the new name and the inventory's firmware and model kept",
				a.Name, a.Firmware, a.Model)
		}
		if ports, _ := netQ(t, st).NetPorts(ctx, a.ID); len(ports) != 61 {
			t.Errorf("got %d ports after a discovery; want the 61 kept", len(ports))
		}
		if macs, _ := st.AssetMACs(ctx, a.ID); len(macs) < 2 {
			t.Errorf("got MACs %v after a discovery; want the ports' MACs kept", macs)
		}
	})
}

// TestPrinterHistory checks one counters row per day (the latest wins),
// the supply levels of each day and the low-supply flag.
func TestPrinterHistory(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		n := netQ(t, st)
		day := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
		black := func(pct int) inventory.Supply {
			return inventory.Supply{Index: "1.1", Key: "tonerblack", Description: "Black Toner", Type: 3, Class: 3,
				Max: 100, Level: int64(pct), Percent: pct, Value: "x"}
		}
		in.now = func() time.Time { return day }
		a := mustIngest(t, in, netSrc, printerReport("r", "SN-P", "00:68:eb:00:00:01", 1000, black(40)))
		in.now = func() time.Time { return day.Add(3 * time.Hour) }
		mustIngest(t, in, netSrc, printerReport("r", "SN-P", "00:68:eb:00:00:01", 1100, black(12)))
		rows, _ := n.PrinterCounterHistory(ctx, a.AssetID, "")
		if len(rows) != 1 || rows[0].Total != 1100 || rows[0].RectoVerso != 550 {
			t.Fatalf("got %+v; want one row of the day with the later total 1100", rows)
		}
		if c, _ := n.CountLowSupplyPrinters(ctx, store.DefaultLowSupplyPercent); c != 1 {
			t.Errorf("got %d printers low on supplies at 12%%; want 1", c)
		}
		in.now = func() time.Time { return day.AddDate(0, 0, 1) }
		mustIngest(t, in, netSrc, printerReport("r", "SN-P", "00:68:eb:00:00:01", 1300, black(100)))
		rows, _ = n.PrinterCounterHistory(ctx, a.AssetID, "")
		if len(rows) != 2 || rows[1].Total != 1300 {
			t.Errorf("got %+v; want two days", rows)
		}
		levels, _ := n.SupplyLevelHistory(ctx, a.AssetID, "")
		if len(levels) != 2 || levels[0].Level != 12 || levels[1].Level != 100 {
			t.Errorf("got levels %+v; want 12 then 100", levels)
		}
		if c, _ := n.CountLowSupplyPrinters(ctx, store.DefaultLowSupplyPercent); c != 0 {
			t.Errorf("got %d printers low on supplies after a new toner; want 0", c)
		}
	})
}
