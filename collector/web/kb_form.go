package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// Bounds of an article's fields, in characters.
const (
	maxKBTitle = 255
	maxKBBody  = 100000
)

// kbForm is the article form as shown or posted, with an error message
// per wrong field (already translated).
type kbForm struct {
	ID         int64 // 0 for a new article
	Title      string
	Body       string
	Lang       string
	CategoryID int64
	FAQ        bool
	TicketID   int64 // the ticket a new article is saved from
	Errors     map[string]string
}

// kbFormData is the form page.
type kbFormData struct {
	Form       kbForm
	Categories []kbCategoryRow
	Langs      []string
}

// kbFormFrom reads the posted form.
func kbFormFrom(r *http.Request) kbForm {
	f := kbForm{
		Title: strings.TrimSpace(r.PostForm.Get("title")),
		Body:  strings.TrimRight(r.PostForm.Get("body"), " \t\r\n"),
		Lang:  r.PostForm.Get("lang"),
		FAQ:   r.PostForm.Get("faq") == "1",
	}
	f.CategoryID, _ = strconv.ParseInt(r.PostForm.Get("category"), 10, 64)
	f.TicketID, _ = strconv.ParseInt(r.PostForm.Get("ticket"), 10, 64)
	return f
}

// check validates f against the store and fills f.Errors; a new article's
// ticket must be one the user may see.
func (s *Server) kbCheck(ctx context.Context, r *http.Request, kq store.KnowledgeQueries, f *kbForm) error {
	lang := state(r).lang
	f.Errors = map[string]string{}
	if f.Title == "" || utf8.RuneCountInString(f.Title) > maxKBTitle {
		f.Errors["title"] = i18n.T(lang, "kb.err_title")
	}
	if utf8.RuneCountInString(f.Body) > maxKBBody {
		f.Errors["body"] = i18n.T(lang, "kb.err_body")
	}
	if f.Lang != "" && f.Lang != "fr" && f.Lang != "en" {
		f.Errors["lang"] = i18n.T(lang, "kb.err_lang")
	}
	if f.CategoryID != 0 {
		cats, err := kq.KBCategories(ctx, false)
		if err != nil {
			return err
		}
		if kbSubtree(kbTree(cats), f.CategoryID) == nil {
			f.Errors["category"] = i18n.T(lang, "kb.err_category")
		}
	}
	if f.TicketID != 0 && f.ID == 0 {
		tq, err := s.tickets()
		if err != nil {
			return err
		}
		if _, err := s.getTicketID(ctx, r, tq, f.TicketID); errors.Is(err, store.ErrNotFound) {
			f.Errors["ticket"] = i18n.T(lang, "kb.err_ticket")
		} else if err != nil {
			return err
		}
	}
	if len(f.Errors) == 0 {
		f.Errors = nil
	}
	return nil
}

// renderKBForm shows the article form (new or edit).
func (s *Server) renderKBForm(w http.ResponseWriter, r *http.Request, status int, f kbForm) {
	kq, err := store.Knowledge(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cats, err := kq.KBCategories(r.Context(), false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := "kb.new"
	if f.ID != 0 {
		title = "kb.edit"
	}
	s.render(w, r, status, "kb_form", s.newPage(r, title, "kb", kbFormData{Form: f, Categories: kbTree(cats), Langs: kbLangs}))
}

// kbURL is an article's page.
func kbURL(id int64) string { return "/kb/" + strconv.FormatInt(id, 10) }
