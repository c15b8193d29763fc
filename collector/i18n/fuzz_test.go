package i18n

import "testing"

// FuzzMatch feeds arbitrary Accept-Language headers: Match must never
// panic and always return a supported language.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{"", "fr-FR,fr;q=0.9,en;q=0.8", "*", "fr;q=", ";;,,", "en;q=NaN", "fr;q=1e400"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if got := Match(header); !Supported(got) {
			t.Fatalf("Match(%q) = %q; want a supported language", header, got)
		}
	})
}
