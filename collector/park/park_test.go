package park

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

func TestKeys(t *testing.T) {
	tests := []struct {
		fn       func(string) string
		in, want string
	}{
		{SerialKey, " pf2xyz12 ", "PF2XYZ12"},
		{SerialKey, "To be filled by O.E.M.", ""},
		{SerialKey, "Default string", ""},
		{SerialKey, "System Serial Number", ""},
		{SerialKey, "0", ""},
		{SerialKey, "None", ""},
		{SerialKey, "Not Specified", ""},
		{SerialKey, "0000000000", ""},
		{UUIDKey, "{4C4C4544-0034-3010-8048-B6C04F503732}", "4c4c4544-0034-3010-8048-b6c04f503732"},
		{UUIDKey, "00000000-0000-0000-0000-000000000000", ""},
		{UUIDKey, "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", ""},
		{UUIDKey, "03000200-0400-0500-0006-000700080009", "03000200-0400-0500-0006-000700080009"},
		{NameKey, "PC-Accueil", "pc-accueil"},
		{NameKey, "localhost", ""},
		{NormMAC, "3C-52-82-0A-BC-DE", "3c:52:82:0a:bc:de"},
		{NormMAC, "00:00:00:00:00:00", ""},
		{NormMAC, "ff:ff:ff:ff:ff:ff", ""},
		{NormMAC, "garbage", ""},
	}
	for _, tc := range tests {
		if got := tc.fn(tc.in); got != tc.want {
			t.Errorf("key of %q: got %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsVirtualNIC(t *testing.T) {
	tests := []struct {
		desc, mac string
		flag      bool
		want      bool
	}{
		{"eth0", "3c:52:82:0a:bc:de", false, false},
		{"Intel(R) Ethernet Connection I219-LM", "3c:52:82:0a:bc:de", false, false},
		{"Local Area Connection", "3c:52:82:0a:bc:de", false, false},
		{"docker0", "02:42:ac:11:00:02", false, true},
		{"veth12ab", "3c:52:82:0a:bc:de", false, true},
		{"VirtualBox Host-Only Ethernet Adapter", "0a:00:27:00:00:0c", false, true},
		{"VMware Virtual Ethernet Adapter for VMnet8", "00:50:56:c0:00:08", false, true},
		{"Hyper-V Virtual Ethernet Adapter", "00:15:5d:01:02:03", false, true},
		{"lo", "", false, true},
		{"br0", "3c:52:82:0a:bc:de", true, true},
		{"ens18", "52:54:00:12:34:56", false, false}, // a KVM guest's own NIC
	}
	for _, tc := range tests {
		if got := IsVirtualNIC(tc.desc, tc.mac, tc.flag); got != tc.want {
			t.Errorf("IsVirtualNIC(%q, %q, %v): got %v; want %v", tc.desc, tc.mac, tc.flag, got, tc.want)
		}
	}
}

func TestNormaliser(t *testing.T) {
	extra := filepath.Join(t.TempDir(), "dict.yaml")
	os.WriteFile(extra, []byte("manufacturers:\n  dell inc.: DELL Technologies\nsoftware:\n  - match: '^gitg$'\n    name: Gitg\n    publisher: GNOME\n"), 0o600)
	n, err := NewNormaliser(extra)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"Dell Inc.": "DELL Technologies", "HP": "HP", "Hewlett-Packard": "HP", "LENOVO": "Lenovo",
		"  Some   Maker ": "Some Maker", "To be filled by O.E.M.": "", "ASUSTeK COMPUTER INC.": "ASUS",
	} {
		if got := n.Manufacturer(in); got != want {
			t.Errorf("Manufacturer(%q): got %q; want %q", in, got, want)
		}
	}
	tests := []struct{ name, pub, ver, wantName, wantPub, wantVer string }{
		{"Mozilla Firefox (x64 fr)", "Mozilla", "115.0", "Firefox", "Mozilla", "115.0"},
		{"7-Zip 23.01 (x64)", "Igor Pavlov", "23.01", "7-Zip", "Igor Pavlov", "23.01"},
		{"gitg", "", "v3.32", "Gitg", "GNOME", "3.32"},
		{"curl", "Microsoft Corporation", " 8.5.0 ", "curl", "Microsoft", "8.5.0"},
		{"vim\x00", "", "9.0", "vim", "", "9.0"},
	}
	for _, tc := range tests {
		name, pub, ver := n.Software(tc.name, tc.pub, tc.ver)
		if name != tc.wantName || pub != tc.wantPub || ver != tc.wantVer {
			t.Errorf("Software(%q, %q, %q): got %q, %q, %q; want %q, %q, %q", tc.name, tc.pub, tc.ver, name, pub, ver, tc.wantName, tc.wantPub, tc.wantVer)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("software:\n  - match: '('\n"), 0o600)
	if _, err := NewNormaliser(bad); err == nil {
		t.Error("got no error for a bad regexp; want one naming software[0].match")
	}
}

func TestFieldsFromPartialReport(t *testing.T) {
	n, _ := NewNormaliser("")
	c := &inventory.Content{Bios: &inventory.Bios{SManufacturer: "LENOVO", SSN: "PF2"}}
	for _, f := range Fields {
		v, ok := f.From(c, n)
		switch f.Name {
		case "manufacturer", "serial", "model", "firmware", "inventory_number":
			if !ok {
				t.Errorf("%s: got absent; want present from bios", f.Name)
			}
		default:
			if ok {
				t.Errorf("%s: got %q present; want absent (no section)", f.Name, v)
			}
		}
	}
	if v, _ := Fields[3].From(c, n); v != "Lenovo" {
		t.Errorf("got manufacturer %q; want Lenovo", v)
	}
}

func TestAssetType(t *testing.T) {
	tests := []struct {
		itemtype, devType, want string
	}{
		{"Computer", "", store.TypeComputer},
		{"", "", store.TypeComputer},
		{"NetworkEquipment", "Networking", store.TypeNetwork},
		{"Printer", "Printer", store.TypePrinter},
		{"Phone", "", store.TypePhone},
		{"Unmanaged", "Printer", store.TypePrinter},
		{"Unmanaged", "Storage", store.TypePeripheral},
	}
	for _, tc := range tests {
		r := &inventory.Report{ItemType: tc.itemtype}
		if tc.devType != "" {
			r.Content.NetworkDevice = &inventory.NetworkDevice{Type: tc.devType}
		}
		if got := AssetType(r); got != tc.want {
			t.Errorf("AssetType(%q, %q): got %q; want %q", tc.itemtype, tc.devType, got, tc.want)
		}
	}
}

func TestManualFieldChecks(t *testing.T) {
	tests := []struct {
		field, v string
		ok       bool
	}{
		{"warranty_end", "2027-01-31", true},
		{"warranty_end", "31/01/2027", false},
		{"location_id", "12", true},
		{"location_id", "", true},
		{"location_id", "x", false},
		{"purchase_cents", "-5", false},
		{"comment", "<b>anything</b>", true},
	}
	for _, tc := range tests {
		f, ok := manualField(tc.field)
		if !ok {
			t.Fatalf("no field %s", tc.field)
		}
		if err := f.Check(tc.v); (err == nil) != tc.ok {
			t.Errorf("%s=%q: got %v; want ok=%v", tc.field, tc.v, err, tc.ok)
		}
	}
}
