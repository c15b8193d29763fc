package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/store"
)

// kbPageSize is how many articles the list shows at once.
const kbPageSize = 25

// kbListData is the knowledge base's home: the tree, the search and one
// page of articles.
type kbListData struct {
	Staff      bool // every article, and the write buttons
	Supervisor bool // the category forms
	Categories []kbCategoryRow
	Category   int64 // the category chosen, 0 for all
	Query      string
	Lang       string
	Langs      []string
	Articles   []store.KBArticle
	Total      int
	Page       int
	PrevURL    string
	NextURL    string
	// CategoryError is a refused category form's message, translated.
	CategoryError string
}

// kbList shows the knowledge base: technicians and up every article,
// other users the FAQ; ?q= searches title and text, ?category= keeps a
// category and its subcategories, ?lang= an article's language (or any).
func (s *Server) kbList(w http.ResponseWriter, r *http.Request) {
	s.renderKBList(w, r, http.StatusOK, "")
}

func (s *Server) renderKBList(w http.ResponseWriter, r *http.Request, status int, catErr string) {
	ctx := r.Context()
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	staff := kbStaff(r)
	cats, err := kq.KBCategories(ctx, !staff)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	q := r.URL.Query()
	tree := kbTree(cats)
	if !staff {
		tree = kbNonEmpty(tree)
	}
	d := kbListData{Staff: staff, Supervisor: hasRole(r, store.RoleSupervisor), Categories: tree,
		Query: strings.TrimSpace(q.Get("q")), Langs: kbLangs, Page: queryInt(r, "page", 1, 1, 10000),
		CategoryError: catErr}
	f := store.KBFilter{Query: d.Query, FAQOnly: !staff, Limit: kbPageSize, Offset: (d.Page - 1) * kbPageSize}
	if l := q.Get("lang"); l == "fr" || l == "en" {
		d.Lang, f.Lang = l, l
	}
	if id, err := strconv.ParseInt(q.Get("category"), 10, 64); err == nil && id > 0 {
		// An unknown category (deleted since the link was made) lists
		// nothing rather than everything.
		d.Category, f.CategoryIDs = id, kbSubtree(d.Categories, id)
		if f.CategoryIDs == nil {
			f.CategoryIDs = []int64{-1}
		}
	}
	p, err := kq.ListKBArticles(ctx, f)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Articles, d.Total = p.Articles, p.Total
	if d.Page > 1 {
		d.PrevURL, _ = withQuery(r.URL.RequestURI(), "page", strconv.Itoa(d.Page-1))
	}
	if d.Page*kbPageSize < d.Total {
		d.NextURL, _ = withQuery(r.URL.RequestURI(), "page", strconv.Itoa(d.Page+1))
	}
	title := "kb.title"
	if !staff {
		title = "kb.faq_title"
	}
	s.render(w, r, status, "kb_list", s.newPage(r, title, "kb", d))
}

// kbNonEmpty keeps the categories that hold an article, directly or in a
// subcategory: a self-service user's FAQ shows no empty branch.
func kbNonEmpty(tree []kbCategoryRow) []kbCategoryRow {
	var out []kbCategoryRow
	for i, c := range tree {
		n := c.Articles
		for _, d := range tree[i+1:] {
			if d.Depth <= c.Depth {
				break
			}
			n += d.Articles
		}
		if n > 0 {
			out = append(out, c)
		}
	}
	return out
}
