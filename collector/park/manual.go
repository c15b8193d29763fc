package park

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

// ManualFields are the editable fields the inventory never writes, in
// display order. IDs (location, state, owner) are decimal strings, "" for
// none; dates are "YYYY-MM-DD"; the purchase value is in cents.
var ManualFields = []Field{
	manual("comment", "Comment", func(a *store.Asset) *string { return &a.Comment }),
	manualID("location_id", "Location", func(a *store.Asset) *int64 { return &a.LocationID }),
	manualID("state_id", "State", func(a *store.Asset) *int64 { return &a.StateID }),
	manualID("owner_id", "Owner", func(a *store.Asset) *int64 { return &a.OwnerID }),
	manualDate("purchase_date", "Purchase date", func(a *store.Asset) *string { return &a.PurchaseDate }),
	manual("supplier", "Supplier", func(a *store.Asset) *string { return &a.Supplier }),
	manual("order_number", "Order number", func(a *store.Asset) *string { return &a.OrderNumber }),
	manualID("purchase_cents", "Purchase value (cents)", func(a *store.Asset) *int64 { return &a.PurchaseCents }),
	manualDate("warranty_end", "Warranty end", func(a *store.Asset) *string { return &a.WarrantyEnd }),
}

var reDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func manual(name, label string, p func(*store.Asset) *string) Field {
	return Field{Name: name, Label: label,
		get: func(a *store.Asset) string { return *p(a) },
		set: func(a *store.Asset, v string) { *p(a) = v }}
}

func manualDate(name, label string, p func(*store.Asset) *string) Field {
	f := manual(name, label, p)
	f.check = func(v string) error {
		if v != "" && !reDate.MatchString(v) {
			return fmt.Errorf("must be a date YYYY-MM-DD, got %q", v)
		}
		return nil
	}
	return f
}

func manualID(name, label string, p func(*store.Asset) *int64) Field {
	return Field{Name: name, Label: label,
		get: func(a *store.Asset) string { return itoa(*p(a)) },
		set: func(a *store.Asset, v string) { *p(a), _ = strconv.ParseInt(v, 10, 64) },
		check: func(v string) error {
			if n, err := strconv.ParseInt(v, 10, 64); v != "" && (err != nil || n < 0) {
				return fmt.Errorf("must be a positive whole number, got %q", v)
			}
			return nil
		}}
}

// manualField finds an editable manual field.
func manualField(name string) (Field, bool) {
	for _, f := range ManualFields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
