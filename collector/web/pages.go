package web

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"

	"github.com/parcproject/parc/collector/i18n"
	assets "github.com/parcproject/parc/web"
)

// pages are the parsed templates, one set per language so that the "t"
// function needs no language argument.
type pages struct {
	byLang map[string]map[string]*template.Template
}

// layoutFiles are shared by every page; a page file defines "content".
var layoutFiles = []string{"layout.html", "partials.html"}

// pageNames are the page templates; each must exist (checked at start-up).
var pageNames = []string{"login", "error", "dashboard", "asset_list", "asset_view", "asset_edit",
	"software_list", "software_view", "profile", "reference"}

func parsePages(static *staticFiles) (*pages, error) {
	fsys := assets.Templates()
	p := &pages{byLang: map[string]map[string]*template.Template{}}
	for _, lang := range i18n.Languages {
		base, err := template.New("layout.html").Funcs(funcs(lang, static)).ParseFS(fsys, layoutFiles...)
		if err != nil {
			return nil, fmt.Errorf("parse layout: %w", err)
		}
		p.byLang[lang] = map[string]*template.Template{}
		for _, name := range pageNames {
			t, err := template.Must(base.Clone()).ParseFS(fsys, name+".html")
			if err != nil {
				return nil, fmt.Errorf("parse page %s: %w", name, err)
			}
			// Execute nothing, but make sure static file names resolve
			// now: "static" fails on a missing file while parsing runs
			// no functions, so check the references textually.
			if err := checkStatic(fsys, name+".html", static); err != nil {
				return nil, err
			}
			p.byLang[lang][name] = t
		}
	}
	for _, f := range layoutFiles {
		if err := checkStatic(fsys, f, static); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// checkStatic finds every {{static "path"}} of a template file and checks
// the file exists.
func checkStatic(fsys fs.FS, name string, static *staticFiles) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	for _, part := range strings.Split(string(data), `static "`)[1:] {
		p, _, _ := strings.Cut(part, `"`)
		if _, err := static.url(p); err != nil {
			return fmt.Errorf("template %s: %w", name, err)
		}
	}
	return nil
}

func (p *pages) execute(w io.Writer, lang, name string, data *page) error {
	t, ok := p.byLang[lang][name]
	if !ok {
		return fmt.Errorf("no page %q in %q", name, lang)
	}
	return t.ExecuteTemplate(w, "layout.html", data)
}
