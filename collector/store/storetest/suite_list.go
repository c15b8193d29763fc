package storetest

import (
	"fmt"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// RunList checks the park list's text search and OS filter: the OS filter
// matches OS names containing the text, through the distinct names; a
// search's total stays right on every page.
func RunList(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("OSFilter", func(t *testing.T) { testOSFilter(t, open(t)) })
	t.Run("ManyOSNames", func(t *testing.T) { testManyOSNames(t, open(t)) })
	t.Run("SearchPages", func(t *testing.T) { testSearchPages(t, open(t)) })
}

func testOSFilter(t *testing.T, st store.Store) {
	oses := []string{"Microsoft Windows 11 Professionnel", "Microsoft Windows 10 Professionnel",
		"Debian GNU/Linux 12 (bookworm)", "Windows 11 Entreprise", ""}
	for i := 0; i < 20; i++ {
		must(t, st.CreateAsset(ctx, &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("PC-%02d", i),
			OSName: oses[i%len(oses)]}))
	}
	tests := []struct {
		os, query string
		total     int
		first     string
	}{
		{"windows 11", "", 8, "PC-00"},
		{"WINDOWS", "", 12, "PC-00"},
		{"Debian GNU/Linux 12 (bookworm)", "", 4, "PC-02"},
		{"linux 12 (b", "", 4, "PC-02"},
		{"solaris", "", 0, ""},
		{"%", "", 0, ""}, // literal, as before
		{"windows 11", "pc-1", 4, "PC-10"},
	}
	for _, tc := range tests {
		page, err := st.ListAssets(ctx, store.AssetFilter{OSName: tc.os, Query: tc.query})
		must(t, err)
		first := ""
		if len(page.Assets) > 0 {
			first = page.Assets[0].Name
		}
		if page.Total != tc.total || first != tc.first || len(page.Assets) != tc.total {
			t.Errorf("OS %q query %q: got total %d, %d rows, first %q; want %d, first %q",
				tc.os, tc.query, page.Total, len(page.Assets), first, tc.total, tc.first)
		}
	}
}

// testManyOSNames checks a text found in very many OS names still filters
// right (by LIKE rather than a list of names).
func testManyOSNames(t *testing.T, st store.Store) {
	for i := 0; i < 210; i++ {
		must(t, st.CreateAsset(ctx, &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("PC-%03d", i),
			OSName: fmt.Sprintf("Linux build %03d", i)}))
	}
	for _, tc := range []struct {
		os    string
		total int
	}{{"linux", 210}, {"build 20", 10}, {"build 209", 1}} {
		page, err := st.ListAssets(ctx, store.AssetFilter{OSName: tc.os, Limit: 5})
		must(t, err)
		if page.Total != tc.total {
			t.Errorf("OS %q: got total %d; want %d", tc.os, page.Total, tc.total)
		}
	}
}

// testSearchPages checks a search's total on the first page, a middle
// one, past the end, and with no match, with other filters beside it.
func testSearchPages(t *testing.T, st store.Store) {
	for i := 0; i < 30; i++ {
		typ := store.TypeComputer
		if i%3 == 0 {
			typ = store.TypeMonitor
		}
		must(t, st.CreateAsset(ctx, &store.Asset{Type: typ, Name: fmt.Sprintf("ACCUEIL-%02d", i)}))
		must(t, st.CreateAsset(ctx, &store.Asset{Type: typ, Name: fmt.Sprintf("COMPTA-%02d", i)}))
	}
	tests := []struct {
		name  string
		f     store.AssetFilter
		total int
		rows  int
		first string
	}{
		{"first page", store.AssetFilter{Query: "accueil", Limit: 10}, 30, 10, "ACCUEIL-00"},
		{"last page", store.AssetFilter{Query: "accueil", Limit: 10, Offset: 25}, 30, 5, "ACCUEIL-25"},
		{"past the end", store.AssetFilter{Query: "accueil", Limit: 10, Offset: 40}, 30, 0, ""},
		{"no match", store.AssetFilter{Query: "nowhere"}, 0, 0, ""},
		{"with type, descending", store.AssetFilter{Query: "ueil-", Type: store.TypeComputer, Desc: true, Limit: 3}, 20, 3, "ACCUEIL-29"},
		{"two words", store.AssetFilter{Query: "ACC 1"}, 12, 12, "ACCUEIL-01"}, // 01, 10-19, 21,
	}
	for _, tc := range tests {
		page, err := st.ListAssets(ctx, tc.f)
		must(t, err)
		first := ""
		if len(page.Assets) > 0 {
			first = page.Assets[0].Name
		}
		if page.Total != tc.total || len(page.Assets) != tc.rows || first != tc.first {
			t.Errorf("%s: got total %d, %d rows, first %q; want %d, %d, %q", tc.name, page.Total, len(page.Assets), first,
				tc.total, tc.rows, tc.first)
		}
	}
}
