package forms

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTitleRunes bounds a rendered ticket title (GLPI's is 255).
const MaxTitleRunes = 250

// maxTemplateBytes bounds a title template.
const maxTemplateBytes = 500

// keyRE is a question key: short, lowercase, usable in ids and field names.
var keyRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// ValidKey reports whether k may be a question's key.
func ValidKey(k string) bool { return keyRE.MatchString(k) }

// Placeholders of a title template: {{q:<key>}} is the answer to question
// <key> (as shown to the reader), {{requester}} the submitter's name.
const requesterPlaceholder = "requester"

// part is a piece of a parsed template: literal text, or a placeholder.
type part struct {
	text string
	key  string // question key; "" for text
	user bool   // {{requester}}
}

// Template is a parsed title template. It is deliberately tiny: admin
// text is never executed by a real template engine, only these
// placeholders are replaced.
type Template struct{ parts []part }

// ErrTemplate marks a malformed title template.
var ErrTemplate = errors.New("bad title template")

// ParseTemplate parses a title template such as
// "Nouvel arrivant : {{q:lastname}} {{q:firstname}}".
func ParseTemplate(s string) (*Template, error) {
	if len(s) > maxTemplateBytes {
		return nil, fmt.Errorf("%w: longer than %d bytes", ErrTemplate, maxTemplateBytes)
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("%w: not UTF-8", ErrTemplate)
	}
	var t Template
	for s != "" {
		i := strings.Index(s, "{{")
		if i < 0 {
			if strings.Contains(s, "}}") {
				return nil, fmt.Errorf("%w: %q without {{", ErrTemplate, "}}")
			}
			t.parts = append(t.parts, part{text: s})
			break
		}
		if strings.Contains(s[:i], "}}") {
			return nil, fmt.Errorf("%w: %q without {{", ErrTemplate, "}}")
		}
		if i > 0 {
			t.parts = append(t.parts, part{text: s[:i]})
		}
		s = s[i+2:]
		j := strings.Index(s, "}}")
		if j < 0 {
			return nil, fmt.Errorf("%w: {{ not closed", ErrTemplate)
		}
		name := strings.TrimSpace(s[:j])
		s = s[j+2:]
		switch {
		case name == requesterPlaceholder:
			t.parts = append(t.parts, part{user: true})
		case strings.HasPrefix(name, "q:") && ValidKey(strings.TrimSpace(name[2:])):
			t.parts = append(t.parts, part{key: strings.TrimSpace(name[2:])})
		default:
			return nil, fmt.Errorf("%w: unknown placeholder {{%s}} (use {{q:key}} or {{requester}})", ErrTemplate, name)
		}
	}
	return &t, nil
}

// Keys returns the question keys the template uses.
func (t *Template) Keys() []string {
	var out []string
	for _, p := range t.parts {
		if p.key != "" {
			out = append(out, p.key)
		}
	}
	return out
}

// Render builds the title: answer(key) gives a question's answer as
// shown, requester the submitter's name. Line breaks and control
// characters become spaces, runs of spaces one, and the result is cut at
// MaxTitleRunes.
func (t *Template) Render(answer func(key string) string, requester string) string {
	var b strings.Builder
	for _, p := range t.parts {
		switch {
		case p.user:
			b.WriteString(requester)
		case p.key != "":
			b.WriteString(answer(p.key))
		default:
			b.WriteString(p.text)
		}
		if b.Len() > 4*MaxTitleRunes*utf8.UTFMax {
			break
		}
	}
	return cleanLine(b.String(), MaxTitleRunes)
}

// cleanLine makes s one line of at most max runes.
func cleanLine(s string, max int) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return strings.TrimSpace(s[:i])
		}
		n++
	}
	return s
}
