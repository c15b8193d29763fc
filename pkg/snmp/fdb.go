package snmp

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	oidDot1dTpFdbPort         = ".1.3.6.1.2.1.17.4.3.1.2"
	oidDot1qTpFdbPort         = ".1.3.6.1.2.1.17.7.1.2.2.1.2"
	oidIPNetToMediaIfIndex    = ".1.3.6.1.2.1.4.22.1.1"
	oidIPNetToMediaPhysAddres = ".1.3.6.1.2.1.4.22.1.2"
)

// fdbMACs maps forwarding-table rows (suffix ending with the six MAC
// arcs, value a bridge port) to MACs per ifIndex.
func fdbMACs(fdb, bridgePorts Table) map[int64][]string {
	out := map[int64][]string{}
	for _, s := range fdb.Suffixes() {
		arcs := lastArcs(s, 6)
		port, ok := fdb.Int(s)
		if arcs == nil || !ok || port <= 0 {
			continue
		}
		idx, ok := bridgePorts.Int(strconv.FormatInt(port, 10))
		if !ok || idx <= 0 {
			continue // GLPI Agent too drops rows of unmapped bridge ports
		}
		b := make([]byte, 6)
		valid := true
		for i, a := range arcs {
			valid = valid && a <= 255
			b[i] = byte(a)
		}
		if valid {
			out[idx] = append(out[idx], macString(b))
		}
	}
	return out
}

// arpMACs maps ipNetToMediaTable rows to MACs per ifIndex: devices
// without a forwarding table still know who talks to them.
func arpMACs(ifIndex, phys Table) map[int64][]string {
	out := map[int64][]string{}
	for _, s := range phys.Suffixes() {
		idx, ok := ifIndex.Int(s)
		mac := pduMAC(phys[s])
		if ok && validMAC(mac) {
			out[idx] = append(out[idx], mac)
		}
	}
	return out
}

// FDBOptions tunes the MAC table read.
type FDBOptions struct {
	// VLANContexts reads the BRIDGE-MIB of each VLAN through Cisco's
	// per-VLAN community ("community@vlan") or v3 context ("vlan-N") when
	// the default context has no Q-BRIDGE table.
	VLANContexts bool
	// Contexts opens a session for one VLAN context; nil disables them.
	Contexts func(ctx context.Context, vlan int64) (Reader, func(), error)
}

// ReadFDB adds the MACs learned on each port as one connection, except on
// ports whose neighbour LLDP or CDP already names.
func ReadFDB(ctx context.Context, r Reader, ports Ports, bridgePorts Table, opts FDBOptions) error {
	f, err := startFDB(ctx, r, ports, bridgePorts, opts)
	if err != nil {
		return err
	}
	return f.finish(ctx, r, ports)
}

// pendingFDB is a MAC table read whose VLAN contexts are still being
// read in the background.
type pendingFDB struct {
	done     bool // the default context's Q-BRIDGE table said it all
	contexts chan []map[int64][]string
}

// startFDB reads the default context's MAC table through r and starts
// reading the VLAN contexts' tables, when needed, in the background: a
// VLAN without a context answers nothing, so the contexts take at least
// a timeout, which the caller can spend reading the rest of the device
// through r before calling finish. The background reads use their own
// sessions and leave ports alone.
func startFDB(ctx context.Context, r Reader, ports Ports, bridgePorts Table, opts FDBOptions) (*pendingFDB, error) {
	// A Q-BRIDGE table holds every VLAN's MACs, the default VLAN's that
	// dot1dTpFdbTable shows among them: when it is there, the BRIDGE-MIB
	// table would only be read again for nothing.
	qt, err := walkColumn(ctx, r, oidDot1qTpFdbPort)
	if err != nil {
		return nil, err
	}
	if q := fdbMACs(qt, bridgePorts); len(q) > 0 {
		addMACs(ports, q)
		return &pendingFDB{done: true}, nil
	}
	dt, err := walkColumn(ctx, r, oidDot1dTpFdbPort)
	if err != nil {
		return nil, err
	}
	addMACs(ports, fdbMACs(dt, bridgePorts))
	f := &pendingFDB{}
	if opts.VLANContexts && opts.Contexts != nil {
		vlans := contextVLANs(ports)
		f.contexts = make(chan []map[int64][]string, 1)
		go func() { f.contexts <- vlanFDBs(ctx, vlans, opts) }()
	}
	return f, nil
}

