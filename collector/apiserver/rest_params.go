package apiserver

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// maxPage is the largest page the REST API returns (the store's own cap).
const maxPage = 1000

// paramError is a bad query parameter, answered with 400 and the
// parameter's name in fields.
type paramError struct {
	Name, Reason string
}

func (e *paramError) Error() string { return e.Name + ": " + e.Reason }

func (e *paramError) fields() []api.FieldError {
	return []api.FieldError{{Field: e.Name, Reason: e.Reason}}
}

// params reads query parameters, remembering the first bad one.
type params struct {
	v   url.Values
	err *paramError
}

func (p *params) fail(name, format string, a ...any) {
	if p.err == nil {
		p.err = &paramError{Name: name, Reason: fmt.Sprintf(format, a...)}
	}
}

func (p *params) str(name string) string { return strings.TrimSpace(p.v.Get(name)) }

// id reads a positive row ID; 0 when absent.
func (p *params) id(name string) int64 {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		p.fail(name, "want a positive integer ID, got %q", s)
		return 0
	}
	return n
}

// count reads an integer in [lo, hi]; def when absent.
func (p *params) count(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail(name, "want an integer from %d to %d, got %q", lo, hi, s)
		return def
	}
	return n
}

func (p *params) boolean(name string) bool {
	s := p.str(name)
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		p.fail(name, "want true or false, got %q", s)
	}
	return b
}

// time reads an RFC 3339 time or a YYYY-MM-DD date (midnight UTC).
func (p *params) time(name string) time.Time {
	s := p.str(name)
	if s == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC()
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t
	}
	p.fail(name, "want an RFC 3339 time or a YYYY-MM-DD date, got %q", s)
	return time.Time{}
}

// date reads a YYYY-MM-DD date, kept as text (how the store keeps dates).
func (p *params) date(name string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		p.fail(name, "want a YYYY-MM-DD date, got %q", s)
		return ""
	}
	return s
}

// assetFilter maps the query of GET /api/v1/assets to a store filter,
// the same filters the park list of the web UI offers.
func assetFilter(v url.Values) (store.AssetFilter, *paramError) {
	p := &params{v: v}
	f := store.AssetFilter{
		Type:           p.str("type"),
		Query:          p.str("q"),
		Manufacturer:   p.str("manufacturer"),
		OSName:         p.str("os"),
		LocationID:     p.id("location"),
		StateID:        p.id("state"),
		OwnerID:        p.id("owner"),
		ParentID:       p.id("parent"),
		WarrantyBefore: p.date("warranty_before"),
		SeenBefore:     p.time("seen_before"),
		SeenAfter:      p.time("seen_after"),
		HasSoftware:    p.str("has_software"),
		LowSupplies:    p.str("supplies") == "low",
		Sort:           p.str("sort"),
		Desc:           p.boolean("desc"),
		Limit:          p.count("limit", 50, 1, maxPage),
		Offset:         p.count("offset", 0, 0, 1<<31-1),
	}
	if f.Type != "" && f.Type != store.TypeUnmanaged && !slices.Contains(store.AssetTypes, f.Type) {
		p.fail("type", "want one of %s, %s, got %q", strings.Join(store.AssetTypes, ", "), store.TypeUnmanaged, f.Type)
	}
	if s := p.str("supplies"); s != "" && s != "low" {
		p.fail("supplies", "want low, got %q", s)
	}
	if _, ok := store.AssetSortKeys[f.Sort]; f.Sort != "" && !ok {
		p.fail("sort", "want one of %s, got %q", strings.Join(sortedKeys(store.AssetSortKeys), ", "), f.Sort)
	}
	return f, p.err
}

// softwareFilter maps the query of GET /api/v1/software.
func softwareFilter(v url.Values) (store.SoftwareFilter, *paramError) {
	p := &params{v: v}
	f := store.SoftwareFilter{
		Query:  p.str("q"),
		Limit:  p.count("limit", 50, 1, maxPage),
		Offset: p.count("offset", 0, 0, 1<<31-1),
	}
	return f, p.err
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
