package smbios_test

import (
	"testing"
	"unicode/utf8"

	"github.com/parcproject/parc/agent/internal/smbios"
)

// FuzzDecode feeds arbitrary tables; seeds in testdata/fuzz/FuzzDecode
// are the Dell and QEMU tables of smbiostest.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, table []byte, major, minor uint8) {
		info, _ := smbios.Decode(table, smbios.Version{Major: major, Minor: minor})
		if info == nil {
			return
		}
		if s := info.System; s != nil && !utf8.ValidString(s.Serial+s.Product+s.UUID) {
			t.Errorf("invalid UTF-8 in %+v", s)
		}
		for _, d := range info.MemoryDevices {
			if d.SizeMiB < 0 || d.Speed < 0 {
				t.Errorf("negative size or speed: %+v", d)
			}
		}
	})
}

// FuzzEntryPoint checks the entry point and RSMB header parsers.
func FuzzEntryPoint(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = smbios.ParseEntryPoint(b)
		if _, table, err := smbios.ParseRSMB(b); err == nil && len(table) > len(b) {
			t.Errorf("table longer than input")
		}
	})
}
