package web

import (
	"fmt"
	"strconv"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
)

// fact is one field of an asset as the asset page shows it.
type fact struct {
	Name   string // park field name; its label is "asset.<Name>"
	Value  string
	Locked bool
	// InventoryValue is what the inventory says of a locked field.
	InventoryValue string
	LockedBy       string
}

// buildFacts lists the asset's inventoried then manual fields, with
// references (location, state, owner) named and units applied.
func buildFacts(a *store.Asset, lk *lookups, locks []store.FieldLock) (inventoried, manual []fact) {
	byField := map[string]store.FieldLock{}
	for _, l := range locks {
		byField[l.Field] = l
	}
	for _, f := range park.Fields {
		fc := fact{Name: f.Name, Value: displayValue(f.Name, f.Get(a), lk)}
		if l, ok := byField[f.Name]; ok {
			fc.Locked, fc.InventoryValue, fc.LockedBy = true, displayValue(f.Name, l.InventoryValue, lk), l.LockedBy
		}
		inventoried = append(inventoried, fc)
	}
	for _, f := range park.ManualFields {
		manual = append(manual, fact{Name: f.Name, Value: displayValue(f.Name, f.Get(a), lk)})
	}
	return inventoried, manual
}

// displayValue turns a stored field value into what people read.
func displayValue(field, v string, lk *lookups) string {
	if v == "" {
		return ""
	}
	id, _ := strconv.ParseInt(v, 10, 64)
	switch field {
	case "location_id":
		return firstNonEmpty(lk.locations[id], v)
	case "state_id":
		return firstNonEmpty(lk.states[id], v)
	case "owner_id":
		return firstNonEmpty(lk.users[id], v)
	case "memory_mb":
		return humanMiB(id)
	case "purchase_cents":
		return centsText(id)
	}
	return v
}

// centsText writes cents as a decimal amount, "1234.50".
func centsText(c int64) string {
	if c == 0 {
		return ""
	}
	return fmt.Sprintf("%d.%02d", c/100, c%100)
}
