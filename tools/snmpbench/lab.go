package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/parcproject/parc/pkg/snmp"
	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

// walks are the devices of the bench, from the shared fixtures: printers,
// access and blade switches, a stack, a core router. The sweep serves one
// of each; the inventory serves each on five addresses.
var walks = []string{
	"librenms/brother",
	"librenms/xerox",
	"snmprec/glpi-agent-sample2", // Ricoh Aficio
	"snmprec/glpi-agent-sample3", // Epson
	"snmpsim-data/cisco-c3560",
	"snmpsim-data/hpe-procurve-516733-b21",
	"snmprec/glpi-agent-force10s",
	"snmprec/glpi-agent-sample5", // H3C
	"snmpsim-data/juniper-mx960-12-3r6-6",
	"snmprec/glpi-agent-sample1", // HP ProCurve fragment
}

// sweepHosts are the last octets that answer SNMP in the swept /24.
var sweepHosts = []int{7, 23, 48, 66, 91, 115, 140, 177, 203, 250}

// community is the one community every simulated device answers.
const community = "public"

// device is one simulated device.
type device struct {
	IP   string
	Walk string
}

// lab is the simulated network: snmpsimd answering on the sweep's
// devices and the inventory's, and a socket on every other address of
// the swept /24 that reads requests and never answers, as an empty
// address of a real LAN does (on loopback, nothing listening would
// refuse at once and hide the cost of a timeout).
type lab struct {
	Port      int
	SweepNet  string // "127.77.1"
	Sweep     []device
	Inventory []device
	// Sims is how many snmpsimd processes serve the devices.
	Sims int
	// Root is the lab's folder; the simulators' command lines name it.
	Root string
	stop []func()
}

// startSim starts the n-th snmpsimd, serving devices. Each has its own
// data and index cache folders (the cache is kept between runs: indexing
// the large walks takes seconds).
func (l *lab) startSim(root, copies string, n int, devices []device) error {
	data, cache := filepath.Join(root, fmt.Sprintf("data-%d", n)), filepath.Join(root, fmt.Sprintf("cache-%d", n))
	if err := os.RemoveAll(data); err != nil {
		return err
	}
	for _, d := range []string{filepath.Join(data, community), cache} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	// The i-th endpoint serves public/1.3.6.1.6.1.1.i.snmprec: a link to
	// the device's walk, so copies share one index.
	var endpoints []string
	for i, d := range devices {
		link := filepath.Join(data, community, "1.3.6.1.6.1.1."+strconv.Itoa(i)+".snmprec")
		if err := os.Symlink(filepath.Join(copies, filepath.Base(d.Walk)+".snmprec"), link); err != nil {
			return err
		}
		endpoints = append(endpoints, net.JoinHostPort(d.IP, strconv.Itoa(l.Port)))
	}
	for _, d := range []string{root, data, filepath.Join(data, community), copies} {
		_ = os.Chmod(d, 0o755)
	}
	stop, err := snmptest.Launch(snmptest.SimConfig{Data: data, Cache: cache, Endpoints: endpoints,
		V2CArch: true, Ready: community})
	if err != nil {
		return fmt.Errorf("snmpsimd %d: %w", n, err)
	}
	l.stop = append(l.stop, stop)
	return nil
}

// startLab builds the data folder and starts the devices.
func startLab(walksDir, sweepNet, invNet string, invCount, perSim int) (*lab, error) {
	l := &lab{SweepNet: sweepNet}
	root := filepath.Join(os.TempDir(), "parc-snmpbench")
	l.Root = root
	copies := filepath.Join(root, "walks")
	if err := os.MkdirAll(copies, 0o755); err != nil {
		return nil, err
	}
	for _, w := range walks {
		if err := copyFile(filepath.Join(walksDir, w+".snmprec"), filepath.Join(copies, filepath.Base(w)+".snmprec")); err != nil {
			return nil, err
		}
	}
	for i, h := range sweepHosts {
		l.Sweep = append(l.Sweep, device{IP: fmt.Sprintf("%s.%d", sweepNet, h), Walk: walks[i%len(walks)]})
	}
	for i := range invCount {
		l.Inventory = append(l.Inventory, device{IP: fmt.Sprintf("%s.%d", invNet, i+1), Walk: walks[i%len(walks)]})
	}
	port, err := freeUDPPort(l.Sweep[0].IP)
	if err != nil {
		return nil, err
	}
	l.Port = port
	all := append(append([]device{}, l.Sweep...), l.Inventory...)
	perSim = max(perSim, 1)
	for first := 0; first < len(all); first += perSim {
		group := all[first:min(first+perSim, len(all))]
		if err := l.startSim(root, copies, first/perSim, group); err != nil {
			l.Close()
			return nil, err
		}
	}
	l.Sims = len(l.stop)
	if err := l.blackholes(); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// blackholes binds the silent addresses of the swept /24.
func (l *lab) blackholes() error {
	answering := map[string]bool{}
	for _, d := range l.Sweep {
		answering[d.IP] = true
	}
	for h := 1; h <= 254; h++ {
		ip := fmt.Sprintf("%s.%d", l.SweepNet, h)
		if answering[ip] {
			continue
		}
		c, err := net.ListenPacket("udp", net.JoinHostPort(ip, strconv.Itoa(l.Port)))
		if err != nil {
			return fmt.Errorf("silent address %s: %w", ip, err)
		}
		go func() {
			buf := make([]byte, 65536)
			for {
				if _, _, err := c.ReadFrom(buf); err != nil {
					return
				}
			}
		}()
		l.stop = append(l.stop, func() { c.Close() })
	}
	return nil
}

// Close stops the devices.
func (l *lab) Close() {
	for _, s := range l.stop {
		s()
	}
}

func freeUDPPort(ip string) (int, error) {
	c, err := net.ListenPacket("udp", net.JoinHostPort(ip, "0"))
	if err != nil {
		return 0, fmt.Errorf("find a free port on %s: %w", ip, err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port, nil
}

// copyFile copies src to dst, world-readable (snmpsimd runs as nobody
// under root), unless dst already has src's size.
func copyFile(src, dst string) error {
	si, err := os.Stat(src)
	if err != nil {
		return fmt.Errorf("walk %s (the shared fixtures must sit beside the repository): %w", src, err)
	}
	if di, err := os.Stat(dst); err == nil && di.Size() == si.Size() {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.WriteFile(dst+".tmp", b, 0o644); err != nil {
		return err
	}
	return os.Rename(dst+".tmp", dst)
}

// warm asks every device for its sysObjectID once before either tool
// runs: snmpsimd opens a walk's index and text on the first request for
// it, and the first tool would otherwise pay that for the second.
func (l *lab) warm(ctx context.Context) error {
	for _, d := range append(append([]device{}, l.Sweep...), l.Inventory...) {
		s, err := snmp.Dial(ctx, net.JoinHostPort(d.IP, strconv.Itoa(l.Port)),
			snmp.Credential{ID: 1, Version: "2c", Community: community}, snmp.Options{Timeout: 5 * time.Second, Retries: 2})
		if err != nil {
			return err
		}
		_, err = s.Get(ctx, ".1.3.6.1.2.1.1.2.0")
		s.Close()
		if err != nil {
			return fmt.Errorf("warm %s (%s): %w", d.IP, d.Walk, err)
		}
	}
	return nil
}
