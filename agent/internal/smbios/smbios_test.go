package smbios_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/parcproject/parc/agent/internal/smbios"
	"github.com/parcproject/parc/agent/internal/smbios/smbiostest"
)

func decode(t *testing.T, m smbiostest.Machine) *smbios.Info {
	t.Helper()
	info, err := smbios.Decode(m.Table, smbios.Version{Major: m.Major, Minor: m.Minor})
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return info
}

func TestDecodeDell(t *testing.T) {
	info := decode(t, smbiostest.DellLatitude5420())
	check := func(name string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v; want %+v", name, got, want)
		}
	}
	check("bios", *info.BIOS, smbios.BIOS{Vendor: "Dell Inc.", Version: "1.25.0", ReleaseDate: "04/12/2023"})
	check("bios date", info.BIOS.Date(), "2023-04-12")
	check("system", *info.System, smbios.System{
		Manufacturer: "Dell Inc.", Product: "Latitude 5420", Serial: "7XK2LH3",
		UUID: "4C4C4544-0058-4B10-8032-B7C04F4C4833", SKU: "0A1F", Family: "Latitude",
	})
	check("baseboard", *info.Baseboard, smbios.Baseboard{
		Manufacturer: "Dell Inc.", Product: "0C9KXJ", Version: "A00", Serial: "/7XK2LH3/CNCMK0021O0123/",
	})
	check("chassis", *info.Chassis, smbios.Chassis{Manufacturer: "Dell Inc.", Type: "Notebook", TypeCode: 10, Serial: "7XK2LH3"})
	check("processors", info.Processors, []smbios.Processor{{
		Socket: "CPU 1", Manufacturer: "Intel(R) Corporation",
		Version: "11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz", Family: "Core i5", FamilyCode: 0xcd,
		ID: "C1 06 08 00 FF FB EB BF", ExternalClock: 100, MaxSpeed: 4400, CurrentSpeed: 2600,
		Populated: true, CoreCount: 4, CoreEnabled: 4, ThreadCount: 8,
	}})
	check("arrays", info.MemoryArrays, []smbios.MemoryArray{{
		Handle: 9, Use: 3, ErrorCorrection: "None", MaxCapacityKiB: 64 << 20, Slots: 2,
	}})
	dimm := smbios.MemoryDevice{
		ArrayHandle: 9, SizeMiB: 8192, FormFactor: "SODIMM", Type: "DDR4", Speed: 3200,
		ConfiguredSpeed: 3200, AssetTag: "01212300", TotalWidth: 64, DataWidth: 64,
	}
	a, b := dimm, dimm
	a.Locator, a.BankLocator, a.Manufacturer, a.Serial, a.PartNumber = "DIMM A", "BANK 0", "Samsung", "3A2B1C0D", "M471A1K43DB1-CWE"
	b.Locator, b.BankLocator, b.Manufacturer, b.Serial, b.PartNumber = "DIMM B", "BANK 2", "SK Hynix", "52B1E4C7", "HMA81GS6DJR8N-XN"
	check("devices", info.MemoryDevices, []smbios.MemoryDevice{a, b})
	if got := info.Array(9); got == nil || got.Slots != 2 {
		t.Errorf("Array(9): got %+v; want the type 16 array", got)
	}
}

func TestDecodeQEMU(t *testing.T) {
	info := decode(t, smbiostest.QEMUQ35())
	if got, want := info.System.UUID, "7B3C1E2A-9F4D-4E6B-8A1C-2D3E4F5A6B7C"; got != want {
		t.Errorf("uuid: got %s; want %s", got, want)
	}
	if got, want := info.Chassis.Type, "Other"; got != want {
		t.Errorf("chassis: got %q; want %q", got, want)
	}
	p := info.Processors[0]
	if p.Family != "Other" || p.FamilyCode != 1 || p.CoreCount != 2 || p.ExternalClock != 0 {
		t.Errorf("processor: got %+v; want family Other (1), 2 cores, no clock", p)
	}
	d := info.MemoryDevices[0]
	want := smbios.MemoryDevice{ArrayHandle: 4, SizeMiB: 8192, FormFactor: "DIMM", Locator: "DIMM 0", Type: "RAM", Manufacturer: "QEMU"}
	if d != want {
		t.Errorf("dimm: got %+v; want %+v", d, want)
	}
	if got := info.MemoryArrays[0].ErrorCorrection; got != "Multi-bit ECC" {
		t.Errorf("ecc: got %q; want Multi-bit ECC", got)
	}
}

