package collect

import (
	"context"
	"fmt"
	"net/netip"
	"path"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("networks", networksLinux) }

// networksLinux lists each interface of /sys/class/net once per address,
// as GLPI agents do (an interface without address appears once). IPv4
// addresses come from /proc/net/fib_trie and are tied to an interface and
// mask by the on-link routes of /proc/net/route; IPv6 ones from
// /proc/net/if_inet6.
func networksLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	entries, err := env.ReadDir("/sys/class/net")
	if err != nil {
		return fmt.Errorf("read /sys/class/net: %w", ErrNoData)
	}
	routes := readRoutes(env)
	v4 := ipv4ByIface(env, routes)
	var v6 []ipv6Addr
	if b, err := env.ReadFile("/proc/net/if_inet6"); err == nil {
		v6 = parseIfInet6(b)
	}
	var ifaces []inventory.Network
	want := map[string]bool{}
	for _, e := range entries {
		n := readIface(env, e.Name(), routes)
		if n.PCIID != "" {
			ids := strings.Split(strings.ToLower(n.PCIID), ":")
			want[ids[0]], want[ids[0]+":"+ids[1]] = true, true
		}
		ifaces = append(ifaces, n)
	}
	names := readPCINames(env, want)
	for _, n := range ifaces {
		if n.PCIID != "" {
			ids := strings.Split(strings.ToLower(n.PCIID), ":")
			n.Manufacturer, n.Model = names[ids[0]], names[ids[0]+":"+ids[1]]
		}
		r.Content.Networks = append(r.Content.Networks, expandAddrs(n, v4[n.Description], v6)...)
	}
	return nil
}

func readRoutes(env *Env) []ipv4Route {
	b, err := env.ReadFile("/proc/net/route")
	if err != nil {
		return nil
	}
	return parseRoutes(b)
}

// ipv4ByIface assigns each local address to the interface whose on-link
// route holds it, with that route's mask; loopback addresses go to "lo".
func ipv4ByIface(env *Env, routes []ipv4Route) map[string][]netip.Prefix {
	out := map[string][]netip.Prefix{}
	b, err := env.ReadFile("/proc/net/fib_trie")
	if err != nil {
		return out
	}
	for _, a := range parseFibTrieLocal(b) {
		best := -1
		for i, r := range routes {
			if !r.Gateway.IsValid() && r.Dest.Bits() > 0 && r.Dest.Contains(a) && (best < 0 || r.Dest.Bits() > routes[best].Dest.Bits()) {
				best = i
			}
		}
		switch {
		case best >= 0:
			out[routes[best].Iface] = append(out[routes[best].Iface], netip.PrefixFrom(a, routes[best].Dest.Bits()))
		case a.IsLoopback():
			out["lo"] = append(out["lo"], netip.PrefixFrom(a, 8))
		default:
			env.logger().Debug("local address without on-link route", "addr", a)
		}
	}
	return out
}

// expandAddrs makes one entry per address of the interface.
func expandAddrs(n inventory.Network, v4 []netip.Prefix, v6 []ipv6Addr) []inventory.Network {
	var out []inventory.Network
	for _, p := range v4 {
		e := n
		e.IPAddress = p.Addr().String()
		e.IPMask = prefixMask(p.Bits(), 32)
		e.IPSubnet = p.Masked().Addr().String()
		out = append(out, e)
	}
	for _, a := range v6 {
		if a.Iface != n.Description {
			continue
		}
		e := n
		e.IPGateway, e.IPDHCP = "", ""
		p := netip.PrefixFrom(a.Addr, a.Prefix)
		e.IPAddress6 = a.Addr.String()
		e.IPMask6 = prefixMask(a.Prefix, 128)
		e.IPSubnet6 = p.Masked().Addr().String()
		out = append(out, e)
	}
	if len(out) == 0 {
		n.IPGateway, n.IPDHCP = "", ""
		out = append(out, n)
	}
	return out
}

// prefixMask writes a prefix length as a mask: 24 -> "255.255.255.0",
// 64 -> "ffff:ffff:ffff:ffff::".
func prefixMask(bits, size int) string {
	b := make([]byte, size/8)
	for i := 0; i < bits && i < size; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a.String()
}

