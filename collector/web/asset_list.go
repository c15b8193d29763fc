package web

import (
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

// Preference keys of the park list.
const (
	prefColumns = "asset_columns"
	prefPerPage = "per_page"
)

type listHeader struct {
	Key, SortURL string
	Sorted, Desc bool
}

type listCell struct {
	Text, Href string
	Type       bool // Text is an asset type, to translate
}

type assetListData struct {
	Query         listQuery
	Headers       []listHeader
	Rows          [][]listCell
	Total         int
	Pager         pager
	Types         []string
	Locations     []store.Location
	States        []store.State
	Manufacturers []store.GroupCount
	Columns       []columnChoice
	PerPage       []int
	ExportURL     string
	Self          string
}

type columnChoice struct {
	Key     string
	Checked bool
}

// pager is what the "pager" template needs.
type pager struct {
	URL         string
	Page, Pages int
}

func newPager(url string, page, perPage, total int) pager {
	return pager{URL: url, Page: page, Pages: max(1, (total+perPage-1)/perPage)}
}

func (s *Server) assetList(w http.ResponseWriter, r *http.Request) {
	ctx, st := r.Context(), state(r)
	defPer, _ := strconv.Atoi(st.prefs[prefPerPage])
	if !validPerPage(defPer) {
		defPer = 50
	}
	lq := parseListQuery(r, defPer)
	cols := pickColumns(st.prefs[prefColumns])
	page, err := s.st.ListAssets(ctx, lq.filter(s.now()))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := assetListData{Query: lq, Total: page.Total, Types: append(store.AssetTypes[:len(store.AssetTypes):len(store.AssetTypes)], store.TypeUnmanaged), PerPage: perPageChoices,
		Pager:     newPager(lq.url("/assets"), lq.Page, lq.PerPage, page.Total),
		ExportURL: "/assets/export.csv?" + lq.values().Encode(), Self: lq.url("/assets")}
	if d.Locations, err = s.st.ListLocations(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.States, err = s.st.ListStates(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Manufacturers, err = s.wq.CountAssetsBy(ctx, "manufacturer", "", 200); err != nil {
		s.serverError(w, r, err)
		return
	}
	lk, err := s.loadLookups(ctx, hasColumn(cols, "owner"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	chosen := map[string]bool{}
	for _, c := range cols {
		chosen[c.Key] = true
		h := listHeader{Key: c.Key}
		if c.Sort != "" {
			h.SortURL, h.Sorted, h.Desc = lq.sortURL(c.Sort), lq.Sort == c.Sort, lq.Desc
		}
		d.Headers = append(d.Headers, h)
	}
	for _, c := range columns {
		d.Columns = append(d.Columns, columnChoice{c.Key, chosen[c.Key]})
	}
	for i := range page.Assets {
		a := &page.Assets[i]
		row := make([]listCell, len(cols))
		for j, c := range cols {
			switch c.Key {
			case "type":
				row[j] = listCell{Text: a.Type, Type: true}
			case "name":
				row[j] = listCell{Text: firstNonEmpty(a.Name, "#"+itoa64(a.ID)), Href: "/assets/" + itoa64(a.ID)}
			default:
				row[j] = listCell{Text: c.value(a, lk)}
			}
		}
		d.Rows = append(d.Rows, row)
	}
	nav := "assets"
	if lq.Seen > 0 {
		nav = "unseen"
	}
	s.render(w, r, http.StatusOK, "asset_list", s.newPage(r, "list.title", nav, d))
}

func hasColumn(cols []column, key string) bool {
	for _, c := range cols {
		if c.Key == key {
			return true
		}
	}
	return false
}
