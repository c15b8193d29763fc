package notify

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// HTMLText turns an HTML mail body into plain text: the text of the
// document without scripts, styles or markup, with line breaks where
// blocks end. The result is text, so whatever the sender wrote is shown
// escaped like any followup, never as HTML.
func HTMLText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidy(b.String())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "style" || tag == "head" || tag == "title" {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			switch tag {
			case "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "hr":
				b.WriteString("\n")
			case "td", "th":
				b.WriteString(" ")
			}
		case html.TextToken:
			if skip == 0 {
				// Whitespace around a text keeps words apart across tags.
				t := string(z.Text())
				if strings.TrimLeftFunc(t, unicode.IsSpace) != t {
					b.WriteString(" ")
				}
				b.WriteString(strings.Join(strings.Fields(t), " "))
				if strings.TrimRightFunc(t, unicode.IsSpace) != t && strings.TrimSpace(t) != "" {
					b.WriteString(" ")
				}
			}
		}
	}
}

// tidy trims each line and keeps at most one empty line in a row.
func tidy(s string) string {
	var out []string
	blank := false
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