// readIface reads one interface's link facts from sysfs.
func readIface(env *Env, name string, routes []ipv4Route) inventory.Network {
	dir := "/sys/class/net/" + name
	n := inventory.Network{
		Description: name,
		MAC:         strings.ToLower(sysString(env, dir+"/address")),
		Status:      ifaceStatus(sysString(env, dir+"/operstate")),
		Type:        ifaceType(env, dir),
	}
	if n.MAC == "00:00:00:00:00:00" {
		n.MAC = ""
	}
	if mtu, ok := sysInt(env, dir+"/mtu"); ok {
		n.MTU = mtu
	}
	if sp, ok := sysInt(env, dir+"/speed"); ok && sp > 0 {
		n.Speed = strconv.FormatInt(sp, 10)
	}
	virtual := !env.Exists(dir + "/device")
	n.VirtualDev = &virtual
	if !virtual {
		if l, err := readLink(env, dir+"/device/driver"); err == nil {
			n.Driver = path.Base(l)
		}
		if l, err := readLink(env, dir+"/device"); err == nil && env.Exists(dir+"/device/vendor") && env.Exists(dir+"/device/class") {
			n.PCISlot = path.Base(l)
			n.PCIID = strings.ToUpper(strings.Join([]string{
				sysHex(env, dir+"/device/vendor"), sysHex(env, dir+"/device/device"),
				sysHex(env, dir+"/device/subsystem_vendor"), sysHex(env, dir+"/device/subsystem_device"),
			}, ":"))
		}
	}
	n.Slaves = ifaceSlaves(env, dir)
	for _, r := range routes {
		if r.Iface == name && r.Dest.Bits() == 0 && r.Gateway.IsValid() {
			n.IPGateway = r.Gateway.String()
		}
	}
	n.IPDHCP = dhcpServer(env, name)
	return n
}

func ifaceStatus(op string) string {
	switch op {
	case "up", "down", "dormant", "notpresent", "lowerlayerdown", "testing":
		return op
	case "":
		return ""
	}
	return "unknown"
}

// ifaceType maps the ARPHRD type and the sysfs markers of bridges, bonds
// and wireless devices to the inventory's interface types.
func ifaceType(env *Env, dir string) string {
	t, _ := sysInt(env, dir+"/type")
	switch {
	case t == 772:
		return "loopback"
	case t == 32:
		return "infiniband"
	case t == 512:
		return "dialup"
	case t != 1:
		return ""
	case env.Exists(dir+"/wireless") || env.Exists(dir+"/phy80211"):
		return "wifi"
	case env.Exists(dir + "/bridge"):
		return "bridge"
	case env.Exists(dir + "/bonding"):
		return "aggregate"
	}
	return "ethernet"
}

func ifaceSlaves(env *Env, dir string) string {
	if s := sysString(env, dir+"/bonding/slaves"); s != "" {
		return strings.Join(strings.Fields(s), ",")
	}
	entries, err := env.ReadDir(dir + "/brif")
	if err != nil {
		return ""
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

// dhcpServer finds the DHCP server of an interface in the lease files of
// dhclient, NetworkManager's internal client or systemd-networkd.
func dhcpServer(env *Env, iface string) string {
	var files []string
	for _, pat := range []string{
		"/var/lib/dhcp/dhclient*" + iface + "*.lease*",
		"/var/lib/NetworkManager/*-" + iface + ".lease",
		"/var/lib/NetworkManager/dhclient-*-" + iface + ".lease",
	} {
		m, _ := env.Glob(pat)
		files = append(files, m...)
	}
	if idx := sysString(env, "/sys/class/net/"+iface+"/ifindex"); idx != "" {
		files = append(files, "/run/systemd/netif/leases/"+idx)
	}
	for _, f := range files {
		if b, err := env.ReadFile(f); err == nil {
			if s := parseLeaseServer(b); s != "" {
				return s
			}
		}
	}
	return ""
}

// readPCINames looks the wanted IDs up in the first pci.ids found.
func readPCINames(env *Env, want map[string]bool) pciNames {
	if len(want) == 0 {
		return pciNames{}
	}
	for _, p := range pciIDPaths {
		if b, err := env.ReadFile(p); err == nil {
			return lookupPCINames(b, want)
		}
	}
	return pciNames{}
}
