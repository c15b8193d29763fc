// Package i18n holds the collector's message catalogues (English and
// French) and picks a language from a preference or an Accept-Language
// header. Keys are dotted names ("login.title"); every key exists in every
// language (a test checks it), and a missing key shows as itself rather
// than as an empty string.
package i18n

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Languages supported, the default first.
const (
	English = "en"
	French  = "fr"
)

// Languages lists the supported languages, the default first.
var Languages = []string{English, French}

var catalogues = map[string]map[string]string{English: en, French: fr}

// Supported reports whether lang is one of Languages.
func Supported(lang string) bool {
	_, ok := catalogues[lang]
	return ok
}

// T returns the message of key in lang, formatted with args (fmt verbs)
// when there are any. An unknown language falls back to English.
func T(lang, key string, args ...any) string {
	cat, ok := catalogues[lang]
	if !ok {
		cat = en
	}
	msg, ok := cat[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(msg, args...)
	}
	return msg
}

// Has reports whether key exists in lang.
func Has(lang, key string) bool {
	_, ok := catalogues[lang][key]
	return ok
}

// Keys lists the keys of lang, sorted.
func Keys(lang string) []string {
	var out []string
	for k := range catalogues[lang] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Match picks the supported language a browser prefers from its
// Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8"), English if none.
func Match(acceptLanguage string) string {
	best, bestQ := English, -1.0
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				continue
			}
			q = f
		}
		base, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		if Supported(base) && q > bestQ && q > 0 {
			best, bestQ = base, q
		}
	}
	return best
}
