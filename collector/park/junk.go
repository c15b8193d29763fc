package park

import (
	"net"
	"strings"
)

// junkValues are placeholders firmware vendors leave in SMBIOS strings.
// They identify nothing: two PCs with the same one are still two PCs.
var junkValues = map[string]bool{
	"": true, "0": true, "00000000": true, "none": true, "null": true, "n/a": true, "na": true,
	"to be filled by o.e.m.": true, "to be filled by oem": true, "default string": true,
	"system serial number": true, "not specified": true, "not applicable": true,
	"not available": true, "unknown": true, "invalid": true, "empty": true, "oem": true,
	"chassis serial number": true, "base board serial number": true, "serial number": true,
	"0123456789": true, "123456789": true, "1234567890": true, "xxxxxxxxxxx": true,
	"ffffffff": true, "system product name": true, "system manufacturer": true,
	"no asset tag": true, "asset-1234567890": true, "no asset information": true,
	"localhost": true, "localhost.localdomain": true,
}

// IsJunk reports whether an identifier value is a known placeholder, or
// made of one repeated character such as "0000000" or "........".
func IsJunk(v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	if junkValues[v] {
		return true
	}
	return len(v) > 1 && strings.Count(v, v[:1]) == len(v)
}

// SerialKey is the reconciliation key of a serial number: trimmed and upper
// case, or "" for junk.
func SerialKey(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if IsJunk(s) {
		return ""
	}
	return s
}

// UUIDKey is the reconciliation key of an SMBIOS UUID: lower case without
// braces, or "" for junk such as all zeros or all Fs.
func UUIDKey(u string) string {
	u = strings.ToLower(strings.Trim(strings.TrimSpace(u), "{}"))
	hex := strings.ReplaceAll(u, "-", "")
	if IsJunk(hex) || IsJunk(u) || len(hex) < 8 {
		return ""
	}
	return u
}

// NameKey is the reconciliation key of a host name: the short name in lower
// case, or "" for junk such as "localhost".
func NameKey(n string) string {
	n = strings.ToLower(strings.TrimSpace(n))
	if IsJunk(n) {
		return ""
	}
	return n
}

// NormMAC returns a MAC in lower case with colons ("3c:52:82:0a:bc:de"), or
// "" if it is not a usable hardware address: unparsable, all zeros,
// broadcast, or locally administered placeholders of virtual adapters.
func NormMAC(m string) string {
	hw, err := net.ParseMAC(strings.TrimSpace(m))
	if err != nil || len(hw) != 6 {
		return ""
	}
	s := hw.String()
	if s == "00:00:00:00:00:00" || s == "ff:ff:ff:ff:ff:ff" {
		return ""
	}
	return s
}

// virtualNICPrefixes are interface names and descriptions of virtual
// adapters, whose MACs are shared or random and must not reconcile.
var virtualNICPrefixes = []string{
	"docker", "veth", "br-", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "zt",
	"cni", "flannel", "cali", "vxlan", "kube", "lxc", "lxd", "ham", "ppp",
	"vmware", "virtualbox", "hyper-v", "microsoft hyper-v", "microsoft wi-fi direct",
	"microsoft kernel debug", "wan miniport", "bluetooth", "teredo", "isatap",
	"tailscale", "zerotier", "openvpn", "tap-windows", "fortinet", "cisco anyconnect",
}

// virtualOUIs are MAC prefixes of host-side virtual adapters: Docker
// bridges and veths, VirtualBox host-only, VMware's vmnet1 and vmnet8. A
// guest's own NIC (52:54:00, 00:50:56:xx...) is its real identity and is
// kept.
var virtualOUIs = []string{"02:42:", "0a:00:27:", "00:50:56:c0:00:01", "00:50:56:c0:00:08"}

// IsVirtualNIC reports whether an interface is virtual: flagged so by the
// agent, named like a virtual adapter, or with a hypervisor's MAC prefix.
func IsVirtualNIC(description, mac string, virtualdev bool) bool {
	if virtualdev {
		return true
	}
	d := strings.ToLower(strings.TrimSpace(description))
	if d == "lo" || strings.HasPrefix(d, "lo:") || strings.HasPrefix(d, "loopback") {
		return true
	}
	for _, p := range virtualNICPrefixes {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	m := NormMAC(mac)
	for _, p := range virtualOUIs {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}
