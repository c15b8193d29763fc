package ingest

import (
	"context"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
)

// applyFields writes a device's inventoried fields, keeping locked ones.
// A discovery knows only the device's identity: it never blanks a field a
// full inventory filled (memory, firmware...), and it adds MACs rather
// than replacing the ports' ones.
func (n *netWriter) applyFields(ctx context.Context, discovery bool) error {
	locks := map[string]store.FieldLock{}
	if !n.isNew {
		ls, err := n.q.FieldLocks(ctx, n.asset.ID)
		if err != nil {
			return err
		}
		for _, l := range ls {
			locks[l.Field] = l
		}
	}
	c := &n.rep.Content
	for _, f := range park.Fields {
		v, ok := f.From(c, n.in.norm)
		if !ok || (discovery && v == "") {
			continue
		}
		if l, locked := locks[f.Name]; locked {
			if l.InventoryValue != v {
				l.InventoryValue = v
				if err := n.q.PutFieldLock(ctx, l); err != nil {
					return err
				}
			}
			continue
		}
		if old := f.Get(n.asset); old != v {
			f.Set(n.asset, v)
			n.history(f.Name, old, v)
		}
	}
	park.SetKeys(n.asset)
	n.asset.LastInventoryAt = n.now
	n.asset.UpdatedAt = n.now
	if n.asset.Source == "" {
		n.asset.Source = n.src.Origin
	}
	// The deviceid is the task runner's, not the device's: not stored.
	if err := n.q.UpdateAsset(ctx, n.asset); err != nil {
		return err
	}
	macs := n.id.MACs
	if discovery && !n.isNew {
		old, err := n.q.AssetMACs(ctx, n.asset.ID)
		if err != nil {
			return err
		}
		macs = union(old, macs)
	}
	return n.q.SetAssetMACs(ctx, n.asset.ID, macs)
}

func union(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
