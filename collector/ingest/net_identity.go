package ingest

import (
	"context"
	"fmt"
	"net"
	"sort"
	"strings"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// netIdentity is what a network device is recognised by: never the
// report's deviceid, which names the task runner.
type netIdentity struct {
	Type   string
	Serial string   // junk-filtered key
	MACs   []string // base MAC then port MACs, normalised
	Name   string   // name key
	IP     string   // first usable IPv4
}

// netTypeOf maps a network report to an asset type; an Unmanaged item
// (or device type) becomes an "unmanaged" asset.
func netTypeOf(rep *inventory.Report) string {
	if strings.EqualFold(rep.ItemType, inventory.ItemUnmanaged) {
		return store.TypeUnmanaged
	}
	if d := rep.Content.NetworkDevice; d != nil && strings.EqualFold(d.Type, "Unmanaged") &&
		(rep.ItemType == "" || strings.EqualFold(rep.ItemType, inventory.ItemComputer)) {
		return store.TypeUnmanaged
	}
	return park.AssetType(rep)
}

func netIdentityOf(rep *inventory.Report) netIdentity {
	id := netIdentity{Type: netTypeOf(rep)}
	c := &rep.Content
	seen := map[string]bool{}
	addMAC := func(m string) {
		if m = park.NormMAC(m); m != "" && !seen[m] {
			seen[m] = true
			id.MACs = append(id.MACs, m)
		}
	}
	if d := c.NetworkDevice; d != nil {
		id.Serial = park.SerialKey(d.Serial)
		id.Name = park.NameKey(d.Name)
		addMAC(d.MAC)
		for _, s := range d.IPs {
			if a := net.ParseIP(s); a != nil && a.To4() != nil && !a.IsLoopback() && id.IP == "" {
				id.IP = a.String()
			}
		}
	}
	ports := make([]string, 0, len(c.NetworkPorts))
	for _, p := range c.NetworkPorts {
		ports = append(ports, p.MAC)
	}
	sort.Strings(ports)
	for _, m := range ports {
		addMAC(m)
	}
	return id
}

// candidateTypes are the asset types a report may land on: its own and
// "unmanaged" (a discovered host later identified); an unmanaged host may
// be any known asset.
func (id netIdentity) candidateTypes() []string {
	if id.Type == store.TypeUnmanaged {
		return append([]string{store.TypeUnmanaged}, store.AssetTypes...)
	}
	return []string{id.Type, store.TypeUnmanaged}
}

// reconcileNet finds the device: by serial, then MACs, then name with the
// same IP, then (for an unmanaged asset only) by IP alone.
func reconcileNet(ctx context.Context, q store.Queries, id netIdentity) (*store.AssetRef, store.IdentityKind, error) {
	for _, typ := range id.candidateTypes() {
		for _, s := range []struct {
			kind   store.IdentityKind
			values []string
		}{{store.BySerial, nonEmpty(id.Serial)}, {store.ByMAC, id.MACs}} {
			if len(s.values) == 0 {
				continue
			}
			refs, err := q.FindAssets(ctx, s.kind, typ, s.values)
			if err != nil {
				return nil, 0, fmt.Errorf("reconcile device: %w", err)
			}
			for i := range refs {
				if compatible(&refs[i], Identity{Serial: id.Serial}, s.kind) {
					return &refs[i], s.kind, nil
				}
			}
		}
	}
	if id.IP == "" {
		return nil, 0, nil
	}
	for _, typ := range id.candidateTypes() {
		refs, err := q.FindAssets(ctx, store.ByName, typ, nonEmpty(id.Name))
		if err != nil {
			return nil, 0, fmt.Errorf("reconcile device: %w", err)
		}
		for i := range refs {
			a, err := q.GetAsset(ctx, refs[i].ID)
			if err != nil {
				return nil, 0, err
			}
			if a.IP == id.IP && compatible(&refs[i], Identity{Serial: id.Serial}, store.ByName) {
				return &refs[i], store.ByName, nil
			}
		}
	}
	return findUnmanagedByIP(ctx, q, id)
}

// findUnmanagedByIP matches a MAC-less, nameless host seen again at the
// same address, so each discovery does not add it anew.
func findUnmanagedByIP(ctx context.Context, q store.Queries, id netIdentity) (*store.AssetRef, store.IdentityKind, error) {
	page, err := q.ListAssets(ctx, store.AssetFilter{Type: store.TypeUnmanaged, Query: id.IP, Sort: "id", Limit: 20})
	if err != nil {
		return nil, 0, fmt.Errorf("reconcile device: %w", err)
	}
	for _, a := range page.Assets {
		if a.IP == id.IP && (a.SerialKey == "" || id.Serial == "" || a.SerialKey == id.Serial) {
			return &store.AssetRef{ID: a.ID, SerialKey: a.SerialKey, NameKey: a.NameKey}, store.ByName, nil
		}
	}
	return nil, 0, nil
}

// resolve picks the asset the report updates, or creates it.
func (n *netWriter) resolve(ctx context.Context) error {
	ref, kind, err := reconcileNet(ctx, n.q, n.id)
	if err != nil {
		return err
	}
	if ref == nil {
		n.isNew = true
		n.asset = &store.Asset{Type: n.id.Type, Source: n.src.Origin, CreatedAt: n.now, UpdatedAt: n.now}
		if n.asset.Source == "" {
			n.asset.Source = "snmp"
		}
		if err := n.q.CreateAsset(ctx, n.asset); err != nil {
			return err
		}
		n.hist = append(n.hist, store.HistoryEntry{AssetID: n.asset.ID, Actor: store.ActorInventory,
			Field: "asset", NewValue: "created by network inventory", At: n.now})
		return nil
	}
	a, err := n.q.GetAsset(ctx, ref.ID)
	if err != nil {
		return err
	}
	n.asset = a
	switch {
	case ref.OwnerAgentID != 0:
		// A computer with its own agent knows itself better than a scan.
		n.readOnly = true
	case n.id.Type == store.TypeUnmanaged && a.Type != store.TypeUnmanaged:
		n.readOnly = true
	case a.Type == store.TypeUnmanaged && n.id.Type != store.TypeUnmanaged:
		n.history("type", a.Type, n.id.Type)
		a.Type = n.id.Type
	}
	n.in.log.Debug("network device reconciled", "asset_id", a.ID, "matched_by", kind.String(),
		"read_only", n.readOnly, "task_id", n.src.TaskID)
	return nil
}
