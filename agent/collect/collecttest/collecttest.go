// Package collecttest holds hand-written fakes for the sources that cannot
// run on a Linux test machine: a Windows registry dump and recorded WMI
// answers, both loaded from JSON fixtures.
package collecttest

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// Registry is a recorded registry: keys are "ROOT\path" in any case, e.g.
// `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\7-Zip`.
// Subkeys are derived from the key paths. In the JSON fixture values are
// strings, numbers (DWORD/QWORD), arrays of strings (MULTI_SZ), or
// {"hex": "00ff.."} for REG_BINARY.
type Registry struct {
	keys map[string]map[string]any // lower-case full path -> values
	orig map[string]string         // lower-case full path -> original case
}

// LoadRegistry reads a fixture file shaped {"HKLM\\path": {"Name": value}}.
func LoadRegistry(path string) (*Registry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw map[string]map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("parse registry fixture %s: %w", path, err)
	}
	r := &Registry{keys: map[string]map[string]any{}, orig: map[string]string{}}
	for k, vals := range raw {
		k = strings.Trim(k, `\`)
		conv := map[string]any{}
		for name, v := range vals {
			conv[name] = convertValue(v)
		}
		r.keys[strings.ToLower(k)] = conv
		r.orig[strings.ToLower(k)] = k
		// Make every ancestor exist.
		for i := strings.LastIndex(k, `\`); i > 0; i = strings.LastIndex(k[:i], `\`) {
			lk := strings.ToLower(k[:i])
			if _, ok := r.keys[lk]; !ok {
				r.keys[lk] = map[string]any{}
				r.orig[lk] = k[:i]
			}
		}
	}
	return r, nil
}

func convertValue(v any) any {
	switch x := v.(type) {
	case float64:
		return uint64(x)
	case []any:
		out := make([]string, 0, len(x))
		for _, s := range x {
			out = append(out, fmt.Sprint(s))
		}
		return out
	case map[string]any:
		if h, ok := x["hex"].(string); ok {
			b := make([]byte, 0, len(h)/2)
			for i := 0; i+1 < len(h); i += 2 {
				var c byte
				fmt.Sscanf(h[i:i+2], "%02x", &c)
				b = append(b, c)
			}
			return b
		}
	}
	return v
}

func join(root, path string) string {
	return strings.ToLower(strings.Trim(root+`\`+strings.Trim(path, `\`), `\`))
}

// SubKeys implements collect.Registry.
func (r *Registry) SubKeys(root, path string) ([]string, error) {
	full := join(root, path)
	if _, ok := r.keys[full]; !ok {
		return nil, fmt.Errorf("registry key %s\\%s: %w", root, path, fs.ErrNotExist)
	}
	prefix := full + `\`
	var out []string
	for k, orig := range r.orig {
		if strings.HasPrefix(k, prefix) && !strings.Contains(k[len(prefix):], `\`) {
			out = append(out, orig[len(prefix):])
		}
	}
	return out, nil
}

// Values implements collect.Registry.
func (r *Registry) Values(root, path string) (map[string]any, error) {
	v, ok := r.keys[join(root, path)]
	if !ok {
		return nil, fmt.Errorf("registry key %s\\%s: %w", root, path, fs.ErrNotExist)
	}
	return v, nil
}

// WMI is a set of recorded WMI answers, keyed by namespace and query
// exactly as the collector sends them: {"root\\cimv2": {"SELECT ...": [rows]}}.
// A query missing from the fixture fails, so the fixture documents every
// query the collectors make.
type WMI struct {
	answers map[string]map[string][]map[string]any
}

// LoadWMI reads a WMI fixture file.
func LoadWMI(path string) (*WMI, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	w := &WMI{}
	if err := json.Unmarshal(data, &w.answers); err != nil {
		return nil, fmt.Errorf("parse WMI fixture %s: %w", path, err)
	}
	return w, nil
}

// Query implements collect.WMI. JSON numbers come back as int64 when whole.
func (w *WMI) Query(_ context.Context, namespace, query string) ([]map[string]any, error) {
	ns, ok := w.answers[strings.ToLower(namespace)]
	if !ok {
		ns = w.answers[namespace]
	}
	rows, ok := ns[query]
	if !ok {
		return nil, fmt.Errorf("WMI fixture has no answer for %s %q", namespace, query)
	}
	out := make([]map[string]any, len(rows))
	for i, row := range rows {
		m := make(map[string]any, len(row))
		for k, v := range row {
			if f, ok := v.(float64); ok && f == float64(int64(f)) {
				v = int64(f)
			}
			m[k] = v
		}
		out[i] = m
	}
	return out, nil
}
