package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// RunKnowledge runs the conformance suite of store.KnowledgeQueries; open
// must return a fresh, migrated store.
func RunKnowledge(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("Categories", func(t *testing.T) { testKBCategories(t, open(t)) })
	t.Run("Articles", func(t *testing.T) { testKBArticles(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testKBSearch(t, open(t)) })
}

func kbQueries(t *testing.T, st store.Store) store.KnowledgeQueries {
	t.Helper()
	kq, err := store.Knowledge(st)
	must(t, err)
	return kq
}

func testKBCategories(t *testing.T, st store.Store) {
	kq := kbQueries(t, st)
	root := &store.KBCategory{Name: "Printing"}
	must(t, kq.CreateKBCategory(ctx, root))
	wantErr(t, kq.CreateKBCategory(ctx, &store.KBCategory{Name: "Printing"}), store.ErrConflict)
	child := &store.KBCategory{ParentID: root.ID, Name: "Toner"}
	must(t, kq.CreateKBCategory(ctx, child))
	wantErr(t, kq.CreateKBCategory(ctx, &store.KBCategory{ParentID: root.ID, Name: "Toner"}), store.ErrConflict)
	wantErr(t, kq.CreateKBCategory(ctx, &store.KBCategory{ParentID: 9999, Name: "Orphan"}), store.ErrNotFound)
	// The same name under another parent is another category.
	must(t, kq.CreateKBCategory(ctx, &store.KBCategory{Name: "Accounts"}))
	must(t, kq.CreateKBCategory(ctx, &store.KBCategory{ParentID: child.ID, Name: "Printing"}))

	must(t, kq.CreateKBArticle(ctx, &store.KBArticle{CategoryID: child.ID, Title: "Change toner", FAQ: true}))
	must(t, kq.CreateKBArticle(ctx, &store.KBArticle{CategoryID: child.ID, Title: "Reset fuser"}))
	cats, err := kq.KBCategories(ctx, false)
	must(t, err)
	var got []string
	counts := map[string]int{}
	for _, c := range cats {
		got = append(got, c.Name)
		counts[c.Name] += c.Articles
	}
	if want := []string{"Accounts", "Printing", "Printing", "Toner"}; !slices.Equal(got, want) {
		t.Errorf("got categories %v; want %v", got, want)
	}
	if counts["Toner"] != 2 {
		t.Errorf("got %d articles in Toner; want 2", counts["Toner"])
	}
	faq, err := kq.KBCategories(ctx, true)
	must(t, err)
	for _, c := range faq {
		if c.ID == child.ID && c.Articles != 1 {
			t.Errorf("got %d FAQ articles in Toner; want 1", c.Articles)
		}
	}

	// Removing the root removes its subtree; the articles stay, without
	// a category.
	must(t, kq.DeleteKBCategory(ctx, root.ID))
	wantErr(t, kq.DeleteKBCategory(ctx, root.ID), store.ErrNotFound)
	cats, err = kq.KBCategories(ctx, false)
	must(t, err)
	if len(cats) != 1 || cats[0].Name != "Accounts" {
		t.Errorf("got %+v after delete; want only Accounts", cats)
	}
	p, err := kq.ListKBArticles(ctx, store.KBFilter{})
	must(t, err)
	if p.Total != 2 {
		t.Fatalf("got %d articles; want 2", p.Total)
	}
	for _, a := range p.Articles {
		if a.CategoryID != 0 || a.Category != "" {
			t.Errorf("article %q: got category %d %q; want none", a.Title, a.CategoryID, a.Category)
		}
	}
}

func testKBArticles(t *testing.T, st store.Store) {
	kq := kbQueries(t, st)
	tq, err := store.Tickets(st)
	must(t, err)
	author := &store.User{Login: "tech", Name: "Tess Tech", Role: store.RoleTechnician, PasswordHash: "h"}
	must(t, st.CreateUser(ctx, author))
	tk := newTicket(t, tq, "Printer jams", 5, author.ID)
	cat := &store.KBCategory{Name: "Printing"}
	must(t, kq.CreateKBCategory(ctx, cat))

	a := &store.KBArticle{CategoryID: cat.ID, Title: "Printer jams", Body: "Open tray 2.\n\n- pull\n- <script>",
		Lang: "en", AuthorID: author.ID, TicketID: tk.ID, CreatedAt: t0}
	must(t, kq.CreateKBArticle(ctx, a))
	if a.ID == 0 {
		t.Fatal("got ID 0 after CreateKBArticle; want the new ID")
	}
	got, err := kq.GetKBArticle(ctx, a.ID)
	must(t, err)
	want := store.KBArticle{ID: a.ID, CategoryID: cat.ID, Category: "Printing", Title: "Printer jams",
		Body: a.Body, Lang: "en", AuthorID: author.ID, Author: "Tess Tech", TicketID: tk.ID,
		CreatedAt: t0, UpdatedAt: t0}
	if *got != want {
		t.Errorf("got %+v; want %+v", *got, want)
	}
	_, err = kq.GetKBArticle(ctx, 9999)
	wantErr(t, err, store.ErrNotFound)

	must(t, kq.CountKBView(ctx, a.ID))
	must(t, kq.CountKBView(ctx, a.ID))
	wantErr(t, kq.CountKBView(ctx, 9999), store.ErrNotFound)

	later := t0.Add(time.Hour)
	upd := &store.KBArticle{ID: a.ID, Title: "Paper jams", Body: "Tray 2", Lang: "", FAQ: true, UpdatedAt: later}
	must(t, kq.UpdateKBArticle(ctx, upd))
	wantErr(t, kq.UpdateKBArticle(ctx, &store.KBArticle{ID: 9999, Title: "x"}), store.ErrNotFound)
	got, err = kq.GetKBArticle(ctx, a.ID)
	must(t, err)
	if got.Title != "Paper jams" || got.CategoryID != 0 || !got.FAQ || got.Views != 2 || !got.UpdatedAt.Equal(later) ||
		!got.CreatedAt.Equal(t0) || got.TicketID != tk.ID || got.AuthorID != author.ID {
		t.Errorf("got %+v after update; want title Paper jams, no category, FAQ, 2 views, updated %v, same ticket and author", *got, later)
	}

	of, err := kq.KBArticlesOfTicket(ctx, tk.ID)
	must(t, err)
	if len(of) != 1 || of[0].ID != a.ID {
		t.Errorf("got articles of ticket %+v; want article %d", of, a.ID)
	}
	must(t, kq.DeleteKBArticle(ctx, a.ID))
	wantErr(t, kq.DeleteKBArticle(ctx, a.ID), store.ErrNotFound)
	_, err = kq.GetKBArticle(ctx, a.ID)
	wantErr(t, err, store.ErrNotFound)
}

func testKBSearch(t *testing.T, st store.Store) {
	kq := kbQueries(t, st)
	net := &store.KBCategory{Name: "Network"}
	must(t, kq.CreateKBCategory(ctx, net))
	wifi := &store.KBCategory{ParentID: net.ID, Name: "Wi-Fi"}
	must(t, kq.CreateKBCategory(ctx, wifi))
	arts := []store.KBArticle{
		{Title: "Connect to the Wi-Fi", Body: "Choose MAIRIE-STAFF", CategoryID: wifi.ID, FAQ: true, Lang: "en"},
		{Title: "Se connecter au Wi-Fi", Body: "Choisir MAIRIE-STAFF", CategoryID: wifi.ID, FAQ: true, Lang: "fr"},
		{Title: "Switch reset", Body: "Hold the button 10 s", CategoryID: net.ID},
		{Title: "100% toner_level", Body: "A literal percent", Lang: ""},
	}
	ids := map[string]int64{}
	for i := range arts {
		arts[i].CreatedAt = t0.Add(time.Duration(i) * time.Minute)
		must(t, kq.CreateKBArticle(ctx, &arts[i]))
		ids[arts[i].Title] = arts[i].ID
	}
	tests := []struct {
		name string
		f    store.KBFilter
		want []string // newest first
	}{
		{"all", store.KBFilter{}, []string{"100% toner_level", "Switch reset", "Se connecter au Wi-Fi", "Connect to the Wi-Fi"}},
		{"faq", store.KBFilter{FAQOnly: true}, []string{"Se connecter au Wi-Fi", "Connect to the Wi-Fi"}},
		{"words in any case", store.KBFilter{Query: "mairie wi-fi"}, []string{"Se connecter au Wi-Fi", "Connect to the Wi-Fi"}},
		{"body", store.KBFilter{Query: "BUTTON"}, []string{"Switch reset"}},
		{"every word", store.KBFilter{Query: "switch wi-fi"}, nil},
		{"literal percent", store.KBFilter{Query: "0%"}, []string{"100% toner_level"}},
		{"literal underscore", store.KBFilter{Query: "r_l"}, []string{"100% toner_level"}},
		{"language or any", store.KBFilter{Lang: "fr"}, []string{"100% toner_level", "Switch reset", "Se connecter au Wi-Fi"}},
		{"subtree", store.KBFilter{CategoryIDs: []int64{net.ID, wifi.ID}, Lang: "en"}, []string{"Switch reset", "Connect to the Wi-Fi"}},
		{"faq search", store.KBFilter{FAQOnly: true, Query: "switch"}, nil},
		{"page", store.KBFilter{Limit: 1, Offset: 1}, []string{"Switch reset"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := kq.ListKBArticles(ctx, tc.f)
			must(t, err)
			var got []string
			for _, a := range p.Articles {
				got = append(got, a.Title)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q; want %q", got, tc.want)
			}
			wantTotal := len(tc.want)
			if tc.name == "page" {
				wantTotal = 4
			}
			if p.Total != wantTotal {
				t.Errorf("got total %d; want %d", p.Total, wantTotal)
			}
		})
	}
}