// finish waits for the VLAN contexts, adds their MACs, and when none
// gave any, falls back to the ARP table through r.
func (f *pendingFDB) finish(ctx context.Context, r Reader, ports Ports) error {
	if f.done {
		return nil
	}
	found := false
	if f.contexts != nil {
		for _, macs := range <-f.contexts {
			found = found || len(macs) > 0
			addMACs(ports, macs)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if found {
		return nil
	}
	arp, err := readTables(ctx, r, oidIPNetToMediaIfIndex, oidIPNetToMediaPhysAddres)
	if err != nil {
		return err
	}
	addMACs(ports, arpMACs(arp[oidIPNetToMediaIfIndex], arp[oidIPNetToMediaPhysAddres]))
	return nil
}

// vlanContextsAtOnce bounds the VLAN contexts read at the same time.
const vlanContextsAtOnce = 8

// vlanFDBs reads the MAC table of each VLAN's context, several at once: a
// VLAN without a context answers nothing, and in turn each would cost a
// full timeout. The tables come back in the order of vlans, nil for a
// VLAN without context.
func vlanFDBs(ctx context.Context, vlans []int64, opts FDBOptions) []map[int64][]string {
	out := make([]map[int64][]string, len(vlans))
	sem := make(chan struct{}, vlanContextsAtOnce)
	var wg sync.WaitGroup
	for i, vlan := range vlans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if macs, err := vlanFDB(ctx, vlan, opts); err == nil {
				out[i] = macs
			}
		}()
	}
	wg.Wait()
	return out
}

func vlanFDB(ctx context.Context, vlan int64, opts FDBOptions) (map[int64][]string, error) {
	vr, closeFn, err := opts.Contexts(ctx, vlan)
	if err != nil {
		return nil, fmt.Errorf("vlan %d context: %w", vlan, err)
	}
	defer closeFn()
	t, err := readTables(ctx, vr, oidDot1dTpFdbPort, oidDot1dBasePortIfIndex)
	if err != nil {
		return nil, err
	}
	return fdbMACs(t[oidDot1dTpFdbPort], t[oidDot1dBasePortIfIndex]), nil
}

// contextVLANs lists the VLANs of ports without an LLDP/CDP neighbour,
// VLAN 1 excepted: the default context already holds it.
func contextVLANs(ports Ports) []int64 {
	seen := map[int64]bool{1: true}
	var out []int64
	for _, p := range ports.Sorted() {
		if p.LLDP != nil && *p.LLDP {
			continue
		}
		for _, v := range p.VLANs {
			n, err := strconv.ParseInt(strings.TrimSpace(string(v.Number)), 10, 64)
			if err == nil && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// addMACs adds learned MACs to ports, skipping LLDP/CDP ports, the
// port's own MAC and duplicates.
func addMACs(ports Ports, macs map[int64][]string) {
	for idx, list := range macs {
		p := ports[idx]
		if p == nil || (p.LLDP != nil && *p.LLDP) {
			continue
		}
		if len(p.Connections) == 0 {
			p.Connections = []inventory.Connection{{}}
		}
		c := &p.Connections[0]
		known := map[string]bool{p.MAC: true}
		for _, m := range c.MAC {
			known[m] = true
		}
		for _, m := range list {
			if !known[m] {
				known[m] = true
				c.MAC = append(c.MAC, m)
			}
		}
		if len(c.MAC) == 0 {
			p.Connections = nil
		}
	}
}
