package osrelease

import (
	"strings"
	"testing"
)

// FuzzParse: seeds are the distribution files, in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		info := Parse(b)
		for k := range info.Vars {
			if !validKey(k) || strings.ContainsAny(k, "=\n") {
				t.Errorf("bad key %q", k)
			}
		}
	})
}
