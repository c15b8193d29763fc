package status

import (
	"strconv"
	"strings"
)

// pickLang chooses "fr" or "en" from an Accept-Language header: the
// supported language with the highest weight, English when none is named.
func pickLang(header string) string {
	best, bestQ := "en", -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		prim, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if (prim == "fr" || prim == "en") && q > bestQ && q > 0 {
			best, bestQ = prim, q
		}
	}
	return best
}
