package ingest

import (
	"context"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
)

// applyFields writes the inventoried fields the report carries, keeping
// locked fields (and recording the inventory's value in their lock), and
// the MACs used by reconciliation.
func (w *writer) applyFields(ctx context.Context) error {
	locks := map[string]store.FieldLock{}
	if !w.isNew {
		ls, err := w.q.FieldLocks(ctx, w.asset.ID)
		if err != nil {
			return err
		}
		for _, l := range ls {
			locks[l.Field] = l
		}
	}
	c := &w.rep.Content
	for _, f := range park.Fields {
		v, ok := f.From(c, w.in.norm)
		if !ok {
			continue
		}
		if l, locked := locks[f.Name]; locked {
			if l.InventoryValue != v {
				l.InventoryValue = v
				if err := w.q.PutFieldLock(ctx, l); err != nil {
					return err
				}
			}
			continue
		}
		if old := f.Get(w.asset); old != v {
			f.Set(w.asset, v)
			w.history(f.Name, old, v)
		}
	}
	park.SetKeys(w.asset)
	w.asset.LastInventoryAt = w.now
	w.asset.UpdatedAt = w.now
	w.asset.DeviceID = w.rep.DeviceID
	if w.asset.Source == "" {
		w.asset.Source = w.src.Origin
	}
	if err := w.saveAsset(ctx); err != nil {
		return err
	}
	if macs, ok := park.MACs(c); ok {
		return w.q.SetAssetMACs(ctx, w.asset.ID, macs)
	}
	return nil
}

// saveAsset creates a new asset (with its "created" history row) or
// writes the changed fields of a known one.
func (w *writer) saveAsset(ctx context.Context) error {
	if !w.isNew {
		return w.q.UpdateAsset(ctx, w.asset)
	}
	if err := w.q.CreateAsset(ctx, w.asset); err != nil {
		return err
	}
	w.hist = append(w.hist, store.HistoryEntry{AssetID: w.asset.ID, Actor: store.ActorInventory,
		Field: "asset", NewValue: "created by inventory", At: w.now})
	return nil
}
