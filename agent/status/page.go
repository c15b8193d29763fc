package status

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/parcproject/parc/agent/runner"
)

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.T.title}} – {{.S.DeviceID}}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}
th{width:40%;font-weight:600}table.tasks th{width:auto}.err{color:#a00}.note{background:#eef;padding:.5rem}
button{font-size:1rem;padding:.5rem 1rem}a.ticket{display:inline-block;margin-left:1rem}
</style>
</head>
<body>
<h1>{{.T.title}}</h1>
{{if .Requested}}<p class="note">{{.T.requested}}</p>{{end}}
{{if .S.Running}}<p class="note">{{.T.running}}</p>{{end}}
<table>
<tr><th>{{.T.device}}</th><td>{{.S.DeviceID}}</td></tr>
<tr><th>{{.T.version}}</th><td>{{.S.Version}}</td></tr>
<tr><th>{{.T.server}}</th><td>{{if .S.Server}}{{.S.Server}}{{else}}{{.T.noserver}}{{end}}</td></tr>
<tr><th>{{.T.lastinv}}</th><td>{{.When .S.LastInventory}}</td></tr>
<tr><th>{{.T.lastfull}}</th><td>{{.When .S.LastFull}}</td></tr>
<tr><th>{{.T.lastsent}}</th><td>{{.When .S.LastSent}}</td></tr>
<tr><th>{{.T.nextrun}}</th><td>{{.When .S.NextRun}}</td></tr>
<tr><th>{{.T.lasterror}}</th><td>{{if .S.LastError}}<span class="err">{{.S.LastError}}</span> ({{.When .S.LastErrorAt}}){{else}}{{.T.noerror}}{{end}}</td></tr>
<tr><th>{{.T.spool}}</th><td>{{.S.SpoolReports}} {{.T.reports}}</td></tr>
{{if or .S.Tasks .S.TaskReports}}<tr><th>{{.T.taskreports}}</th><td>{{.S.TaskReports}} {{.T.reports}}</td></tr>{{end}}
</table>
{{if .S.Tasks}}<h2>{{.T.tasks}}</h2>
<table class="tasks">
<tr><th>{{.T.task}}</th><th>{{.T.taskstate}}</th><th>{{.T.taskprogress}}</th><th>{{.T.taskwhen}}</th></tr>
{{range .S.Tasks}}<tr><td>{{.ID}} ({{index $.T .Kind}})</td><td>{{index $.T (printf "state_%s" .State)}}{{if .Error}}<br><span class="err">{{.Error}}</span>{{end}}</td>
<td>{{.Done}}/{{.Total}} {{$.T.hosts}}, {{.Found}} {{$.T.found}}</td><td>{{if .Ended.IsZero}}{{$.When .Started}}{{else}}{{$.When .Ended}}{{end}}</td></tr>
{{end}}</table>{{end}}
<form method="post" action="/run">
<p><input type="hidden" name="csrf" value="{{.CSRF}}"><button type="submit">{{.T.runnow}}</button>
{{if .TicketURL}}<a class="ticket" href="{{.TicketURL}}" target="_blank" rel="noopener noreferrer">{{.T.ticket}}</a>{{end}}</p>
</form>
</body>
</html>
`))

type pageData struct {
	Lang      string
	T         map[string]string
	S         runner.Snapshot
	CSRF      string
	TicketURL string
	Requested bool
}

// When prints a time in local time, or "never".
func (d pageData) When(t time.Time) string {
	if t.IsZero() {
		return d.T["never"]
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

// TicketURL is the collector's "new ticket" form for this device:
// <server>/tickets/new?device=<deviceid>.
func TicketURL(server, deviceID string) string {
	if server == "" {
		return ""
	}
	u, err := url.Parse(strings.TrimRight(server, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u = u.JoinPath("tickets", "new")
	u.RawQuery = url.Values{"device": {deviceID}}.Encode()
	return u.String()
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	lang := pickLang(r.Header.Get("Accept-Language"))
	snap := s.src.Snapshot()
	d := pageData{
		Lang: lang, T: messages[lang], S: snap, CSRF: s.csrf,
		TicketURL: TicketURL(snap.Server, snap.DeviceID),
		Requested: r.URL.Query().Get("requested") != "",
	}
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, d); err != nil {
		s.log.Error("render status page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", lang)
	w.Write(buf.Bytes())
}
