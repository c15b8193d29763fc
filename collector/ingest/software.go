package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/parcproject/parc/collector/store"
)

// installKey identifies an installation: one version of one software for
// one architecture.
type installKey struct {
	store.SoftwareKey
	arch string
}

func label(k store.SoftwareKey) string {
	return strings.TrimSpace(k.Name + " " + k.Version)
}

// applySoftware diffs the installed software against the stored
// installations; an unchanged softwares section (same hash) costs nothing.
func (w *writer) applySoftware(ctx context.Context) error {
	sws := w.rep.Content.Softwares
	if (sws == nil && w.rep.Partial) || keepSection(w.rep, "softwares") {
		return nil
	}
	data, err := json.Marshal(sws)
	if err != nil {
		return fmt.Errorf("encode softwares: %w", err)
	}
	h := hashOf(data)
	hashes, err := w.sectionHashes(ctx)
	if err != nil {
		return err
	}
	if hashes["softwares"] == h {
		return nil
	}
	want := map[installKey]store.Installation{}
	var order []installKey
	for _, s := range sws {
		name, pub, ver := w.in.norm.Software(s.Name, s.Publisher, s.Version)
		if name == "" {
			continue
		}
		k := installKey{store.SoftwareKey{Name: name, Publisher: pub, Version: ver}, strings.TrimSpace(s.Arch)}
		if _, dup := want[k]; dup {
			continue
		}
		want[k] = store.Installation{Arch: k.arch, InstallDate: s.InstallDate, Source: s.From, FirstSeen: w.now, SoftwareKey: k.SoftwareKey}
		order = append(order, k)
	}
	var old []store.Installation
	if !w.isNew {
		if old, err = w.q.Installations(ctx, w.asset.ID); err != nil {
			return err
		}
	}
	var del []store.Installation
	for _, o := range old {
		k := installKey{o.SoftwareKey, o.Arch}
		if _, keep := want[k]; keep {
			delete(want, k)
			continue
		}
		del = append(del, o)
		w.history("software", label(o.SoftwareKey), "")
	}
	var keys []store.SoftwareKey
	for _, k := range order {
		if _, add := want[k]; add {
			keys = append(keys, k.SoftwareKey)
		}
	}
	var add []store.Installation
	if len(keys) > 0 {
		ids, err := w.q.EnsureSoftwareVersions(ctx, keys)
		if err != nil {
			return err
		}
		for _, k := range order {
			if in, ok := want[k]; ok {
				in.VersionID = ids[k.SoftwareKey]
				add = append(add, in)
				w.history("software", "", label(k.SoftwareKey))
			}
		}
	}
	if err := w.q.DeleteInstallations(ctx, w.asset.ID, del); err != nil {
		return err
	}
	if err := w.q.AddInstallations(ctx, w.asset.ID, add); err != nil {
		return err
	}
	return w.q.ApplyComponents(ctx, w.asset.ID, "softwares", h, store.ComponentChanges{}, w.now)
}
