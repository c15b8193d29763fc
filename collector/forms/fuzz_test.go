package forms

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnswers feeds arbitrary submissions (a URL-encoded body) to the
// parser and validator of the "New arrival" form: no panic, kept answers
// only of shown questions, and every kept answer valid again.
func FuzzAnswers(f *testing.F) {
	f.Add("q_lastname=Martin&q_firstname=L%C3%A9a&q_department=hr&q_start_date=2026-12-01&q_manager=7")
	f.Add("q_accounts=business&q_business_software=x&q_accounts=mail")
	f.Add("q_start_date=2026-13-45&q_equipment=laptop&q_equipment=laptop")
	_, def := seeds(f)
	f.Fuzz(func(t *testing.T, body string) {
		v, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		kept, errs := ValidateAnswers(def, ParseAnswers(def, v), arrivalOpts)
		vis := Visible(def, kept)
		for k := range kept {
			if !vis[k] {
				t.Errorf("kept hidden answer %q", k)
			}
		}
		if len(errs) == 0 {
			again, errs2 := ValidateAnswers(def, kept, arrivalOpts)
			if len(errs2) != 0 || len(again) != len(kept) {
				t.Errorf("kept answers not valid again: %v", errs2)
			}
		}
		for _, e := range errs {
			if def.Question(e.Key) == nil {
				t.Errorf("error on unknown question %q", e.Key)
			}
		}
		title := Title(def, kept, arrivalOpts, "Alice", "fr")
		if utf8.RuneCountInString(title) > MaxTitleRunes || strings.ContainsAny(title, "\n\r") {
			t.Errorf("title %q too long or not one line", title)
		}
	})
}

// FuzzTemplate parses arbitrary title templates: no panic, and a parsed
// one renders one line within the limit.
func FuzzTemplate(f *testing.F) {
	f.Add("Nouvel arrivant : {{q:lastname}} {{q:firstname}}")
	f.Add("{{requester}} {{ q:a }} }} {{")
	f.Add("{{{{q:a}}}}")
	f.Fuzz(func(t *testing.T, s string) {
		tpl, err := ParseTemplate(s)
		if err != nil {
			return
		}
		got := tpl.Render(func(k string) string { return k + "\n" + s }, s)
		if utf8.RuneCountInString(got) > MaxTitleRunes || strings.ContainsAny(got, "\n\r") || !utf8.ValidString(got) {
			t.Errorf("render of %q: got %q", s, got)
		}
	})
}

// FuzzChoices parses arbitrary choices fields: no panic, and what parses
// formats back to the same choices.
func FuzzChoices(f *testing.F) {
	f.Add("laptop | Portable | Laptop\nÉcran\nSouris | Mouse")
	f.Add("a|b|c|d\n\r\n|x")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := ParseChoices(s)
		if err != nil {
			return
		}
		again, err := ParseChoices(FormatChoices(cs))
		if err != nil || len(again) != len(cs) {
			t.Fatalf("round trip of %q: got %v, %v; want %v", s, again, err, cs)
		}
		for i := range cs {
			if again[i] != cs[i] {
				t.Errorf("round trip of %q: got %v; want %v", s, again[i], cs[i])
			}
		}
	})
}
