package web

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
	assets "github.com/parcproject/parc/web"
)

// TestTemplateKeys checks every message a template names exists in every
// language, including the keys built from columns, types and roles.
func TestTemplateKeys(t *testing.T) {
	re := regexp.MustCompile(`\bt "([a-z0-9_.-]+)"`)
	keys := map[string]bool{}
	err := fs.WalkDir(assets.Templates(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.Templates(), p)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			keys[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) < 20 {
		t.Fatalf("got %d keys from the templates; want many", len(keys))
	}
	for _, c := range columns {
		keys["col."+c.Key] = true
	}
	for _, ty := range store.AssetTypes {
		keys["type."+ty] = true
	}
	for _, f := range append(append([]park.Field{}, park.Fields...), park.ManualFields...) {
		keys["asset."+f.Name] = true
	}
	for _, sec := range sectionOrder {
		keys["section."+sec] = true
	}
	for _, l := range i18n.Languages {
		keys["lang."+l] = true
	}
	for _, r := range store.Roles {
		keys["role."+r] = true
	}
	for k := range keys {
		for _, lang := range i18n.Languages {
			if !i18n.Has(lang, k) {
				t.Errorf("template key %q is missing in %s", k, lang)
			}
		}
	}
}
