package ingest

import (
	"context"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

const (
	walksDir      = "../../../shared/fixtures/snmp-walks"
	sysObjectPath = "../../../shared/fixtures/sysobject.ids"
)

// TestIngestSNMPInventories ingests what pkg/snmp reads from simulated
// devices (snmpsimd serving the shared walks), the way the collector's
// SNMP job runner does: the switches get their ports and the PCs seen on
// them, the printers their counters and every supply.
func TestIngestSNMPInventories(t *testing.T) {
	sim := snmptest.StartSim(t, walksDir, "127.0.0.1")
	db, err := snmp.LoadSysObjectIDs(sysObjectPath)
	if err != nil {
		t.Fatalf("the shared fixtures must sit beside the repository: %v", err)
	}
	tests := []struct {
		community string
		typ       string
		minPorts  int
		printer   bool
		serial    bool // the walk holds a serial number
		counters  bool // the walk holds page counters
	}{
		{"snmpsim-data/cisco-c3560", store.TypeNetwork, 20, false, true, false},
		{"snmpsim-data/hpe-procurve-516733-b21", store.TypeNetwork, 20, false, true, false},
		{"librenms/brother", store.TypePrinter, 3, true, true, false},
		// A partial capture: the system group and the supplies only.
		{"librenms/xerox", store.TypePrinter, 0, true, false, false},
	}
	devices := make([]*snmp.Device, len(tests))
	for i, tc := range tests {
		c, cancel := context.WithTimeout(ctx, time.Minute)
		s, err := snmp.Dial(c, sim.Addrs[0], snmp.Credential{Version: "2c", Community: tc.community},
			snmp.Options{Timeout: 2 * time.Second, Retries: 1})
		if err != nil {
			cancel()
			t.Fatal(err)
		}
		devices[i], err = snmp.Inventory(c, s, snmp.InventoryOptions{DB: db, Meta: snmp.Meta{DeviceID: "parc-collector-test"}})
		s.Close()
		cancel()
		if err != nil {
			t.Fatalf("inventory %s: %v", tc.community, err)
		}
	}
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		n := netQ(t, st)
		for i, tc := range tests {
			t.Run(tc.community, func(t *testing.T) {
				rep := devices[i].Report
				if err := rep.Validate(); err != nil {
					t.Fatal(err)
				}
				res := mustIngest(t, in, Source{Origin: "snmp", Network: true, TaskID: "sim"}, rep)
				a, _ := st.GetAsset(ctx, res.AssetID)
				if a.Type != tc.typ || (a.Serial != "") != tc.serial {
					t.Errorf("got type %q, serial %q; want %q, a serial: %v", a.Type, a.Serial, tc.typ, tc.serial)
				}
				ports, _ := n.NetPorts(ctx, a.ID)
				if len(ports) < tc.minPorts {
					t.Errorf("got %d ports; want at least %d", len(ports), tc.minPorts)
				}
				if tc.printer {
					counters, _ := n.PrinterCounterHistory(ctx, a.ID, "")
					supplies, _ := n.PrinterSupplies(ctx, a.ID)
					if (len(counters) == 1) != tc.counters || len(supplies) == 0 || len(supplies) != len(devices[i].Supplies) {
						t.Errorf("got counters %+v and %d supplies; want counters: %v and the %d supplies read", counters,
							len(supplies), tc.counters, len(devices[i].Supplies))
					}
					for _, s := range supplies {
						if s.Description == "" {
							t.Errorf("got supply %+v; want its description from content.parc.supplies", s)
						}
					}
				}
				before := historyCount(t, st, a.ID)
				mustIngest(t, in, Source{Origin: "snmp", Network: true, TaskID: "sim2"}, rep)
				if after := historyCount(t, st, a.ID); after != before {
					t.Errorf("re-ingest added %d history rows; want 0", after-before)
				}
			})
		}
	})
}
