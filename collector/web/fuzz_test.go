package web

import (
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// FuzzParseMoney: amounts typed by people never panic, and an accepted
// amount is a non-negative number of cents.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"", "1234.50", "1 234,50", "-3", "1e12", "NaN", "0x10", "1\u202f000,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		got, err := parseMoney(v)
		if err != nil || got == "" {
			return
		}
		if n, err := strconv.ParseInt(got, 10, 64); err != nil || n < 0 {
			t.Fatalf("parseMoney(%q) = %q; want cents", v, got)
		}
	})
}

// FuzzListQuery: any URL query gives a usable filter (known sort key,
// page size among the choices, non-negative offset) and a URL that parses
// back to the same query.
func FuzzListQuery(f *testing.F) {
	for _, s := range []string{"", "q=pc&type=computer&sort=serial&dir=desc&page=3&per=100", "page=-1&per=7&seen=99999999999",
		"sort=password_hash", "location=abc&state=-2", "q=%00%ff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		req := httptest.NewRequest("GET", "/assets", nil)
		req.URL.RawQuery = raw
		lq := parseListQuery(req, 50)
		flt := lq.filter(time.Now())
		if _, ok := store.AssetSortKeys[flt.Sort]; !ok || !validPerPage(flt.Limit) || flt.Offset < 0 || lq.Seen < 0 {
			t.Fatalf("query %q gives filter %+v", raw, flt)
		}
		u, err := url.Parse(lq.url("/assets"))
		if err != nil {
			t.Fatalf("list URL of %q does not parse: %v", raw, err)
		}
		again := httptest.NewRequest("GET", "/assets", nil)
		again.URL.RawQuery = u.RawQuery
		if lq2 := parseListQuery(again, 50); lq2 != lq {
			t.Fatalf("query %q: got %+v after a round trip; want %+v", raw, lq2, lq)
		}
	})
}
