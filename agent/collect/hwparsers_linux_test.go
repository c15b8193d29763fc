package collect

import (
	"net/netip"
	"testing"
	"unicode/utf8"
)

func TestUnescape(t *testing.T) {
	tests := []struct{ in, octal, hex string }{
		{`/media/CLE\040USB`, "/media/CLE USB", `/media/CLE\040USB`},
		{`CLE\x20USB`, `CLE\x20USB`, "CLE USB"},
		{`bad\9x\x`, `bad\9x\x`, `bad\9x\x`},
		{`end\04`, `end\04`, `end\04`},
	}
	for _, tt := range tests {
		if got := unescapeOctal(tt.in); got != tt.octal {
			t.Errorf("unescapeOctal(%q) = %q; want %q", tt.in, got, tt.octal)
		}
		if got := unescapeHex(tt.in); got != tt.hex {
			t.Errorf("unescapeHex(%q) = %q; want %q", tt.in, got, tt.hex)
		}
	}
}

func TestPrefixMask(t *testing.T) {
	tests := []struct {
		bits, size int
		want       string
	}{{24, 32, "255.255.255.0"}, {0, 32, "0.0.0.0"}, {20, 32, "255.255.240.0"}, {64, 128, "ffff:ffff:ffff:ffff::"}, {128, 128, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}}
	for _, tt := range tests {
		if got := prefixMask(tt.bits, tt.size); got != tt.want {
			t.Errorf("prefixMask(%d, %d) = %q; want %q", tt.bits, tt.size, got, tt.want)
		}
	}
}

func TestSpeedFromName(t *testing.T) {
	tests := map[string]int64{
		"11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz": 2600,
		"Intel(R) Pentium(R) CPU G4560 @ 3.50GHz":        3500,
		"Intel(R) Atom(TM) CPU @ 800MHz":                 800,
		"AMD Ryzen 5 5600X 6-Core Processor":             0,
		"weird @ fastGHz":                                0,
	}
	for in, want := range tests {
		if got := speedFromName(in); got != want {
			t.Errorf("speedFromName(%q) = %d; want %d", in, got, want)
		}
	}
}

func TestParseRoutes(t *testing.T) {
	in := "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n" +
		"eth0\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n" +
		"wlan0\t00000000\t0102A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n" +
		"eth0\t0001A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n" +
		"down0\t0003A8C0\t00000000\t0000\t0\t0\t0\t00FFFFFF\t0\t0\t0\n" +
		"bad0\t0004A8C0\t00000000\t0001\t0\t0\t0\t00FF00FF\t0\t0\t0\n"
	routes := parseRoutes([]byte(in))
	if len(routes) != 3 {
		t.Fatalf("got %d routes; want 3 (a down route and a bad mask skipped): %+v", len(routes), routes)
	}
	if got, want := routes[2].Dest, netip.MustParsePrefix("192.168.1.0/24"); got != want {
		t.Errorf("got %v; want %v", got, want)
	}
	if got := defaultGateway(routes); got != netip.MustParseAddr("192.168.1.1") {
		t.Errorf("default gateway: got %v; want the lowest metric, 192.168.1.1", got)
	}
}

func TestParseCPUInfoARM(t *testing.T) {
	in := "processor\t: 0\nBogoMIPS\t: 108.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0b\n\n" +
		"processor\t: 1\nBogoMIPS\t: 108.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd0b\n\n" +
		"Hardware\t: BCM2835\nSerial\t\t: 10000000abcdef01\nModel\t\t: Raspberry Pi 5 Model B Rev 1.0\n"
	got := parseCPUInfo([]byte(in))
	if len(got) != 1 || got[0].Logical != 2 || cpuVendorName(got[0].Vendor) != "ARM" {
		t.Errorf("got %+v; want one ARM package of 2 CPUs", got)
	}
}

