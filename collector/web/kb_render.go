package web

import (
	"html/template"
	"net/url"
	"regexp"
	"strings"
)

// kbBody renders an article's body, plain text with a few Markdown-like
// marks, to HTML. Everything the author wrote is escaped; the only markup
// is what this function writes itself:
//   - a blank line separates paragraphs, a line break stays a line break;
//   - lines starting with "- " or "* " make a bulleted list, lines
//     starting with "1. " (any number) a numbered one;
//   - [text](http://...) and bare http(s) URLs become links; any other
//     scheme (javascript:, data:...) stays text.
//
// No raw HTML ever passes: an article is often pasted from a mail or a
// ticket, and a FAQ article is shown to every self-service user.
func kbBody(src string) template.HTML {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	var b strings.Builder
	var para []string // the lines of the paragraph being read
	list := ""        // "ul" or "ol" while inside a list
	flushPara := func() {
		if len(para) == 0 {
			return
		}
		b.WriteString("<p>")
		for i, l := range para {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			b.WriteString(kbInline(l))
		}
		b.WriteString("</p>\n")
		para = para[:0]
	}
	closeList := func() {
		if list != "" {
			b.WriteString("</" + list + ">\n")
			list = ""
		}
	}
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		kind, item := kbListItem(trimmed)
		switch {
		case trimmed == "":
			flushPara()
			closeList()
		case kind != "":
			flushPara()
			if list != kind {
				closeList()
				b.WriteString("<" + kind + ">\n")
				list = kind
			}
			b.WriteString("<li>" + kbInline(item) + "</li>\n")
		default:
			closeList()
			para = append(para, trimmed)
		}
	}
	flushPara()
	closeList()
	return template.HTML(b.String()) // #nosec: every piece of user text went through kbInline
}

var reOrdered = regexp.MustCompile(`^[0-9]{1,9}[.)] `)

// kbListItem says whether a line is a list item: "ul" or "ol" and the
// item's text, or "" when it is not.
func kbListItem(line string) (kind, item string) {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
		return "ul", strings.TrimSpace(line[2:])
	}
	if loc := reOrdered.FindStringIndex(line); loc != nil {
		return "ol", strings.TrimSpace(line[loc[1]:])
	}
	return "", ""
}

// reLink finds a Markdown link whose target is an http(s) URL, or a bare
// http(s) URL.
var reLink = regexp.MustCompile(`\[([^\[\]\n]{1,500})\]\((https?://[^\s()<>"]+)\)|https?://[^\s<>"]+`)

// kbInline escapes one line of text and turns its http(s) links into
// anchors.
func kbInline(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range reLink.FindAllStringSubmatchIndex(s, -1) {
		text, target := "", ""
		if m[2] >= 0 {
			text, target = s[m[2]:m[3]], s[m[4]:m[5]]
		} else {
			target = strings.TrimRight(s[m[0]:m[1]], ".,;:!?)'")
			m[1] = m[0] + len(target)
			text = target
		}
		href, ok := kbHref(target)
		if !ok {
			continue
		}
		b.WriteString(template.HTMLEscapeString(s[last:m[0]]))
		b.WriteString(`<a href="` + template.HTMLEscapeString(href) + `" rel="nofollow noopener noreferrer">`)
		b.WriteString(template.HTMLEscapeString(text) + "</a>")
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(s[last:]))
	return b.String()
}

// kbHref checks a link target is an absolute http(s) URL with a host and
// returns it normalised.
func kbHref(target string) (string, bool) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return u.String(), true
}
