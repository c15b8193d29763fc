package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// perPageChoices are the rows-per-page the list offers.
var perPageChoices = []int{25, 50, 100, 200}

// listQuery is the park list's filter as the URL carries it.
type listQuery struct {
	Q, Type, OS, Manufacturer, Software string
	Location, State                     int64
	Seen                                int // not seen for this many days
	Warranty                            int // warranty ends within this many days
	Sort                                string
	Desc                                bool
	Page, PerPage                       int
	LowSupplies                         bool // printers low on a supply ("supplies=low")
}

// parseListQuery reads the filter from the URL; invalid values are
// dropped rather than refused, so an edited URL still shows a list.
func parseListQuery(r *http.Request, defPerPage int) listQuery {
	v := r.URL.Query()
	lq := listQuery{Q: strings.TrimSpace(v.Get("q")), OS: strings.TrimSpace(v.Get("os")),
		Manufacturer: v.Get("manufacturer"), Software: strings.TrimSpace(v.Get("software")),
		Sort: v.Get("sort"), Desc: v.Get("dir") == "desc"}
	for _, t := range store.AssetTypes {
		if v.Get("type") == t {
			lq.Type = t
		}
	}
	if v.Get("type") == store.TypeUnmanaged {
		lq.Type = store.TypeUnmanaged
	}
	lq.LowSupplies = v.Get("supplies") == "low"
	lq.Location, _ = strconv.ParseInt(v.Get("location"), 10, 64)
	lq.State, _ = strconv.ParseInt(v.Get("state"), 10, 64)
	lq.Seen = queryInt(r, "seen", 0, 0, 36500)
	lq.Warranty = queryInt(r, "warranty", 0, 0, 36500)
	if _, ok := store.AssetSortKeys[lq.Sort]; !ok {
		lq.Sort = "name"
	}
	lq.PerPage = defPerPage
	if n := queryInt(r, "per", 0, 0, 1000); validPerPage(n) {
		lq.PerPage = n
	}
	lq.Page = queryInt(r, "page", 1, 1, 1_000_000)
	return lq
}

func validPerPage(n int) bool {
	for _, c := range perPageChoices {
		if c == n {
			return true
		}
	}
	return false
}

// filter is the store filter of the query, for page (1-based) of lq.
func (lq listQuery) filter(now time.Time) store.AssetFilter {
	f := store.AssetFilter{Type: lq.Type, Query: lq.Q, Manufacturer: lq.Manufacturer, OSName: lq.OS,
		LocationID: lq.Location, StateID: lq.State, HasSoftware: lq.Software, Sort: lq.Sort, Desc: lq.Desc,
		Limit: lq.PerPage, Offset: (lq.Page - 1) * lq.PerPage}
	if lq.Type == "" {
		f.ExcludeType = store.TypeUnmanaged // listed on their own, until imported
	}
	f.LowSupplies = lq.LowSupplies
	if lq.Seen > 0 {
		f.SeenBefore = now.AddDate(0, 0, -lq.Seen)
	}
	if lq.Warranty > 0 {
		f.WarrantyBefore = now.AddDate(0, 0, lq.Warranty).Format(time.DateOnly)
	}
	return f
}

// values is the query as URL parameters, defaults left out.
func (lq listQuery) values() url.Values {
	v := url.Values{}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	setInt := func(k string, n int64) {
		if n != 0 {
			v.Set(k, strconv.FormatInt(n, 10))
		}
	}
	set("q", lq.Q)
	set("type", lq.Type)
	set("os", lq.OS)
	set("manufacturer", lq.Manufacturer)
	set("software", lq.Software)
	setInt("location", lq.Location)
	setInt("state", lq.State)
	setInt("seen", int64(lq.Seen))
	setInt("warranty", int64(lq.Warranty))
	if lq.LowSupplies {
		v.Set("supplies", "low")
	}
	if lq.Sort != "name" {
		set("sort", lq.Sort)
	}
	if lq.Desc {
		v.Set("dir", "desc")
	}
	return v
}

// url is the list URL of the query, with its page and rows per page.
func (lq listQuery) url(path string) string {
	v := lq.values()
	if lq.Page > 1 {
		v.Set("page", strconv.Itoa(lq.Page))
	}
	v.Set("per", strconv.Itoa(lq.PerPage))
	return path + "?" + v.Encode()
}

// sortURL is the list URL sorted by key: ascending, or flipped when the
// list is already sorted by key; back to page 1.
func (lq listQuery) sortURL(key string) string {
	q := lq
	q.Desc = lq.Sort == key && !lq.Desc
	q.Sort, q.Page = key, 1
	return q.url("/assets")
}
