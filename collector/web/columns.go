package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// column is a column the park list can show. Its label is the catalogue
// key "col.<Key>"; Sort is its store.AssetSortKeys key, "" if unsortable.
type column struct {
	Key   string
	Sort  string
	value func(a *store.Asset, lk *lookups) string
}

// columns are every column of the park list, in display order.
var columns = []column{
	{"name", "name", func(a *store.Asset, _ *lookups) string { return a.Name }},
	{"type", "type", nil}, // translated by the template
	{"serial", "serial", func(a *store.Asset, _ *lookups) string { return a.Serial }},
	{"inventory_number", "inventory_number", func(a *store.Asset, _ *lookups) string { return a.InventoryNumber }},
	{"manufacturer", "manufacturer", func(a *store.Asset, _ *lookups) string { return a.Manufacturer }},
	{"model", "model", func(a *store.Asset, _ *lookups) string { return a.Model }},
	{"os", "os", func(a *store.Asset, _ *lookups) string { return strings.TrimSpace(a.OSName + " " + a.OSVersion) }},
	{"last_user", "last_user", func(a *store.Asset, _ *lookups) string { return a.LastUser }},
	{"ip", "ip", func(a *store.Asset, _ *lookups) string { return a.IP }},
	{"cpu", "", func(a *store.Asset, _ *lookups) string { return a.CPU }},
	{"memory", "memory", func(a *store.Asset, _ *lookups) string { return humanMiB(a.MemoryMB) }},
	{"location", "", func(a *store.Asset, lk *lookups) string { return lk.locations[a.LocationID] }},
	{"state", "", func(a *store.Asset, lk *lookups) string { return lk.states[a.StateID] }},
	{"owner", "", func(a *store.Asset, lk *lookups) string { return lk.users[a.OwnerID] }},
	{"warranty_end", "warranty_end", func(a *store.Asset, _ *lookups) string { return a.WarrantyEnd }},
	{"last_inventory", "last_inventory", func(a *store.Asset, _ *lookups) string { return dateOf(a.LastInventoryAt) }},
}

// defaultColumns are shown until a user picks their own.
var defaultColumns = []string{"name", "type", "manufacturer", "model", "serial", "os", "last_user", "last_inventory"}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

func columnByKey(key string) (column, bool) {
	for _, c := range columns {
		if c.Key == key {
			return c, true
		}
	}
	return column{}, false
}

// pickColumns parses a comma-separated column list, keeping known keys in
// display order; the defaults when none is known.
func pickColumns(pref string) []column {
	want := map[string]bool{}
	for _, k := range strings.Split(pref, ",") {
		want[strings.TrimSpace(k)] = true
	}
	var out []column
	for _, c := range columns {
		if want[c.Key] {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return pickColumns(strings.Join(defaultColumns, ","))
	}
	return out
}

// lookups name the IDs an asset row refers to.
type lookups struct {
	locations, states, users map[int64]string
}

func (s *Server) loadLookups(ctx context.Context, withUsers bool) (*lookups, error) {
	lk := &lookups{locations: map[int64]string{}, states: map[int64]string{}, users: map[int64]string{}}
	locs, err := s.st.ListLocations(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range locs {
		lk.locations[l.ID] = l.Name
	}
	states, err := s.st.ListStates(ctx)
	if err != nil {
		return nil, err
	}
	for _, st := range states {
		lk.states[st.ID] = st.Name
	}
	if withUsers {
		users, err := s.st.ListUsers(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			lk.users[u.ID] = firstNonEmpty(u.Name, u.Login)
		}
	}
	return lk, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
