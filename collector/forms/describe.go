package forms

import (
	"strings"
)

// Display returns the answer to q as a reader sees it in lang: choice
// labels rather than values, option labels rather than ids, joined by
// ", ".
func Display(q *Question, vals []string, opts Options, lang string) string {
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		switch {
		case q.Type.HasChoices():
			if c := choice(q, v); c != nil && c.Label.In(lang) != "" {
				v = c.Label.In(lang)
			}
		case q.Type.Dynamic():
			if l, ok := opts[q.Key][v]; ok {
				v = l
			}
		}
		out = append(out, v)
	}
	return strings.Join(out, ", ")
}

// Title renders the target's title template for kept answers; the
// template was checked by Validate, a broken one gives the form's name.
func Title(f *Form, kept Answers, opts Options, requester, lang string) string {
	tpl, err := ParseTemplate(f.Target.Title)
	if err != nil {
		return cleanLine(f.Name.In(lang), MaxTitleRunes)
	}
	t := tpl.Render(func(key string) string {
		if q := f.Question(key); q != nil {
			return Display(q, kept[key], opts, lang)
		}
		return ""
	}, requester)
	if t == "" {
		t = cleanLine(f.Name.In(lang), MaxTitleRunes)
	}
	return t
}

// Description is the ticket's text: the form's name, then one block per
// section with an answered question, "label: answer" lines ("label?
// answer" when the label is a question; a long text on the lines after
// its label).
func Description(f *Form, kept Answers, opts Options, lang string) string {
	var b strings.Builder
	b.WriteString(f.Name.In(lang))
	b.WriteString("\n")
	for _, s := range f.Sections {
		head := false
		for i := range s.Questions {
			q := &s.Questions[i]
			vals, ok := kept[q.Key]
			if !ok {
				continue
			}
			if !head {
				b.WriteString("\n")
				if t := s.Title.In(lang); t != "" {
					b.WriteString("== " + t + " ==\n")
				}
				head = true
			}
			label := q.Label.In(lang)
			b.WriteString(label)
			if !strings.HasSuffix(label, "?") && !strings.HasSuffix(label, ":") {
				b.WriteString(":") // a question's own mark is enough
			}
			if q.Type == TypeLongText {
				b.WriteString("\n" + Display(q, vals, opts, lang) + "\n")
			} else {
				b.WriteString(" " + Display(q, vals, opts, lang) + "\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
