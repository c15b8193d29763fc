package collect

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

func TestMacNetworks(t *testing.T) {
	kinds := map[string]string{"en0": "wifi", "en7": "ethernet"}
	ifs := []macIface{
		{Name: "lo0", MTU: 16384, Flags: []string{"up", "loopback", "multicast", "running"}, Addrs: []string{"127.0.0.1/8", "::1/128"}},
		{Name: "en0", MAC: "3C:22:FB:0A:1B:2C", MTU: 1500, Flags: []string{"up", "broadcast", "multicast", "running"},
			Addrs: []string{"192.168.1.23/24", "fe80::1c2a:3bff:fe4d:5e6f%en0/64"}},
		{Name: "en7", MAC: "00:e0:4c:68:0a:2b", MTU: 1500, Flags: []string{"broadcast", "multicast"}},
		{Name: "utun3", MTU: 1380, Flags: []string{"up", "pointtopoint", "multicast", "running"}, Addrs: []string{"10.8.0.2/32", "bogus"}},
	}
	got := macNetworks(ifs, kinds)
	no, yes := false, true
	want := []inventory.Network{
		{Description: "lo0", Status: "up", Type: "loopback", MTU: 16384, VirtualDev: &yes, IPAddress: "127.0.0.1", IPMask: "255.0.0.0", IPSubnet: "127.0.0.0"},
		{Description: "lo0", Status: "up", Type: "loopback", MTU: 16384, VirtualDev: &yes, IPAddress6: "::1", IPMask6: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", IPSubnet6: "::1"},
		{Description: "en0", MAC: "3c:22:fb:0a:1b:2c", Status: "up", Type: "wifi", MTU: 1500, VirtualDev: &no, IPAddress: "192.168.1.23", IPMask: "255.255.255.0", IPSubnet: "192.168.1.0"},
		{Description: "en0", MAC: "3c:22:fb:0a:1b:2c", Status: "up", Type: "wifi", MTU: 1500, VirtualDev: &no, IPAddress6: "fe80::1c2a:3bff:fe4d:5e6f", IPMask6: "ffff:ffff:ffff:ffff::", IPSubnet6: "fe80::"},
		{Description: "en7", MAC: "00:e0:4c:68:0a:2b", Status: "down", Type: "ethernet", MTU: 1500, VirtualDev: &no},
		{Description: "utun3", Status: "up", MTU: 1380, VirtualDev: &yes, IPAddress: "10.8.0.2", IPMask: "255.255.255.255", IPSubnet: "10.8.0.2"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v; want %+v", got, want)
	}
}

func TestMacVirtualIface(t *testing.T) {
	for name, want := range map[string]bool{
		"en0": false, "en12": false, "utun0": true, "bridge0": true, "awdl0": true, "llw0": true,
		"gif0": true, "stf0": true, "anpi1": true, "ap1": true, "vmenet0": true, "lo0": false,
	} {
		if got := macVirtualIface(name); got != want {
			t.Errorf("macVirtualIface(%q): got %v; want %v", name, got, want)
		}
	}
}

func TestMacCPUs(t *testing.T) {
	tests := []struct {
		name              string
		info              macCPUInfo
		physical, logical int
		arch              string
		want              []inventory.CPU
	}{
		{"apple silicon", macCPUInfo{Model: "Apple M1 Pro", Family: "458787763", ModelNumber: "0", Cores: 8, Mhz: 3228},
			8, 8, "arm64", []inventory.CPU{{Name: "Apple M1 Pro", Arch: "arm64", Core: 8, CoreCount: 8, Thread: 1, Speed: 3228, Manufacturer: "Apple"}}},
		{"intel", macCPUInfo{Model: "Intel(R) Core(TM) i5-9600K CPU @ 3.70GHz", Vendor: "GenuineIntel", Family: "6", ModelNumber: "158", Stepping: 13, Cores: 6, Mhz: 3700},
			6, 6, "x86_64", []inventory.CPU{{Name: "Intel(R) Core(TM) i5-9600K CPU @ 3.70GHz", Arch: "x86_64", Core: 6, CoreCount: 6, Thread: 1,
				Speed: 3700, Manufacturer: "Intel", FamilyNumber: "6", Model: "158", Stepping: 13}}},
		{"hyper-threading, no count", macCPUInfo{Model: "Intel(R) Core(TM) i7-8700B CPU @ 3.20GHz", Vendor: "GenuineIntel", Cores: 6, Mhz: 3200},
			0, 12, "x86_64", []inventory.CPU{{Name: "Intel(R) Core(TM) i7-8700B CPU @ 3.20GHz", Arch: "x86_64", Core: 6, CoreCount: 6, Thread: 2,
				Speed: 3200, Manufacturer: "Intel"}}},
		{"no name", macCPUInfo{Cores: 4}, 4, 4, "arm64", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := macCPUs(tt.info, tt.physical, tt.logical, tt.arch); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v; want %+v", got, tt.want)
			}
		})
	}
}

