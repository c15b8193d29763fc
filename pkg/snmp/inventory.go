package snmp

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// InventoryOptions tunes a full inventory.
type InventoryOptions struct {
	// DB identifies devices by sysObjectID; nil leaves sysDescr and MIB
	// probing only.
	DB *SysObjectDB
	// VLANContexts reads Cisco per-VLAN MAC tables (community@vlan). Each
	// VLAN costs a request, and a timeout where the VLAN has no context.
	VLANContexts bool
	// Meta stamps the report.
	Meta Meta
}

// Device is the outcome of a full inventory.
type Device struct {
	Identity *Identity
	// Report is the netinventory report, valid against the GLPI schema.
	Report *inventory.Report
	// Supplies lists every printer supply with its description, capacity
	// and level, beyond GLPI's cartridges map.
	Supplies []Supply
}

// Inventory reads everything Parc knows how to read from one device
// through s: identity, memory, ports, and by type the printer supplies and
// page counters or the switch VLANs, trunks, aggregates, neighbours, MAC
// table and components.
func Inventory(ctx context.Context, s *Session, opts InventoryOptions) (*Device, error) {
	defer s.cacheWalks()()
	// The memory and CPU scalars come with the identification's, in one
	// request.
	v, err := s.Get(ctx, append(slices.Clone(probeOIDs), memoryOIDs...)...)
	if err != nil {
		return nil, fmt.Errorf("identify: %w", err)
	}
	id := newIdentity(v, opts.DB)
	var contexts *contextOpener
	if opts.VLANContexts && id.Type == TypeNetworking && strings.HasPrefix(id.SysObjectID+".", ".1.3.6.1.4.1.9.") {
		contexts = newContextOpener(ctx, s.openVLANContext)
		defer contexts.close()
		if err := contexts.startVTP(ctx, s); err != nil {
			return nil, fmt.Errorf("inventory %s: %w", s.Host(), err)
		}
	}
	walk, probe, perPort := inventoryTables(id.Type)
	s.prefetch(ctx, walk, probe, perPort)
	if err := id.details(ctx, s, v); err != nil {
		return nil, err
	}
	r := opts.Meta.base(inventory.ActionNetInventory, ItemType(id.Type))
	dev := id.networkDevice(s.Credential().ID)
	readMemory(v, dev)
	r.Content.NetworkDevice = dev
	ports, err := ReadPorts(ctx, s)
	if err != nil {
		return nil, fmt.Errorf("inventory %s: %w", s.Host(), err)
	}
	out := &Device{Identity: id, Report: r}
	switch id.Type {
	case TypePrinter:
		if out.Supplies, err = ReadSupplies(ctx, s); err != nil {
			return nil, err
		}
		r.Content.Cartridges = CartridgesJSON(Cartridges(out.Supplies))
		if len(out.Supplies) > 0 {
			r.Content.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion,
				Supplies: ParcSupplies(out.Supplies)}
		}
		if r.Content.PageCounters, err = ReadPageCounters(ctx, s, id.SysObjectID); err != nil {
			return nil, err
		}
	case TypeNetworking:
		if err := readSwitch(ctx, s, id, ports, contexts, r); err != nil {
			return nil, fmt.Errorf("inventory %s: %w", s.Host(), err)
		}
	}
	r.Content.NetworkPorts = ports.Sorted()
	if r.Content.Firmwares, err = readFirmwares(ctx, s, id); err != nil {
		return nil, err
	}
	return out, nil
}

// readSwitch reads a switch's VLANs, trunks, neighbours, MAC table,
// aggregates and components into ports and r. The components are read
// while the VLAN contexts' MAC tables, which cost at least a timeout, are
// read in the background; contexts (nil: none) opens them.
func readSwitch(ctx context.Context, s *Session, id *Identity, ports Ports, contexts *contextOpener, r *inventory.Report) error {
	bridge, err := walkColumn(ctx, s, oidDot1dBasePortIfIndex)
	if err != nil {
		return err
	}
	if err := ReadVLANs(ctx, s, ports, bridge); err != nil {
		return err
	}
	if err := ReadTrunks(ctx, s, ports, bridge); err != nil {
		return err
	}
	if err := ReadLLDP(ctx, s, ports, bridge, strings.EqualFold(id.Manufacturer, "Juniper")); err != nil {
		return err
	}
	if err := ReadCDP(ctx, s, ports); err != nil {
		return err
	}
	var fo FDBOptions
	if contexts != nil {
		fo = FDBOptions{VLANContexts: true, Contexts: contexts.get}
	}
	fdb, err := startFDB(ctx, s, ports, bridge, fo)
	if err != nil {
		return err
	}
	if err := ReadAggregates(ctx, s, ports); err != nil {
		return err
	}
	var revs []inventory.ComponentRevision
	if r.Content.NetworkComponents, revs, err = readComponents(ctx, s); err != nil {
		return err
	}
	if len(revs) > 0 {
		if r.Content.Parc == nil {
			r.Content.Parc = &inventory.ParcExtension{SchemaVersion: inventory.SchemaVersion}
		}
		r.Content.Parc.Components = revs
	}
	return fdb.finish(ctx, s, ports)
}

// openVLANContext opens a session on vlan's context of the device, and
// tells with a first GET whether the context exists.
func (s *Session) openVLANContext(ctx context.Context, vlan int64) (*Session, error) {
	o := s.opts
	o.Retries = 0 // a VLAN without context never answers: do not insist
	vs, err := Dial(ctx, s.host, s.cred.vlanContext(vlan), o)
	if err != nil {
		return nil, err
	}
	if _, err := vs.Get(ctx, oidDot1dBaseNumPorts); err != nil {
		vs.Close()
		return nil, err
	}
	return vs, nil
}

// memoryOIDs are the scalars readMemory reads.
var memoryOIDs = []string{oidHrMemorySize, oidUcdMemTotalReal, oidCiscoMemSize, oidHrStorageSize1,
	oidHrStorageUnits1, oidCiscoCPU5min, oidCiscoCPU5minOld}

// readMemory fills RAM (MiB), flash or main storage (MiB) and CPU load
// from the memoryOIDs in v.
func readMemory(v Vars, d *inventory.NetworkDevice) {
	if n, ok := pduInt(v[oidHrMemorySize]); ok && n > 0 {
		d.RAM = n / 1024
	} else if n, ok := pduInt(v[oidUcdMemTotalReal]); ok && n > 0 {
		d.RAM = n / 1024
	} else if n, ok := pduInt(v[oidCiscoMemSize]); ok && n > 0 {
		d.RAM = n / 1024 / 1024
	}
	if n, ok := pduInt(v[oidHrStorageSize1]); ok && n > 0 {
		// Without allocation units the size is taken as bytes, as GLPI
		// Agent does.
		unit, ok := pduInt(v[oidHrStorageUnits1])
		if !ok || unit <= 0 {
			unit = 1
		}
		d.Memory = n * unit / 1024 / 1024
	}
	for _, o := range []string{oidCiscoCPU5min, oidCiscoCPU5minOld} {
		if n, ok := pduInt(v[o]); ok && n >= 0 && n <= 100 {
			d.CPU = n
			break
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
