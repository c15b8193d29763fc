package notify

import (
	htmltemplate "html/template"
	"strings"
	"text/template"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// view is what the templates show, already in the recipient's language.
type view struct {
	Hello, Headline, Text string
	TitleLabel, Title     string
	StatusLabel, Status   string
	ViewLabel, URL        string
	Reply, Footer         string
}

const textBody = `{{.Hello}}

{{.Headline}}
{{with .Text}}
{{.}}
{{end}}
{{.TitleLabel}}: {{.Title}}
{{.StatusLabel}}: {{.Status}}
{{with .URL}}{{$.ViewLabel}}: {{.}}
{{end}}
{{.Reply}}

-- 
{{.Footer}}
`

const htmlBody = `<!DOCTYPE html>
<html><head><meta charset="utf-8"></head>
<body style="font-family: sans-serif">
<p>{{.Hello}}</p>
<p>{{.Headline}}</p>
{{with .Text}}<blockquote style="white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 8px">{{.}}</blockquote>{{end}}
<table>
<tr><th align="left">{{.TitleLabel}}</th><td>{{.Title}}</td></tr>
<tr><th align="left">{{.StatusLabel}}</th><td>{{.Status}}</td></tr>
</table>
{{with .URL}}<p><a href="{{.}}">{{$.ViewLabel}}</a></p>{{end}}
<p>{{.Reply}}</p>
<hr><p style="color: #666; font-size: small">{{.Footer}}</p>
</body></html>
`

var (
	textTmpl = template.Must(template.New("text").Parse(textBody))
	htmlTmpl = htmltemplate.Must(htmltemplate.New("html").Parse(htmlBody))
)

// ticketInfo is what rendering needs of the ticket and its author.
type ticketInfo struct {
	ID     int64
	Title  string
	Status int
	Author string // "" for the system
	URL    string // the ticket's page, "" without base_url
}

// Render writes the mail of ev about t for r, in r's language (English
// when unset), from from; thread is the domain of Message-IDs.
func Render(ev Event, t ticketInfo, r store.Recipient, from, domain string) (*Message, error) {
	lang := r.Lang
	if !i18n.Supported(lang) {
		lang = "en"
	}
	v := view{
		Hello:      i18n.T(lang, "notify.hello", firstNonEmpty(r.Name, r.Login)),
		Headline:   headline(lang, ev, t),
		Text:       ev.Text,
		TitleLabel: i18n.T(lang, "notify.title"), Title: t.Title,
		StatusLabel: i18n.T(lang, "notify.status_label"), Status: statusName(lang, t.Status),
		ViewLabel: i18n.T(lang, "notify.view"), URL: t.URL,
		Reply: i18n.T(lang, "notify.reply"), Footer: i18n.T(lang, "notify.footer"),
	}
	var text, html strings.Builder
	if err := textTmpl.Execute(&text, v); err != nil {
		return nil, err
	}
	if err := htmlTmpl.Execute(&html, v); err != nil {
		return nil, err
	}
	m := &Message{From: from, To: address(r.Name, r.Email), Subject: Subject(t.ID, t.Title),
		Text: text.String(), HTML: html.String(), Date: ev.At}
	if ev.Kind == Created {
		m.MessageID = ThreadID(t.ID, domain)
	} else {
		m.MessageID, m.InReplyTo = newMessageID(t.ID, domain), ThreadID(t.ID, domain)
	}
	if m.Date.IsZero() {
		m.Date = time.Now()
	}
	return m, nil
}

func headline(lang string, ev Event, t ticketInfo) string {
	who := t.Author
	if who == "" {
		who = i18n.T(lang, "notify.system")
	}
	switch ev.Kind {
	case StatusChanged:
		return i18n.T(lang, "notify.status", who, t.ID, statusName(lang, ev.OldStatus), statusName(lang, ev.NewStatus))
	case ApprovalAnswer:
		if ev.Accepted {
			return i18n.T(lang, "notify.approval_yes", who, t.ID)
		}
		return i18n.T(lang, "notify.approval_no", who, t.ID)
	case SLAWarning:
		return i18n.T(lang, "notify.sla_"+ev.SLA, t.ID, ev.Due.In(time.Local).Format("2006-01-02 15:04"))
	}
	return i18n.T(lang, "notify."+string(ev.Kind), who, t.ID)
}

func statusName(lang string, code int) string {
	return i18n.T(lang, "status."+helpdesk.Status(code).String())
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
