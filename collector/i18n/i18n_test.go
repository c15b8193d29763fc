package i18n

import (
	"strings"
	"testing"
)

// TestCompleteness checks every key exists in every language, with the
// same fmt verbs, and no message is empty.
func TestCompleteness(t *testing.T) {
	for _, lang := range Languages {
		for _, other := range Languages {
			for _, k := range Keys(lang) {
				if !Has(other, k) {
					t.Errorf("key %q is in %s but not in %s", k, lang, other)
				}
			}
		}
		for _, k := range Keys(lang) {
			msg := T(lang, k)
			if strings.TrimSpace(msg) == "" {
				t.Errorf("%s: key %q has an empty message", lang, k)
			}
			if got, want := strings.Count(msg, "%"), strings.Count(T(English, k), "%"); got != want {
				t.Errorf("%s: key %q has %d %% verbs; want %d as in English", lang, k, got, want)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct{ header, want string }{
		{"", "en"},
		{"fr-FR,fr;q=0.9,en;q=0.8", "fr"},
		{"en-GB,en;q=0.9,fr;q=0.8", "en"},
		{"de-DE,de;q=0.9,fr;q=0.5,en;q=0.4", "fr"},
		{"de", "en"},
		{"fr;q=0", "en"},
		{"FR-ca", "fr"},
		{"fr;q=abc, en;q=0.1", "en"},
	}
	for _, tc := range tests {
		t.Run(tc.header, func(t *testing.T) {
			if got := Match(tc.header); got != tc.want {
				t.Errorf("got %q; want %q", got, tc.want)
			}
		})
	}
}

func TestT(t *testing.T) {
	if got := T("fr", "login.title"); got != "Connexion" {
		t.Errorf("got %q; want Connexion", got)
	}
	if got := T("xx", "login.title"); got != "Log in" {
		t.Errorf("got %q; want the English fallback", got)
	}
	if got := T("en", "no.such.key"); got != "no.such.key" {
		t.Errorf("got %q; want the key itself", got)
	}
	if got := T("en", "list.total", 3); got != "Assets: 3" {
		t.Errorf("got %q; want Assets: 3", got)
	}
}
