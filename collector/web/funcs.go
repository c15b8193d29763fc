package web

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// funcs are the template functions of one language.
func funcs(lang string, static *staticFiles) template.FuncMap {
	return template.FuncMap{
		"t": func(key string, args ...any) string { return i18n.T(lang, key, args...) },
		// tk translates a key built at run time (prefix + value), falling
		// back to the value itself when the catalogue has no such key.
		"tk": func(prefix, v string) string {
			if i18n.Has(lang, prefix+v) {
				return i18n.T(lang, prefix+v)
			}
			return v
		},
		"static": static.url,
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return i18n.T(lang, "common.never")
			}
			return t.Local().Format("2006-01-02 15:04")
		},
		"ago": func(t time.Time) string { return ago(lang, t) },
		"int": func(n int64) string { return strconv.FormatInt(n, 10) },
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"mib": func(n int64) string { return humanMiB(n) },
		"pct": func(part, total float64) int { return percent(part, total) },
		"qs":  withQuery,
		"mul": func(a, b float64) float64 { return a * b },
		// label names a history field: an asset field, else a section.
		"label": func(field string) string {
			for _, p := range []string{"asset.", "section."} {
				if i18n.Has(lang, p+field) {
					return i18n.T(lang, p+field)
				}
			}
			return field
		},
		"card": func(title, filter string, rows []store.GroupCount) countCard {
			return countCard{title, filter, rows}
		},
	}
}

// ago says how long ago t was, coarsely ("3 d").
func ago(lang string, t time.Time) string {
	if t.IsZero() {
		return i18n.T(lang, "common.never")
	}
	d := time.Since(t)
	switch {
	case d < time.Hour:
		return i18n.T(lang, "ago.minutes", int(d.Minutes()))
	case d < 48*time.Hour:
		return i18n.T(lang, "ago.hours", int(d.Hours()))
	default:
		return i18n.T(lang, "ago.days", int(d.Hours()/24))
	}
}

// humanMiB writes a size given in MiB with a readable unit.
func humanMiB(n int64) string {
	switch {
	case n <= 0:
		return ""
	case n >= 1<<20:
		return fmt.Sprintf("%.1f TiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d MiB", n)
	}
}

func percent(part, total float64) int {
	if total <= 0 {
		return 0
	}
	return max(0, min(100, int(part*100/total+0.5)))
}

// withQuery returns the URL u with its query parameters replaced by the
// given key/value pairs (an empty value removes the key).
func withQuery(u string, kv ...string) (string, error) {
	parsed, err := url.Parse(u)
	if err != nil {
		return "", err
	}
	q := parsed.Query()
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			q.Del(kv[i])
		} else {
			q.Set(kv[i], kv[i+1])
		}
	}
	parsed.RawQuery = q.Encode()
	return parsed.String(), nil
}

// countCard is one dashboard card: a title key, the park list filter its
// rows link to, and the counts.
type countCard struct {
	Title, Filter string
	Rows          []store.GroupCount
}
