package edid

import (
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	// Seeds are the fixtures, in testdata/fuzz/FuzzParse.
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := Parse(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(info.Name) || !utf8.ValidString(info.Serial) {
			t.Errorf("invalid UTF-8 in %q / %q", info.Name, info.Serial)
		}
		if info.Week < 0 || info.Week > 54 || info.Year < 1990 || info.Year > 1990+255 {
			t.Errorf("week/year out of range: %d/%d", info.Week, info.Year)
		}
		_ = info.Monitor()
	})
}
