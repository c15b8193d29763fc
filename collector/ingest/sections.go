package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// skipSections are content keys not stored as components: metadata, and
// sections with a model of their own (software catalogue, monitor assets).
var skipSections = map[string]bool{
	"versionclient": true, "versionprovider": true, "accesslog": true, "parc": true,
	"softwares": true, "monitors": true,
}

// keyFields name the fields that identify an item of a list section across
// reports, so a changed value (free space, IP address) is an update and
// not a removal plus an addition.
var keyFields = map[string][]string{
	"cpus": {"name"}, "memories": {"caption", "numslots", "serialnumber"}, "storages": {"name", "serial"},
	"drives": {"letter", "type", "volumn"}, "networks": {"description", "mac"}, "videos": {"name", "pcislot"},
	"batteries": {"name", "serial"}, "users": {"domain", "login"}, "antivirus": {"name"},
	"local_users": {"id"}, "local_groups": {"id"}, "controllers": {"pcislot", "name"}, "sounds": {"name"},
	"usbdevices": {"vendorid", "productid", "serial"}, "printers": {"name"}, "inputs": {"name", "caption"},
	"firewalls": {"profile"}, "remote_mgmt": {"type", "id"}, "licenseinfos": {"name", "productid"},
	"virtualmachines": {"uuid", "name"}, "firmwares": {"name", "type"}, "powersupplies": {"serialnumber", "name"},
	"network_ports": {"ifnumber"}, "network_components": {"index"},
}

// quietSections change on their own between reports (who is logged in):
// their items are updated without history rows.
var quietSections = map[string]bool{"users": true}

// labelFields give an item's human label for history rows.
var labelFields = []string{"name", "caption", "description", "login", "ifname", "ifdescr", "letter", "type", "id"}

// section is one content key of a report.
type section struct {
	name  string
	list  bool
	value reflect.Value
}

// sectionsOf lists the content keys a report carries, in field order.
func sectionsOf(c *inventory.Content) []section {
	v := reflect.ValueOf(c).Elem()
	t := v.Type()
	var out []section
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" || name == "-" || skipSections[name] {
			continue
		}
		fv := v.Field(i)
		k := fv.Kind()
		if (k == reflect.Slice || k == reflect.Pointer || k == reflect.Map) && fv.IsNil() {
			continue
		}
		list := k == reflect.Slice && t.Field(i).Type != reflect.TypeOf(json.RawMessage(nil))
		out = append(out, section{name: name, list: list, value: fv})
	}
	return out
}

// applySections diffs every component section and writes only the
// sections whose hash changed, and within them only the changed items. A
// full report also clears the stored sections it no longer carries.
func (w *writer) applySections(ctx context.Context) error {
	p, err := w.preparedFor()
	if err != nil {
		return err
	}
	hashes, err := w.sectionHashes(ctx)
	if err != nil {
		return err
	}
	seen := map[string]bool{"softwares": true, "monitors": true}
	for _, s := range p.sections {
		seen[s.name] = true
		if hashes[s.name] == s.hash {
			continue
		}
		if err := w.diffSection(ctx, s.name, s.list, s.hash, s.items); err != nil {
			return err
		}
	}
	if w.rep.Partial {
		return nil
	}
	for name := range hashes {
		if !seen[name] && !keepSection(w.rep, name) {
			if err := w.diffSection(ctx, name, keyFields[name] != nil, "", nil); err != nil {
				return err
			}
		}
	}
	return nil
}

func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16])
}

// item is one component to store.
type item struct {
	key, hash, data, label string
}

// itemsOf splits a section into items with stable keys; duplicate keys get
// a "#n" suffix in report order.
func itemsOf(s section) ([]item, error) {
	if !s.list {
		data, err := json.Marshal(s.value.Interface())
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", s.name, err)
		}
		return []item{{hash: hashOf(data), data: string(data)}}, nil
	}
	out := make([]item, 0, s.value.Len())
	used := map[string]int{}
	for i := 0; i < s.value.Len(); i++ {
		data, err := json.Marshal(s.value.Index(i).Interface())
		if err != nil {
			return nil, fmt.Errorf("encode %s[%d]: %w", s.name, i, err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("decode %s[%d]: %w", s.name, i, err)
		}
		it := item{hash: hashOf(data), data: string(data)}
		var parts []string
		for _, f := range keyFields[s.name] {
			if v, ok := m[f]; ok {
				parts = append(parts, fmt.Sprint(v))
			}
		}
		it.key = strings.Join(parts, "|")
		if it.key == "" {
			it.key = it.hash
		}
		for _, f := range labelFields {
			if v, ok := m[f]; ok && fmt.Sprint(v) != "" {
				it.label = fmt.Sprint(v)
				break
			}
		}
		if it.label == "" {
			it.label = it.key
		}
		if n := used[it.key]; n > 0 {
			used[it.key]++
			it.key = fmt.Sprintf("%s#%d", it.key, n+1)
		} else {
			used[it.key] = 1
		}
		out = append(out, it)
	}
	return out, nil
}

// diffSection compares a section's items with the stored ones and writes
// the difference, with one history row per added or removed list item.
func (w *writer) diffSection(ctx context.Context, name string, list bool, hash string, items []item) error {
	var old []store.Component
	if !w.isNew {
		var err error
		if old, err = w.q.Components(ctx, w.asset.ID, name); err != nil {
			return err
		}
	}
	byKey := make(map[string]store.Component, len(old))
	for _, c := range old {
		byKey[c.ItemKey] = c
	}
	var ch store.ComponentChanges
	record := list && !quietSections[name]
	for _, it := range items {
		c, ok := byKey[it.key]
		if !ok {
			ch.Add = append(ch.Add, store.Component{ItemKey: it.key, Hash: it.hash, Data: it.data})
			if record {
				w.history(name, "", it.label)
			}
			continue
		}
		delete(byKey, it.key)
		if c.Hash != it.hash {
			c.Hash, c.Data = it.hash, it.data
			ch.Update = append(ch.Update, c)
		}
	}
	for _, c := range old {
		if _, gone := byKey[c.ItemKey]; gone {
			ch.Delete = append(ch.Delete, c.ID)
			if record {
				w.history(name, labelOf(c.Data, c.ItemKey), "")
			}
		}
	}
	return w.q.ApplyComponents(ctx, w.asset.ID, name, hash, ch, w.now)
}

func labelOf(data, key string) string {
	var m map[string]any
	if json.Unmarshal([]byte(data), &m) == nil {
		for _, f := range labelFields {
			if v, ok := m[f]; ok && fmt.Sprint(v) != "" {
				return fmt.Sprint(v)
			}
		}
	}
	return key
}
