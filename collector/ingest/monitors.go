package ingest

import (
	"context"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// applyMonitors makes each monitor of a computer report a monitor asset
// linked to the computer, reconciled by serial and manufacturer (or, with
// no usable serial, by name among the computer's own monitors), and
// unlinks the monitors no longer seen.
func (w *writer) applyMonitors(ctx context.Context) error {
	p, err := w.preparedFor()
	if err != nil {
		return err
	}
	mons, h := w.rep.Content.Monitors, p.monitorsHash
	if w.asset.Type != store.TypeComputer || h == "" {
		return nil
	}
	var current []store.Asset
	hashes, err := w.sectionHashes(ctx)
	if err != nil {
		return err
	}
	if hashes["monitors"] == h {
		return nil
	}
	if !w.isNew {
		if current, err = w.q.ListChildren(ctx, w.asset.ID, store.TypeMonitor); err != nil {
			return err
		}
	}
	linked := map[int64]bool{}
	for _, m := range mons {
		id, err := w.linkMonitor(ctx, m, current, linked)
		if err != nil {
			return err
		}
		linked[id] = true
	}
	for _, c := range current {
		if linked[c.ID] {
			continue
		}
		c.ParentID, c.UpdatedAt = 0, w.now
		if err := w.q.UpdateAsset(ctx, &c); err != nil {
			return err
		}
		w.history("monitors", c.Name, "")
		w.hist = append(w.hist, store.HistoryEntry{AssetID: c.ID, Actor: store.ActorInventory,
			Field: "parent", OldValue: w.asset.Name, At: w.now})
	}
	return w.q.ApplyComponents(ctx, w.asset.ID, "monitors", h, store.ComponentChanges{}, w.now)
}

func (w *writer) linkMonitor(ctx context.Context, m inventory.Monitor, current []store.Asset, linked map[int64]bool) (int64, error) {
	serial := park.Clean(m.Serial)
	if park.SerialKey(serial) == "" {
		serial = park.Clean(m.AltSerial)
	}
	manu := w.in.norm.Manufacturer(m.Manufacturer)
	name := park.Clean(firstNonEmpty(m.Caption, m.Name))
	mon, err := w.findMonitor(ctx, park.SerialKey(serial), manu, name, current, linked)
	if err != nil {
		return 0, err
	}
	if mon == nil {
		mon = &store.Asset{Type: store.TypeMonitor, Name: name, Model: name, Manufacturer: manu, Serial: serial,
			ParentID: w.asset.ID, Source: w.src.Origin, LastInventoryAt: w.now, CreatedAt: w.now, UpdatedAt: w.now}
		park.SetKeys(mon)
		if err := w.q.CreateAsset(ctx, mon); err != nil {
			return 0, err
		}
		w.hist = append(w.hist, store.HistoryEntry{AssetID: mon.ID, Actor: store.ActorInventory,
			Field: "asset", NewValue: "created by inventory of " + w.asset.Name, At: w.now})
		w.history("monitors", "", name)
		return mon.ID, nil
	}
	if mon.ParentID != w.asset.ID {
		w.hist = append(w.hist, store.HistoryEntry{AssetID: mon.ID, Actor: store.ActorInventory,
			Field: "parent", NewValue: w.asset.Name, At: w.now})
		w.history("monitors", "", mon.Name)
		mon.ParentID = w.asset.ID
	}
	mon.LastInventoryAt, mon.UpdatedAt = w.now, w.now
	if err := w.q.UpdateAsset(ctx, mon); err != nil {
		return 0, err
	}
	return mon.ID, nil
}

func (w *writer) findMonitor(ctx context.Context, serialKey, manu, name string, current []store.Asset, linked map[int64]bool) (*store.Asset, error) {
	if serialKey == "" {
		for i := range current {
			c := &current[i]
			if c.SerialKey == "" && c.Name == name && !linked[c.ID] {
				return c, nil
			}
		}
		return nil, nil
	}
	refs, err := w.q.FindAssets(ctx, store.BySerial, store.TypeMonitor, []string{serialKey})
	if err != nil {
		return nil, err
	}
	for _, r := range refs {
		if !linked[r.ID] && (r.Manufacturer == "" || manu == "" || r.Manufacturer == manu) {
			return w.q.GetAsset(ctx, r.ID)
		}
	}
	return nil, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
