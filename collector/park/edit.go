package park

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// ErrUnknownField is returned for an edit of a field that is not editable.
var ErrUnknownField = errors.New("unknown or read-only field")

// ErrInvalidValue is returned for an edit whose value the field refuses.
var ErrInvalidValue = errors.New("invalid value")

// Edit applies a person's changes (field name -> new value, names from
// Fields and ManualFields) to an asset in one transaction. Each real change writes a history row by actor; an
// inventoried field is locked, the lock keeping the value the inventory
// had, so later reports leave the person's value alone.
func Edit(ctx context.Context, st store.Store, assetID int64, actor string, changes map[string]string) error {
	return st.WithTx(ctx, func(q store.Queries) error {
		a, err := q.GetAsset(ctx, assetID)
		if err != nil {
			return err
		}
		locks, err := q.FieldLocks(ctx, assetID)
		if err != nil {
			return err
		}
		locked := map[string]store.FieldLock{}
		for _, l := range locks {
			locked[l.Field] = l
		}
		now := time.Now().UTC()
		var hist []store.HistoryEntry
		for name, v := range changes {
			f, inventoried := FieldByName(name)
			if !inventoried {
				var ok bool
				if f, ok = manualField(name); !ok {
					return fmt.Errorf("edit asset %d field %q: %w", assetID, name, ErrUnknownField)
				}
			}
			v = Clean(v)
			if err := f.Check(v); err != nil {
				return fmt.Errorf("edit asset %d field %q: %w: %v", assetID, name, ErrInvalidValue, err)
			}
			old := f.Get(a)
			if old == v {
				continue
			}
			f.Set(a, v)
			hist = append(hist, store.HistoryEntry{AssetID: assetID, Actor: actor, Field: name, OldValue: old, NewValue: v, At: now})
			if inventoried {
				invValue := old
				if l, ok := locked[name]; ok {
					invValue = l.InventoryValue
				}
				if err := q.PutFieldLock(ctx, store.FieldLock{AssetID: assetID, Field: name, LockedValue: v,
					InventoryValue: invValue, LockedBy: actor, LockedAt: now}); err != nil {
					return err
				}
			}
		}
		if len(hist) == 0 {
			return nil
		}
		a.UpdatedAt = now
		SetKeys(a)
		if err := q.UpdateAsset(ctx, a); err != nil {
			return err
		}
		return q.AddHistory(ctx, hist)
	})
}

// Unlock removes a field lock and restores the last inventoried value, with
// a history row by actor.
func Unlock(ctx context.Context, st store.Store, assetID int64, field, actor string) error {
	f, ok := FieldByName(field)
	if !ok {
		return fmt.Errorf("unlock asset %d field %q: %w", assetID, field, ErrUnknownField)
	}
	return st.WithTx(ctx, func(q store.Queries) error {
		locks, err := q.FieldLocks(ctx, assetID)
		if err != nil {
			return err
		}
		for _, l := range locks {
			if l.Field != field {
				continue
			}
			a, err := q.GetAsset(ctx, assetID)
			if err != nil {
				return err
			}
			if err := q.DeleteFieldLock(ctx, assetID, field); err != nil {
				return err
			}
			old := f.Get(a)
			if old == l.InventoryValue {
				return nil
			}
			now := time.Now().UTC()
			f.Set(a, l.InventoryValue)
			a.UpdatedAt = now
			SetKeys(a)
			if err := q.UpdateAsset(ctx, a); err != nil {
				return err
			}
			return q.AddHistory(ctx, []store.HistoryEntry{{AssetID: assetID, Actor: actor, Field: field,
				OldValue: old, NewValue: l.InventoryValue, At: now}})
		}
		return fmt.Errorf("unlock asset %d field %q: %w", assetID, field, store.ErrNotFound)
	})
}

// SetKeys recomputes an asset's reconciliation keys from its fields.
func SetKeys(a *store.Asset) {
	a.UUIDKey, a.SerialKey, a.NameKey = UUIDKey(a.UUID), SerialKey(a.Serial), NameKey(a.Name)
}