func TestMacMounts(t *testing.T) {
	tests := []struct {
		m    macMount
		skip bool
	}{
		{macMount{Device: "/dev/disk3s1s1", Mountpoint: "/", Fstype: "apfs", Opts: []string{"ro", "journaled", "nobrowse"}}, false},
		{macMount{Device: "/dev/disk3s5", Mountpoint: "/System/Volumes/Data", Fstype: "apfs", Opts: []string{"rw", "nobrowse"}}, false},
		{macMount{Device: "/dev/disk3s6", Mountpoint: "/System/Volumes/VM", Fstype: "apfs", Opts: []string{"rw", "nobrowse"}}, true},
		{macMount{Device: "/dev/disk3s2", Mountpoint: "/System/Volumes/Preboot", Fstype: "apfs"}, true},
		{macMount{Device: "devfs", Mountpoint: "/dev", Fstype: "devfs"}, true},
		{macMount{Device: "map auto_home", Mountpoint: "/System/Volumes/Data/home", Fstype: "autofs"}, true},
		{macMount{Device: "/dev/disk5s2", Mountpoint: "/Volumes/Sauvegarde", Fstype: "apfs", Opts: []string{"rw", "local"}}, false},
		{macMount{Device: "/dev/disk7s1", Mountpoint: "/Library/Developer/CoreSimulator/Volumes/iOS_21F79", Fstype: "apfs", Opts: []string{"ro", "nobrowse"}}, true},
	}
	for _, tt := range tests {
		if got := macSkipMount(tt.m); got != tt.skip {
			t.Errorf("macSkipMount(%s): got %v; want %v", tt.m.Mountpoint, got, tt.skip)
		}
	}
	got := macDrive(macMount{Device: "/dev/disk5s2", Mountpoint: "/Volumes/Sauvegarde", Fstype: "apfs", Total: 2 << 40, Free: 512 << 30})
	want := inventory.Drive{Type: "/Volumes/Sauvegarde", Volumn: "/dev/disk5s2", FileSystem: "apfs", Label: "Sauvegarde", Total: 2 << 20, Free: 512 << 10}
	if got != want {
		t.Errorf("macDrive: got %+v; want %+v", got, want)
	}
}

func TestMacUsers(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 6, 20, 9, 12, 0, 0, paris).Unix()
	users, last := macUsers([]macSession{{"jdupont", at - 3600}, {"", at}, {"mmartin", at}, {"jdupont", at - 60}}, paris)
	if want := []inventory.User{{Login: "jdupont"}, {Login: "mmartin"}}; !reflect.DeepEqual(users, want) {
		t.Errorf("users: got %+v; want %+v", users, want)
	}
	if want := (&inventory.Hardware{LastLoggedUser: "mmartin", DateLastLoggedUser: "Thu Jun 20 09:12"}); !reflect.DeepEqual(last, want) {
		t.Errorf("last: got %+v; want %+v", last, want)
	}
	if users, last := macUsers(nil, paris); users != nil || last != nil {
		t.Errorf("no session: got %v, %v; want nothing", users, last)
	}
}

