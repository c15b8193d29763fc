package collect

import (
	"slices"
	"strings"
	"testing"
)

func TestWMISelectList(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"SELECT Name, UUID FROM Win32_ComputerSystemProduct", []string{"Name", "UUID"}},
		{"select  Index,MACAddress from Win32_NetworkAdapter WHERE NetConnectionID IS NOT NULL", []string{"Index", "MACAddress"}},
		{"SELECT * FROM Win32_BIOS", nil},
		{"SELECT Name FROM", nil},
		{"SELECT COUNT(*) FROM X", nil},
		{"ASSOCIATORS OF {Win32_DiskDrive.DeviceID='x'}", nil},
		{"", nil},
	} {
		got, ok := wmiSelectList(tc.q)
		if !slices.Equal(got, tc.want) || ok != (tc.want != nil) {
			t.Errorf("wmiSelectList(%q) = %q, %v; want %q", tc.q, got, ok, tc.want)
		}
	}
	// Every query the collectors send must be readable.
	for _, q := range []string{qComputerSystem, qOperatingSystem, qEnclosure, qProduct, qPageFile, qBIOS, qBaseBoard,
		qProcessor, qPhysicalMemory, qDiskDrive, qPhysicalDisk, qLogicalDisk, qEncryptableVolume, qNetAdapter, qNetConfig,
		qVideoController, qMonitorID, qBattery, qBatteryStatic, qBatteryFullCharge, qAntiVirus} {
		if _, ok := wmiSelectList(q); !ok {
			t.Errorf("wmiSelectList(%q): not readable", q)
		}
	}
}

func FuzzWMISelectList(f *testing.F) {
	f.Add(qNetAdapter)
	f.Add("SELECT * FROM X")
	f.Add("SELECT a,,b FROM c")
	f.Fuzz(func(t *testing.T, q string) {
		names, ok := wmiSelectList(q)
		if ok != (len(names) > 0) {
			t.Errorf("ok=%v with %d names", ok, len(names))
		}
		for _, n := range names {
			if n == "" || strings.ContainsAny(n, ", \t") {
				t.Errorf("bad name %q from %q", n, q)
			}
		}
	})
}
