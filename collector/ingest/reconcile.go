package ingest

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// Identity is what reconciliation matches a report on; empty keys are
// absent or junk.
type Identity struct {
	Type    string
	UUID    string
	Serial  string
	MACs    []string
	Name    string
	HasMACs bool // the report carries a networks section
}

// IdentityOf extracts the reconciliation keys of a report.
func IdentityOf(rep *inventory.Report) Identity {
	c := &rep.Content
	id := Identity{Type: park.AssetType(rep)}
	if c.Hardware != nil {
		id.UUID = park.UUIDKey(c.Hardware.UUID)
		id.Name = park.NameKey(c.Hardware.Name)
	}
	if c.Bios != nil {
		id.Serial = park.SerialKey(c.Bios.SSN)
	}
	if d := c.NetworkDevice; d != nil {
		if id.Serial == "" {
			id.Serial = park.SerialKey(d.Serial)
		}
		if id.Name == "" {
			id.Name = park.NameKey(d.Name)
		}
	}
	id.MACs, id.HasMACs = park.MACs(c)
	return id
}

// Reconcile finds the asset a report describes: by UUID, then serial, then
// MAC, then name. A weaker match is refused when the candidate has a
// stronger identifier that disagrees with the report's (two PCs with the
// same name but different serials stay two), so it never merges two
// machines. It returns nil when no asset matches.
func Reconcile(ctx context.Context, q store.Queries, id Identity) (*store.AssetRef, store.IdentityKind, error) {
	steps := []struct {
		kind   store.IdentityKind
		values []string
	}{
		{store.ByUUID, nonEmpty(id.UUID)},
		{store.BySerial, nonEmpty(id.Serial)},
		{store.ByMAC, id.MACs},
		{store.ByName, nonEmpty(id.Name)},
	}
	for _, s := range steps {
		if len(s.values) == 0 {
			continue
		}
		refs, err := q.FindAssets(ctx, s.kind, id.Type, s.values)
		if err != nil {
			return nil, 0, fmt.Errorf("reconcile: %w", err)
		}
		for i := range refs {
			if compatible(&refs[i], id, s.kind) {
				return &refs[i], s.kind, nil
			}
		}
	}
	return nil, 0, nil
}

func nonEmpty(v string) []string {
	if v == "" {
		return nil
	}
	return []string{v}
}

// compatible rejects a candidate whose identifiers stronger than the
// matching one contradict the report.
func compatible(r *store.AssetRef, id Identity, by store.IdentityKind) bool {
	differ := func(a, b string) bool { return a != "" && b != "" && a != b }
	if by > store.ByUUID && differ(r.UUIDKey, id.UUID) {
		return false
	}
	if by > store.BySerial && differ(r.SerialKey, id.Serial) {
		return false
	}
	return true
}

// resolve picks the asset the report updates, enforcing that an agent
// reports only for its own asset, and creates it when nothing matches.
func (w *writer) resolve(ctx context.Context) error {
	id := IdentityOf(w.rep)
	ref, kind, err := Reconcile(ctx, w.q, id)
	if err != nil {
		return err
	}
	log := w.in.log.With("deviceid", w.rep.DeviceID, "agent_id", w.src.AgentID)
	// A report without a Parc credential (GLPI-compatible endpoint) may not
	// touch an asset a Parc agent owns either.
	if ref != nil && ref.OwnerAgentID != 0 && (w.agent == nil || ref.OwnerAgentID != w.agent.ID) {
		log.Warn("report refused: it matches an asset owned by another agent",
			"asset_id", ref.ID, "owner_agent_id", ref.OwnerAgentID, "matched_by", kind.String())
		return fmt.Errorf("%w (asset %d, matched by %s)", ErrForbidden, ref.ID, kind)
	}
	var target int64
	switch {
	case w.agent != nil && w.agent.AssetID != 0:
		target = w.agent.AssetID
		if ref != nil && ref.ID != target {
			log.Info("report also matches another asset; keeping the agent's own", "asset_id", target,
				"other_asset_id", ref.ID, "matched_by", kind.String())
		}
	case ref != nil:
		target = ref.ID
	}
	if target != 0 {
		a, err := w.q.GetAsset(ctx, target)
		if err != nil {
			return err
		}
		w.asset = a
		return nil
	}
	// A new asset is created by applyFields, with its fields in one write.
	w.isNew = true
	w.asset = &store.Asset{Type: id.Type, Source: w.src.Origin, CreatedAt: w.now, UpdatedAt: w.now}
	return nil
}
