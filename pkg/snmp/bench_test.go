package snmp

import (
	"context"
	"testing"
	"time"
)

// BenchmarkSweep sweeps 127.0.1.0/28 (14 addresses, 3 answering); silent
// addresses refuse on loopback at once, so this measures the sweep's own
// cost, not waiting, and the timeout only has to be long enough for a
// loaded machine. tools/snmpbench measures sweeps with silent addresses.
func BenchmarkSweep(b *testing.B) {
	simAddr(b)
	db := loadDB(b)
	for b.Loop() {
		res, err := Discover(context.Background(), DiscoverOptions{Targets: []string{sweepRange},
			Credentials: []Credential{{Version: "2c", Community: "snmpsim-data/cisco-c3560"}},
			Session:     Options{Port: uint16(sim.Port), Timeout: 2 * time.Second}, DB: db})
		if err != nil || len(res) != len(sweepIPs) {
			b.Fatalf("got %d results, %v", len(res), err)
		}
	}
}

// BenchmarkInventorySwitch is the full inventory of the Catalyst 3560
// walk (57 ports, CDP, VTP VLANs, ENTITY-MIB).
func BenchmarkInventorySwitch(b *testing.B) {
	benchInventory(b, "snmpsim-data/cisco-c3560")
}

// BenchmarkInventoryPrinter is the full inventory of the Brother walk.
func BenchmarkInventoryPrinter(b *testing.B) {
	benchInventory(b, "librenms/brother")
}

func benchInventory(b *testing.B, community string) {
	db := loadDB(b)
	s := dialWalk(b, community)
	for b.Loop() {
		if _, err := Inventory(context.Background(), s, InventoryOptions{DB: db}); err != nil {
			b.Fatal(err)
		}
	}
}