func TestParseCVDHeader(t *testing.T) {
	h, ok := parseCVDHeader([]byte("ClamAV-VDB:14 Feb 2024 09-28 -0500:27185:2054003:90:X:X:raynman:1707920917      "))
	if !ok || h.Version != "27185" || h.Built.UTC().Format("2006-01-02 15:04") != "2024-02-14 14:28" {
		t.Errorf("got %+v, %v; want version 27185 built 2024-02-14 14:28 UTC", h, ok)
	}
	if _, ok := parseCVDHeader([]byte("not a database")); ok {
		t.Error("junk parsed as a CVD header")
	}
}

func TestParseLeaseServer(t *testing.T) {
	dhclient := "lease {\n  interface \"eth0\";\n  option dhcp-server-identifier 10.0.0.1;\n}\nlease {\n  interface \"eth0\";\n  option dhcp-server-identifier 10.0.0.254;\n}\n"
	tests := map[string]string{dhclient: "10.0.0.254", "ADDRESS=10.1.2.3\nSERVER_ADDRESS=10.1.2.1\n": "10.1.2.1", "": ""}
	for in, want := range tests {
		if got := parseLeaseServer([]byte(in)); got != want {
			t.Errorf("parseLeaseServer(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestSpaceMiB(t *testing.T) {
	total, free := spaceMiB(4096, 262144, 131072)
	if total != 1024 || free != 512 {
		t.Errorf("got %d/%d MiB; want 1024/512", total, free)
	}
}

func TestDiskInterface(t *testing.T) {
	tests := []struct{ name, link, want string }{
		{"sda", "../devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda", "SATA"},
		{"sdb", "../devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host2/target2:0:0/2:0:0:0/block/sdb", "USB"},
		{"sdc", "../devices/pci0000:00/0000:00:1f.2/host4/target4:0:0/4:0:0:0/block/sdc", "SCSI"},
		{"nvme0n1", "", "NVMe"}, {"vda", "", "virtio"}, {"mmcblk0", "", "MMC"},
	}
	for _, tt := range tests {
		if got := diskInterface(tt.name, tt.link); got != tt.want {
			t.Errorf("diskInterface(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// FuzzLinuxTextParsers runs every text parser of the Linux collectors on
// the same input; seeds are fixture files (testdata/fuzz).
func FuzzLinuxTextParsers(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		parseMeminfo(b)
		parseBtime(b)
		for _, r := range parseRoutes(b) {
			if !r.Dest.IsValid() {
				t.Errorf("invalid route prefix %+v", r)
			}
		}
		parseFibTrieLocal(b)
		for _, a := range parseIfInet6(b) {
			if a.Prefix > 128 {
				t.Errorf("prefix %d > 128", a.Prefix)
			}
		}
		for _, s := range parseCPUInfo(b) {
			if s.Logical <= 0 {
				t.Errorf("package without CPU: %+v", s)
			}
		}
		for _, m := range parseMounts(b) {
			_ = m.Target
		}
		for _, u := range parsePasswd(b) {
			if u.ID == "" || u.Login == "" {
				t.Errorf("user without id or login: %+v", u)
			}
		}
		parseGroup(b)
		parseResolvConf(b)
		parseLeaseServer(b)
		parseHosts(b, "host")
		parseCVDHeader(b)
		lookupPCINames(b, map[string]bool{"8086": true, "8086:9a49": true, "03": true, "0300": true})
		if s := unescapeHex(string(b)); len(s) > len(b) {
			t.Errorf("unescapeHex grew the input")
		}
		if s := unescapeOctal(string(b)); len(s) > len(b) {
			t.Errorf("unescapeOctal grew the input")
		}
	})
}

// FuzzUtmp decodes arbitrary utmp data.
func FuzzUtmp(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		recs := parseUtmp(b)
		if len(recs) != len(b)/utmpSize {
			t.Errorf("got %d records from %d bytes", len(recs), len(b))
		}
		for _, r := range recs {
			if !utf8.ValidString(r.User) || !utf8.ValidString(r.Host) {
				t.Errorf("invalid UTF-8 in %+v", r)
			}
		}
	})
}
