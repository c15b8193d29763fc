package web

import (
	"net/http"
	"strings"

	"github.com/parcproject/parc/collector/store"
)

func init() {
	pageNames = append(pageNames, "kb_list", "kb_view", "kb_form")
}

// kbRoutes are the knowledge base's. Every logged-in user reads it: staff
// (technicians and up) every article, others only the FAQ (each handler
// filters, and an internal article is "not found" to them). Technicians
// write articles, as they write solutions; the category tree is shared
// by all, so supervisors and administrators shape it.
func (s *Server) kbRoutes() []route {
	self, tech, sup := store.RoleSelfService, store.RoleTechnician, store.RoleSupervisor
	return []route{
		{http.MethodGet, "/kb", self, kindPage, s.kbList},
		{http.MethodGet, "/kb/new", tech, kindPage, s.kbNew},
		{http.MethodPost, "/kb", tech, kindPage, s.kbCreate},
		{http.MethodGet, "/kb/{id}", self, kindPage, s.kbView},
		{http.MethodGet, "/kb/{id}/edit", tech, kindPage, s.kbEdit},
		{http.MethodPost, "/kb/{id}/edit", tech, kindPage, s.kbUpdate},
		{http.MethodPost, "/kb/{id}/delete", tech, kindPage, s.kbDelete},
		{http.MethodPost, "/kb/categories", sup, kindPage, s.kbCategoryCreate},
		{http.MethodPost, "/kb/categories/{id}/delete", sup, kindPage, s.kbCategoryDelete},
	}
}

// kbStaff reports whether the user reads every article, not only the FAQ.
func kbStaff(r *http.Request) bool { return hasRole(r, store.RoleTechnician) }

// kbLangs are the languages an article may be written in ("" is any).
var kbLangs = []string{"", "fr", "en"}

// kbCategoryRow is a category placed in the tree: Depth 0 at the root.
type kbCategoryRow struct {
	store.KBCategory
	Depth int
	Path  string // the names from the root, "Network > Wi-Fi"
}

// Indent is the row's indentation for a select's option.
func (c kbCategoryRow) Indent() string { return strings.Repeat("\u00a0\u00a0", c.Depth) }

// kbTree orders categories depth first, each parent before its children
// (by name, as KBCategories lists them). A category whose parent is
// missing cannot happen (the subtree goes with it) but would be shown at
// the root rather than lost.
func kbTree(cats []store.KBCategory) []kbCategoryRow {
	children := map[int64][]store.KBCategory{}
	known := map[int64]bool{}
	for _, c := range cats {
		known[c.ID] = true
	}
	for _, c := range cats {
		p := c.ParentID
		if !known[p] {
			p = 0
		}
		children[p] = append(children[p], c)
	}
	var out []kbCategoryRow
	var walk func(parent int64, depth int, path string)
	walk = func(parent int64, depth int, path string) {
		for _, c := range children[parent] {
			p := c.Name
			if path != "" {
				p = path + " > " + c.Name
			}
			out = append(out, kbCategoryRow{KBCategory: c, Depth: depth, Path: p})
			walk(c.ID, depth+1, p)
		}
	}
	walk(0, 0, "")
	return out
}

// kbSubtree is a category and its descendants' IDs; nil when id is not in
// the tree.
func kbSubtree(rows []kbCategoryRow, id int64) []int64 {
	for i, c := range rows {
		if c.ID != id {
			continue
		}
		ids := []int64{id}
		for _, d := range rows[i+1:] {
			if d.Depth <= c.Depth {
				break
			}
			ids = append(ids, d.ID)
		}
		return ids
	}
	return nil
}
