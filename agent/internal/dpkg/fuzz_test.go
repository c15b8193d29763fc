package dpkg

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParse checks that no input makes Parse panic and that what it
// returns is sane: a name, and a size that is a whole, non-negative count
// of KiB.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("testdata/status"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("Package: a\nStatus: hold ok installed\nInstalled-Size: 12\n\n"))
	f.Add([]byte("Package: a\r\nStatus: install ok installed\r\n \r\nPackage: b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Parse(bytes.NewReader(data), func(p Package) error {
			if p.Name == "" {
				t.Errorf("package with no name: %+v", p)
			}
			if p.InstalledSize < 0 || p.InstalledSize%1024 != 0 {
				t.Errorf("InstalledSize = %d; want a non-negative multiple of 1024", p.InstalledSize)
			}
			return nil
		})
		if err != nil && len(data) < maxLine {
			t.Errorf("Parse: %v on %d bytes (no line can be too long)", err, len(data))
		}
	})
}
