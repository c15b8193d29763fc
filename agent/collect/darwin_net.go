package collect

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// macVirtualPrefixes are the BSD names of interfaces with no hardware
// behind them: VPN tunnels (utun, ipsec), the Thunderbolt bridge and
// virtualisation bridges, AirDrop (awdl) and its low-latency link (llw),
// the gif/stf tunnels, the debugging anpi interfaces, and the
// virtualisation framework's vmenet.
var macVirtualPrefixes = []string{"utun", "ipsec", "bridge", "awdl", "llw", "gif", "stf", "anpi", "vmenet", "feth", "ap", "pktap", "ppp", "tun", "tap"}

// macIfaceKinds reads NetworkInterfaces.plist: the kind ("wifi",
// "ethernet") of each hardware interface by BSD name.
func macIfaceKinds(env *Env) map[string]string {
	var ni macNetworkInterfaces
	if err := readPlist(env, "/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist", &ni); err != nil {
		return nil
	}
	out := map[string]string{}
	for _, i := range ni.Interfaces {
		switch i.Type {
		case "IEEE80211":
			out[i.BSDName] = "wifi"
		case "Ethernet":
			out[i.BSDName] = "ethernet"
		}
	}
	return out
}

// macIface is one interface as gopsutil lists it (from getifaddrs).
type macIface struct {
	Name, MAC string
	MTU       int
	Flags     []string // "up", "running", "loopback"...
	Addrs     []string // "192.168.1.23/24", "fe80::1/64"
}

// macNetworks maps interfaces to inventory entries, one per address as the
// GLPI agents do.
func macNetworks(ifs []macIface, kinds map[string]string) []inventory.Network {
	var out []inventory.Network
	for _, i := range ifs {
		n := inventory.Network{
			Description: i.Name,
			MAC:         strings.ToLower(i.MAC),
			Status:      "down",
			Type:        kinds[i.Name],
		}
		if i.MTU > 0 {
			n.MTU = int64(i.MTU)
		}
		if slices.Contains(i.Flags, "up") && slices.Contains(i.Flags, "running") {
			n.Status = "up"
		}
		virtual := macVirtualIface(i.Name)
		if slices.Contains(i.Flags, "loopback") {
			n.Type, virtual = "loopback", true
		}
		n.VirtualDev = &virtual
		out = append(out, macExpandAddrs(n, i.Addrs)...)
	}
	return out
}

func macVirtualIface(name string) bool {
	base := strings.TrimRight(name, "0123456789")
	return slices.Contains(macVirtualPrefixes, base)
}

// macExpandAddrs makes one entry per address ("192.168.1.23/24",
// "fe80::1%en0/64") of an interface; one without address keeps one entry.
func macExpandAddrs(n inventory.Network, addrs []string) []inventory.Network {
	var out []inventory.Network
	for _, a := range addrs {
		s := a
		if i, j := strings.IndexByte(s, '%'), strings.IndexByte(s, '/'); i >= 0 && j > i {
			s = s[:i] + s[j:] // a zone, which prefixes may not carry
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			continue
		}
		addr := p.Addr().WithZone("")
		e := n
		if addr.Is4() || addr.Is4In6() {
			addr = addr.Unmap()
			e.IPAddress = addr.String()
			e.IPMask = macMask(p.Bits(), 32)
			e.IPSubnet = netip.PrefixFrom(addr, p.Bits()).Masked().Addr().String()
		} else {
			e.IPAddress6 = addr.String()
			e.IPMask6 = macMask(p.Bits(), 128)
			e.IPSubnet6 = netip.PrefixFrom(addr, p.Bits()).Masked().Addr().String()
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		out = append(out, n)
	}
	return out
}

// macMask writes a prefix length as a mask: 24 -> "255.255.255.0".
func macMask(bits, size int) string {
	b := make([]byte, size/8)
	for i := 0; i < bits && i < size; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a.String()
}
