package snmp

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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

// benchWalks are tools/snmpbench's ten devices.
var benchWalks = []string{"librenms/brother", "librenms/xerox", "snmprec/glpi-agent-sample2",
	"snmprec/glpi-agent-sample3", "snmpsim-data/cisco-c3560", "snmpsim-data/hpe-procurve-516733-b21",
	"snmprec/glpi-agent-force10s", "snmprec/glpi-agent-sample5", "snmpsim-data/juniper-mx960-12-3r6-6",
	"snmprec/glpi-agent-sample1"}

// BenchmarkInventoryWalksSimCPU inventories snmpbench's ten devices one
// after the other and reports what the simulator spent on them
// (sim-ms/op, from /proc: the figure that bounds snmpbench's wall time,
// steadier than the wall time on a shared machine), with the requests
// and variables.
func BenchmarkInventoryWalksSimCPU(b *testing.B) {
	db := loadDB(b)
	var sessions []*Session
	for _, w := range benchWalks {
		sessions = append(sessions, dialWalk(b, w))
	}
	cpu0 := simCPU(b)
	var req, vars int
	for b.Loop() {
		for _, s := range sessions {
			r0, v0 := s.Requests(), s.Variables()
			if _, err := Inventory(context.Background(), s, InventoryOptions{DB: db}); err != nil {
				b.Fatal(err)
			}
			req, vars = req+s.Requests()-r0, vars+s.Variables()-v0
		}
	}
	b.ReportMetric(float64(simCPU(b)-cpu0)/float64(time.Millisecond)/float64(b.N), "sim-ms/op")
	b.ReportMetric(float64(req)/float64(b.N), "requests/op")
	b.ReportMetric(float64(vars)/float64(b.N), "variables/op")
}

// simCPU is the user and system time of the test's snmpsimd.
func simCPU(b *testing.B) time.Duration {
	b.Helper()
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	endpoint := []byte("--agent-udpv4-endpoint=" + sim.Addrs[0])
	for _, p := range procs {
		cmd, err := os.ReadFile(p)
		if err != nil || !bytes.Contains(cmd, endpoint) {
			continue
		}
		stat, err := os.ReadFile(filepath.Join(filepath.Dir(p), "stat"))
		if err != nil {
			continue
		}
		// utime and stime are fields 14 and 15, after the parenthesised name.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		u, _ := strconv.ParseInt(f[11], 10, 64)
		s, _ := strconv.ParseInt(f[12], 10, 64)
		return time.Duration(u+s) * time.Second / 100 // USER_HZ
	}
	b.Fatalf("no snmpsimd process serving %s in /proc", sim.Addrs[0])
	return 0
}