func TestMacBatteryIntel(t *testing.T) {
	p, err := parseMacProfile([]byte(`{"SPPowerDataType": [{"_name": "spbattery_information",
		"sppower_battery_charge_info": {"sppower_battery_current_capacity": 3925, "sppower_battery_max_capacity": 4250},
		"sppower_battery_health_info": {"sppower_battery_cycle_count": 734, "sppower_battery_health": "Good"},
		"sppower_battery_model_info": {"sppower_battery_device_name": "bq20z451", "sppower_battery_manufacturer": "SMP",
			"sppower_battery_serial_number": "D8660520CR1FTTQAF"},
		"sppower_current_amperage": -1213, "sppower_current_voltage": 12312}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []inventory.Battery{{Name: "bq20z451", Manufacturer: "SMP", Serial: "D8660520CR1FTTQAF", Chemistry: "Li-ion", Voltage: 12312, RealCapacity: 52326}}
	if got := macBatteries(p); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v; want %+v", got, want)
	}
}

func TestMacTextDecoders(t *testing.T) {
	for _, tt := range []struct{ fn, in, got, want string }{
		{"macPublisher", "Copyright © 2015-2024 Mozilla Corporation. All rights reserved.", macPublisher("Copyright © 2015-2024 Mozilla Corporation. All rights reserved.", ""), "Mozilla Corporation"},
		{"macPublisher", "Copyright 2024 Google LLC.", macPublisher("Copyright 2024 Google LLC.", "com.google.Chrome"), "Google LLC"},
		{"macPublisher", "© 2024 Apple Inc.", macPublisher("© 2024 Apple Inc.", "com.apple.Safari"), "Apple Inc."},
		{"macPublisher", "(none), com.citrix", macPublisher("", "com.citrix.receiver.nomas"), "Citrix"},
		{"macPublisher", "2024, local.test", macPublisher("2024", "local.test.app"), ""},
		{"macHexText", "0x484D41", macHexText("0x484D4138"), "HMA8"},
		{"macHexText", "0x1F", macHexText("0x1F20"), "0x1F20"},
		{"macHexText", "plain", macHexText("CT8G4SFS8266.M8FE"), "CT8G4SFS8266.M8FE"},
		{"macPNPID", "10ac", macPNPID("10ac"), "DEL"},
		{"macPNPID", "610", macPNPID("610"), "APP"},
		{"macPNPID", "zz", macPNPID("zz"), ""},
		{"macGPUVendor", "sppci_vendor_amd", macGPUVendor("sppci_vendor_amd"), "AMD"},
		{"macGPUVendor", "NVIDIA (0x10de)", macGPUVendor("NVIDIA (0x10de)"), "NVIDIA (0x10de)"},
		{"macChassis", "Mac mini", macChassis("Mac mini", "Macmini9,1"), "Mini PC"},
		{"macChassis", "Mac Studio", macChassis("Mac Studio", "Mac13,1"), "Desktop"},
		{"macVMSystem", "VirtualMac2,1", macVMSystem("VirtualMac2,1"), "Apple Virtualization"},
		{"macDiskMaker", "APPLE HDD ST2000DM001", macDiskMaker("APPLE HDD ST2000DM001"), "Seagate"},
		{"macDiskMaker", "Samsung SSD 980", macDiskMaker("Samsung SSD 980"), "Samsung"},
	} {
		if tt.got != tt.want {
			t.Errorf("%s(%q): got %q; want %q", tt.fn, tt.in, tt.got, tt.want)
		}
	}
}

func TestParseMachoArch(t *testing.T) {
	be := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = append(b, byte(x>>24), byte(x>>16), byte(x>>8), byte(x))
		}
		return b
	}
	le := func(v ...uint32) []byte {
		var b []byte
		for _, x := range v {
			b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
		}
		return b
	}
	for _, tt := range []struct {
		name string
		in   []byte
		want string
	}{
		{"thin arm64", le(0xfeedfacf, machoCPUARM64, 0), "arm64"},
		{"thin x86_64", le(0xfeedfacf, machoCPUX86_64, 3), "x86_64"},
		{"universal", be(0xcafebabe, 2, machoCPUX86_64, 3, 0x4000, 100, 14, machoCPUARM64, 0, 0x8000, 100, 14), "universal"},
		{"fat, one arch", be(0xcafebabe, 1, machoCPUARM64, 0, 0x4000, 100, 14), "arm64"},
		{"java class", be(0xcafebabe, 0x00000034), ""},
		{"script", []byte("#!/bin/sh\nexec foo\n"), ""},
		{"short", []byte{0xcf, 0xfa}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseMachoArch(tt.in); got != tt.want {
				t.Errorf("got %q; want %q", got, tt.want)
			}
		})
	}
}

func TestEnvMemo(t *testing.T) {
	m := newEnvMemo[int]()
	var calls atomic.Int32
	fn := func() (int, error) { calls.Add(1); time.Sleep(5 * time.Millisecond); return 42, nil }
	a, b := &Env{}, &Env{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v, err := m.get(a, fn); v != 42 || err != nil {
				t.Errorf("got %d, %v; want 42, nil", v, err)
			}
		})
	}
	wg.Wait()
	if n := calls.Load(); n != 1 {
		t.Errorf("8 concurrent gets on one Env: got %d calls; want 1", n)
	}
	boom := errors.New("boom")
	if _, err := m.get(b, func() (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Errorf("second Env: got %v; want boom", err)
	}
	if _, err := m.get(b, fn); !errors.Is(err, boom) {
		t.Errorf("second Env again: got %v; want the kept failure", err)
	}
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
	a, b = nil, nil
	for i := 0; i < 50 && m.len() > 0; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	if n := m.len(); n != 0 {
		t.Errorf("after the Envs are gone: got %d entries; want 0", n)
	}
}

func TestMacProfileMissing(t *testing.T) {
	env := &Env{Root: t.TempDir(), Command: func(context.Context, string, ...string) ([]byte, error) {
		return nil, os.ErrNotExist
	}}
	var r inventory.Report
	if err := biosMacOS(context.Background(), env, &r); !errors.Is(err, ErrNoData) {
		t.Errorf("bios without system_profiler: got %v; want ErrNoData", err)
	}
	if err := softwaresMacOS(context.Background(), env, &r); !errors.Is(err, ErrNoData) {
		t.Errorf("applications without /Applications: got %v; want ErrNoData", err)
	}
	if err := softwaresBrew(context.Background(), env, &r); !errors.Is(err, ErrNoData) {
		t.Errorf("brew without Cellar: got %v; want ErrNoData", err)
	}
	if _, err := macOperatingSystem(env, macHost{}); !errors.Is(err, ErrNoData) {
		t.Errorf("os without SystemVersion.plist: got %v; want ErrNoData", err)
	}
	bad := &Env{Root: t.TempDir(), Command: func(context.Context, string, ...string) ([]byte, error) {
		return []byte(`{"SPHardwareDataType": "not a list"}`), nil
	}}
	if err := biosMacOS(context.Background(), bad, &r); err == nil || errors.Is(err, ErrNoData) {
		t.Errorf("bios on broken JSON: got %v; want a parse error", err)
	}
}

func TestMacIfaceKinds(t *testing.T) {
	root, err := filepath.Abs(filepath.Join(macFixtures, "macbookpro-m1pro"))
	if err != nil {
		t.Fatal(err)
	}
	got := macIfaceKinds(&Env{Root: root})
	want := map[string]string{"en0": "wifi", "en1": "ethernet", "en7": "ethernet"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v; want %v", got, want)
	}
}

// FuzzMacProfile feeds system_profiler output to the parser and every
// mapping function: none may panic.
func FuzzMacProfile(f *testing.F) {
	for _, m := range []string{"macbookpro-m1pro", "imac-intel-2019"} {
		if b, err := os.ReadFile(filepath.Join(macFixtures, m+".system_profiler.json")); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := parseMacProfile(b)
		if err != nil {
			return
		}
		macBios(p)
		macHardware(p)
		macMemories(p)
		macVideos(p)
		macMonitors(p)
		macBatteries(p)
		macStorages(p)
	})
}

// FuzzMacBundle feeds Info.plist files (XML, binary, OpenStep) to the
// bundle reader and executables to the Mach-O header reader.
func FuzzMacBundle(f *testing.F) {
	for _, p := range []string{
		"macbookpro-m1pro/Applications/Firefox.app/Contents/Info.plist",
		"macbookpro-m1pro/Applications/Microsoft Word.app/Contents/Info.plist",
		"macbookpro-m1pro/Applications/Firefox.app/Contents/MacOS/firefox",
		"macbookpro-m1pro/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist",
	} {
		if b, err := os.ReadFile(filepath.Join(macFixtures, p)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if info, err := parseBundleInfo(b); err == nil {
			macPublisher(info.Copyright, info.Identifier)
		}
		var ni macNetworkInterfaces
		_ = decodePlist(b, &ni)
		var sv macSystemVersion
		_ = decodePlist(b, &sv)
		parseMachoArch(b)
		parseBrewReceiptTime(b)
	})
}
