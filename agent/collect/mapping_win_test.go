package collect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"testing"

	"github.com/parcproject/parc/agent/collect/collecttest"
	"github.com/parcproject/parc/pkg/inventory"
)

func TestWinAVState(t *testing.T) {
	for _, tc := range []struct {
		state             int64
		enabled, uptodate bool
	}{
		{397568, true, true},   // 0x061100 Defender on, signatures current
		{397584, true, false},  // 0x061110 on, out of date
		{393472, false, true},  // 0x060100 off (another antivirus took over)
		{266240, true, true},   // 0x041000 third-party, on
		{262144, false, true},  // 0x040000 third-party, off
		{393488, false, false}, // 0x060110
	} {
		t.Run(fmt.Sprintf("%#x", tc.state), func(t *testing.T) {
			e, u := winAVState(tc.state)
			if e != tc.enabled || u != tc.uptodate {
				t.Errorf("got enabled=%v uptodate=%v; want %v %v", e, u, tc.enabled, tc.uptodate)
			}
		})
	}
}

func TestWinCPUID(t *testing.T) {
	for in, want := range map[string]string{
		"BFEBFBFF000806C1": "C1 06 08 00 FF FB EB BF",
		"178BFBFF00A50F00": "00 0F A5 00 FF FB 8B 17",
		"":                 "",
		"BFEBFBFF":         "",
		"ZZEBFBFF000806C1": "",
	} {
		if got := winCPUID(in); got != want {
			t.Errorf("winCPUID(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestWinTimezone(t *testing.T) {
	for _, tc := range []struct {
		bias uint64
		want string
	}{
		{4294967236, "+0100"}, // -60: Paris in winter
		{4294967176, "+0200"}, // -120: Paris in summer
		{0, "+0000"},
		{300, "-0500"},        // New York
		{4294966966, "+0530"}, // -330: India
	} {
		tz := winTimezone(wrow{"TimeZoneKeyName": "X", "ActiveTimeBias": tc.bias})
		if tz == nil || tz.Offset != tc.want {
			t.Errorf("bias %d: got %+v; want offset %s", tc.bias, tz, tc.want)
		}
	}
	if tz := winTimezone(wrow{}); tz != nil {
		t.Errorf("empty key: got %+v; want nil", tz)
	}
}

func TestWinVMSystem(t *testing.T) {
	for _, tc := range []struct{ maker, model, want string }{
		{"Dell Inc.", "Latitude 5440", "Physical"},
		{"VMware, Inc.", "VMware7,1", "VMware"},
		{"Microsoft Corporation", "Virtual Machine", "Hyper-V"},
		{"Microsoft Corporation", "Surface Laptop 5", "Physical"},
		{"QEMU", "Standard PC (Q35 + ICH9, 2009)", "QEMU"},
		{"innotek GmbH", "VirtualBox", "VirtualBox"},
		{"Xen", "HVM domU", "Xen"},
	} {
		if got := winVMSystem(tc.maker, tc.model); got != tc.want {
			t.Errorf("winVMSystem(%q, %q) = %q; want %q", tc.maker, tc.model, got, tc.want)
		}
	}
}

func TestWinDiskMaker(t *testing.T) {
	for model, want := range map[string]string{
		"SAMSUNG MZVL2512HCJQ-00BL7":           "Samsung",
		"NVMe Samsung SSD 980 500GB":           "Samsung",
		"WDC WD10EZEX-08WN4A0":                 "Western Digital",
		"WD PC SN740 SDDPNQD-512G-1006":        "Western Digital",
		"ST1000DM010-2EP102":                   "Seagate",
		"KINGSTON SA400S37240G":                "Kingston",
		"CT500MX500SSD1":                       "Crucial",
		"Micron_2450_MTFDKBA512TFK":            "Micron",
		"VMware Virtual disk SCSI Disk Device": "VMware",
		"Msft Virtual Disk":                    "Microsoft",
		"Generic Flash Disk":                   "",
	} {
		if got := winDiskMaker(model); got != want {
			t.Errorf("winDiskMaker(%q) = %q; want %q", model, got, want)
		}
	}
}

func TestWinChemistryCode(t *testing.T) {
	for code, want := range map[int64]string{
		0x4E4F494C: "Li-ion", // "LION"
		0x0050694C: "LiPo",   // "LiP"
		0x63416250: "Lead Acid",
		0:          "",
		0x01020304: "",
		-5:         "",
	} {
		if got := winChemistryCode(code); got != want {
			t.Errorf("winChemistryCode(%#x) = %q; want %q", code, got, want)
		}
	}
}

func TestWinDriverMemory(t *testing.T) {
	drivers := []wrow{
		{"MatchingDeviceId": `pci\ven_10de&dev_2882`, "DriverDesc": "NVIDIA GeForce RTX 4060", "HardwareInformation.qwMemorySize": uint64(8 << 30)},
		{"MatchingDeviceId": `pci\ven_8086&dev_a7a1`, "HardwareInformation.MemorySize": []byte{0x00, 0x00, 0x00, 0x08}},
		{"DriverDesc": "Old Adapter", "HardwareInformation.MemorySize": uint64(256 << 20)},
	}
	for _, tc := range []struct {
		pnp, name string
		want      int64
	}{
		{`PCI\VEN_10DE&DEV_2882&SUBSYS_8B1E103C&REV_A1\4&1A2B`, "NVIDIA GeForce RTX 4060", 8 << 30},
		{`PCI\VEN_8086&DEV_A7A1&SUBSYS_0C0F1028&REV_04\3&1158`, "Intel(R) Iris(R) Xe Graphics", 128 << 20},
		{`ROOT\DISPLAY\0000`, "Old Adapter", 256 << 20},
		{`PCI\VEN_1002&DEV_1638`, "AMD Radeon", 0},
	} {
		if got := winDriverMemory(drivers, tc.pnp, tc.name); got != tc.want {
			t.Errorf("%s: got %d; want %d", tc.name, got, tc.want)
		}
	}
}

// errWMI fails every query, as WMI does when a class is not supported.
type errWMI struct{}

func (errWMI) Query(context.Context, string, string) ([]map[string]any, error) {
	return nil, fmt.Errorf("wmi: not supported (0x8004100C): %w", ErrNoData)
}

// TestWindowsMonitorsWithoutWMI checks the fallback: when WmiMonitorID does
// not answer, monitors whose PnP "Control" key exists are the present ones.
func TestWindowsMonitorsWithoutWMI(t *testing.T) {
	reg, err := collecttest.LoadRegistry("testdata/windows/latitude-5440-win11/registry.json")
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Registry: reg, WMI: errWMI{}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var r inventory.Report
	if err := windowsMonitors(context.Background(), env, &r); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range r.Content.Monitors {
		got = append(got, m.Caption)
	}
	// The Samsung seen once in 2019 has no Control key: not present.
	if fmt.Sprint(got) != "[B140HAN04.0 DELL P2419H]" {
		t.Errorf("got %v; want [B140HAN04.0 DELL P2419H]", got)
	}
}

func TestWindowsAntivirusFailsWithoutSecurityCenter(t *testing.T) {
	reg, err := collecttest.LoadRegistry("testdata/windows/latitude-5440-win11/registry.json")
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Registry: reg, WMI: errWMI{}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var r inventory.Report
	if err := windowsAntivirus(context.Background(), env, &r); !errors.Is(err, ErrNoData) {
		t.Errorf("got %v; want ErrNoData", err)
	}
}

func TestWinUserSID(t *testing.T) {
	for sid, want := range map[string]bool{
		"S-1-5-21-1004336348-1177238915-682003330-1118":         true,
		"S-1-5-21-1004336348-1177238915-682003330-1118_Classes": false,
		"S-1-12-1-3541925413-1203423539-2617483427-3011442553":  true,
		"S-1-5-18": false, "S-1-5-19": false, ".DEFAULT": false,
	} {
		if got := winUserSID(sid); got != want {
			t.Errorf("winUserSID(%q) = %v; want %v", sid, got, want)
		}
	}
}

// FuzzWinDecoders feeds the small decoders of WMI and registry values
// arbitrary input: none may panic, and the time zone offset must keep the
// schema's +HHMM form.
func FuzzWinDecoders(f *testing.F) {
	f.Add("BFEBFBFF000806C1", int64(0x4E4F494C), []byte{0, 0, 0, 8})
	f.Add("80AD000080AD", int64(4294967236), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add("", int64(-1), []byte(nil))
	f.Fuzz(func(t *testing.T, s string, n int64, b []byte) {
		winCPUID(s)
		winChemistryCode(n)
		winMemoryMaker(s)
		winDiskMaker(s)
		winNetType(s)
		winDiskSerial(s)
		if got := winRegSize(b); got < 0 {
			t.Errorf("winRegSize(%x) = %d; want >= 0", b, got)
		}
		tz := winTimezone(wrow{"TimeZoneKeyName": s, "ActiveTimeBias": uint64(uint32(n))})
		if tz != nil && !reTZ.MatchString(tz.Offset) {
			t.Errorf("offset %q for bias %d", tz.Offset, uint32(n))
		}
	})
}

var reTZ = regexp.MustCompile(`^[+-][0-9]{4}$`)
