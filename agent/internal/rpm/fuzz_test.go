package rpm

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse checks that no output of rpm makes Parse panic, and that every
// package it keeps is named, has no tab left in a field and no negative size.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/rocky9-qa.txt"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("a\t(none)\t1-1\t0\t0\t(none)\t(none)\tx\ty\tz\n"))
	f.Add([]byte("a\tb\tc\td\te\tf\tg\th\t\t\ti\tj\r\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pkgs, _, _ := Parse(data)
		for _, p := range pkgs {
			if p.Name == "" || p.Size < 0 {
				t.Errorf("bad package %+v", p)
			}
			for _, s := range []string{p.Name, p.Arch, p.Version, p.Vendor, p.Summary, p.Group, p.URL} {
				if strings.Contains(s, "\t") {
					t.Errorf("field %q holds a tab", s)
				}
			}
		}
	})
}
