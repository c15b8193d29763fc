package edid

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	tests := []struct {
		file string
		want Info
	}{
		{"dell-p2419h.bin", Info{
			ManufacturerID: "DEL", Manufacturer: "Dell Inc.", ProductCode: 0xa0c2,
			SerialNumber: 0x41344c4c, Serial: "CFV9N99T0XYL", Name: "DELL P2419H",
			Week: 32, Year: 2021, Version: "1.4",
		}},
		{"auo-b140han04.bin", Info{
			ManufacturerID: "AUO", Manufacturer: "AU Optronics", ProductCode: 0x403d,
			Name: "B140HAN04.0", Year: 2020, Version: "1.4",
		}},
		{"samsung-syncmaster.bin", Info{
			ManufacturerID: "SAM", Manufacturer: "Samsung Electric Company", ProductCode: 0x055d,
			SerialNumber: 0x4d4e5232, Serial: "H9XS900541", Name: "SyncMaster",
			Week: 12, Year: 2009, Version: "1.3",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Parse(readFixture(t, tt.file))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got.Base64, got.text = "", ""
			if *got != tt.want {
				t.Errorf("got %+v; want %+v", *got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	good := readFixture(t, "dell-p2419h.bin")
	corrupt := func(i int, v byte) []byte {
		b := append([]byte(nil), good...)
		b[i] = v
		return b
	}
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrShort},
		{"truncated", good[:127], ErrShort},
		{"header", corrupt(1, 0x00), ErrHeader},
		{"checksum", corrupt(100, good[100]+1), ErrChecksum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.in)
			if !errors.Is(err, tt.want) {
				t.Errorf("got %v; want %v", err, tt.want)
			}
		})
	}
}

func TestNumericSerialFallback(t *testing.T) {
	b := readFixture(t, "samsung-syncmaster.bin")
	// Blank the serial descriptor's tag (0xff -> 0x10, "dummy") and fix
	// the checksum: the numeric serial must then be used, in decimal.
	b[108+3] = 0x10
	b[127] += 0xff - 0x10
	info, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1296978482"; info.Serial != want {
		t.Errorf("got serial %q; want %q", info.Serial, want)
	}
}

func TestMonitor(t *testing.T) {
	info, err := Parse(readFixture(t, "dell-p2419h.bin"))
	if err != nil {
		t.Fatal(err)
	}
	got := info.Monitor()
	want := inventory.Monitor{
		Base64: info.Base64, Caption: "DELL P2419H", Name: "DELL P2419H",
		Description: "32/2021", Manufacturer: "Dell Inc.",
		Serial: "CFV9N99T0XYL", AltSerial: "1093946444",
	}
	if got != want {
		t.Errorf("got %+v; want %+v", got, want)
	}
	if len(info.Base64) != 344 { // 256 bytes, base64
		t.Errorf("got base64 length %d; want 344", len(info.Base64))
	}
}

func TestPNPID(t *testing.T) {
	tests := []struct {
		in   uint16
		want string
	}{
		{0x10ac, "DEL"}, {0x4c2d, "SAM"}, {0x06af, "AUO"}, {0x1e6d, "GSM"}, {0x0000, ""}, {0x7fff, ""},
	}
	for _, tt := range tests {
		if got := pnpID(tt.in); got != tt.want {
			t.Errorf("pnpID(%#04x) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