func TestUUIDByteOrder(t *testing.T) {
	raw := []byte{0x44, 0x45, 0x4c, 0x4c, 0x58, 0x00, 0x10, 0x4b, 0x80, 0x32, 0xb7, 0xc0, 0x4f, 0x4c, 0x48, 0x33}
	tests := []struct {
		name  string
		raw   []byte
		major uint8
		minor uint8
		want  string
	}{
		{"2.6 little-endian", raw, 2, 6, "4C4C4544-0058-4B10-8032-B7C04F4C4833"},
		{"2.5 in order", raw, 2, 5, "44454C4C-5800-104B-8032-B7C04F4C4833"},
		{"all zero", make([]byte, 16), 3, 0, ""},
		{"all ff", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, 3, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tb smbiostest.Table
			tb.Add(smbiostest.NewStruct(1, 0x19).Raw(0x08, tt.raw))
			info, err := smbios.Decode(tb.Bytes(), smbios.Version{Major: tt.major, Minor: tt.minor})
			if err != nil {
				t.Fatal(err)
			}
			if info.System.UUID != tt.want {
				t.Errorf("got %q; want %q", info.System.UUID, tt.want)
			}
		})
	}
}

func TestMemorySize(t *testing.T) {
	tests := []struct {
		name string
		size uint16
		ext  uint32
		want int64
	}{
		{"empty slot", 0, 0, 0},
		{"unknown", 0xffff, 0, 0},
		{"MiB", 16384, 0, 16384},
		{"KiB granularity", 0x8000 | 0x7000, 0, 28},
		{"extended", 0x7fff, 65536, 65536},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tb smbiostest.Table
			tb.Add(smbiostest.NewStruct(17, 0x22).U16(0x0c, tt.size).U32(0x1c, tt.ext).U16(0x15, 0xffff))
			info, err := smbios.Decode(tb.Bytes(), smbios.Version{Major: 3, Minor: 0})
			if err != nil {
				t.Fatal(err)
			}
			if got := info.MemoryDevices[0].SizeMiB; got != tt.want {
				t.Errorf("got %d MiB; want %d", got, tt.want)
			}
			if got := info.MemoryDevices[0].Speed; got != 0 {
				t.Errorf("speed 0xFFFF without extended field: got %d; want 0", got)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	m := smbiostest.DellLatitude5420()
	info, err := smbios.Decode(m.Table[:200], smbios.Version{Major: 3, Minor: 2})
	if !errors.Is(err, smbios.ErrTruncated) {
		t.Fatalf("got error %v; want ErrTruncated", err)
	}
	if info == nil || info.BIOS == nil || info.BIOS.Vendor != "Dell Inc." {
		t.Errorf("got %+v; want the structures before the cut", info)
	}
	if _, err := smbios.Decode(nil, smbios.Version{}); !errors.Is(err, smbios.ErrEmpty) {
		t.Errorf("empty table: got %v; want ErrEmpty", err)
	}
}

func TestEntryPoints(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want smbios.Version
		ok   bool
	}{
		{"SM3", smbiostest.EntryPoint3(3, 2, 4000), smbios.Version{Major: 3, Minor: 2}, true},
		{"SM", smbiostest.EntryPoint2(2, 8, 4000, 40), smbios.Version{Major: 2, Minor: 8}, true},
		{"junk", []byte("_XX_ not an entry point at all..."), smbios.Version{}, false},
		{"short", []byte("_SM3_"), smbios.Version{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := smbios.ParseEntryPoint(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("got %v, %v; want %v (ok %v)", got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestRSMB(t *testing.T) {
	m := smbiostest.QEMUQ35()
	v, table, err := smbios.ParseRSMB(smbiostest.RSMB(2, 8, m.Table))
	if err != nil || v != (smbios.Version{Major: 2, Minor: 8}) || len(table) != len(m.Table) {
		t.Errorf("got %v, %d bytes, %v; want 2.8, %d bytes", v, len(table), err, len(m.Table))
	}
	bad := smbiostest.RSMB(2, 8, m.Table)
	if _, _, err := smbios.ParseRSMB(bad[:len(bad)-1]); !errors.Is(err, smbios.ErrTruncated) {
		t.Errorf("short RSMB: got %v; want ErrTruncated", err)
	}
}

func TestFormatDate(t *testing.T) {
	tests := map[string]string{
		"04/12/2023": "2023-04-12", "12/31/99": "1999-12-31", "01/02/05": "2005-01-02",
		"2023-04-12": "", "": "", "13/01/2020": "", "Not Specified": "",
	}
	for in, want := range tests {
		if got := smbios.FormatDate(in); got != want {
			t.Errorf("FormatDate(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	if got := smbios.ChassisTypeName(35); got != "Mini PC" {
		t.Errorf("ChassisTypeName(35) = %q; want Mini PC", got)
	}
	if got := smbios.ChassisTypeName(200); got != "" {
		t.Errorf("ChassisTypeName(200) = %q; want empty", got)
	}
	if got := smbios.ProcessorFamilyName(0xbe, "AMD"); got != "K7" {
		t.Errorf("ProcessorFamilyName(0xBE, AMD) = %q; want K7", got)
	}
	if got := smbios.ProcessorFamilyName(0x6b, ""); got != "Zen" {
		t.Errorf("ProcessorFamilyName(0x6B) = %q; want Zen", got)
	}
}
