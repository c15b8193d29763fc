package ingest

import (
	"context"
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
	p, err := w.preparedFor()
	if err != nil || p.software == nil {
		return err
	}
	sw := p.software
	hashes, err := w.sectionHashes(ctx)
	if err != nil {
		return err
	}
	if hashes["softwares"] == sw.hash {
		return nil
	}
	add := make(map[installKey]bool, len(sw.want))
	for k := range sw.want {
		add[k] = true
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
		if add[k] {
			delete(add, k)
			continue
		}
		del = append(del, o)
		w.history("software", label(o.SoftwareKey), "")
	}
	ins, err := w.newInstallations(ctx, sw, add)
	if err != nil {
		return err
	}
	if err := w.q.DeleteInstallations(ctx, w.asset.ID, del); err != nil {
		return err
	}
	if err := w.q.AddInstallations(ctx, w.asset.ID, ins); err != nil {
		return err
	}
	return w.q.ApplyComponents(ctx, w.asset.ID, "softwares", sw.hash, store.ComponentChanges{}, w.now)
}

// newInstallations finds or creates the catalogue versions of the
// installations to add and returns them in report order.
func (w *writer) newInstallations(ctx context.Context, sw *preparedSoftware, add map[installKey]bool) ([]store.Installation, error) {
	if len(add) == 0 {
		return nil, nil
	}
	keys := make([]store.SoftwareKey, 0, len(add))
	for _, k := range sw.order {
		if add[k] {
			keys = append(keys, k.SoftwareKey)
		}
	}
	ids, err := w.q.EnsureSoftwareVersions(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]store.Installation, 0, len(add))
	for _, k := range sw.order {
		if add[k] {
			in := sw.want[k]
			in.VersionID, in.FirstSeen = ids[k.SoftwareKey], w.now
			out = append(out, in)
			w.history("software", "", label(k.SoftwareKey))
		}
	}
	return out, nil
}
