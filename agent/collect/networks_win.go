package collect

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qNetAdapter = "SELECT Index, MACAddress, Manufacturer, Name, NetConnectionID, NetConnectionStatus, PhysicalAdapter, PNPDeviceID, ServiceName, Speed FROM Win32_NetworkAdapter"
	qNetConfig  = "SELECT DefaultIPGateway, DHCPEnabled, DHCPServer, DNSServerSearchOrder, Index, IPAddress, IPSubnet FROM Win32_NetworkAdapterConfiguration WHERE IPEnabled = TRUE"
)

var rePNPPCI = regexp.MustCompile(`(?i)^PCI\\VEN_([0-9A-F]{4})&DEV_([0-9A-F]{4})(?:&SUBSYS_([0-9A-F]{4})([0-9A-F]{4}))?`)

// windowsNetworks lists network adapters, one entry per IP address as GLPI
// agents do (an adapter without address appears once), and fills the
// hardware section's DNS servers and default gateway.
func windowsNetworks(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	adapters, err := winQuery(ctx, env, nsCIMV2, qNetAdapter)
	if err != nil {
		return fmt.Errorf("network adapters: %w", err)
	}
	configs, err := winQuery(ctx, env, nsCIMV2, qNetConfig)
	if err != nil {
		return fmt.Errorf("network configurations: %w", err)
	}
	byIndex := map[string]wrow{}
	for _, c := range configs {
		byIndex[wStr(c, "Index")] = c
	}
	hw := &inventory.Hardware{}
	var dns []string
	for _, a := range adapters {
		// NetConnectionID is set for the adapters the Network Connections
		// panel shows, which leaves out WAN miniports and other plumbing.
		// (Filtered here: not every WMI implementation takes IS NOT NULL.)
		if wStr(a, "NetConnectionID") == "" {
			continue
		}
		base := winNetBase(a)
		c, ok := byIndex[wStr(a, "Index")]
		if !ok {
			r.Content.Networks = append(r.Content.Networks, base)
			continue
		}
		entries := winNetAddresses(base, c)
		r.Content.Networks = append(r.Content.Networks, entries...)
		if hw.DefaultGateway == "" && base.Status == "up" {
			hw.DefaultGateway = winGateway(c)
		}
		for _, s := range wStrs(c, "DNSServerSearchOrder") {
			if !slices.Contains(dns, s) {
				dns = append(dns, s)
			}
		}
	}
	if len(r.Content.Networks) == 0 {
		return fmt.Errorf("no network adapter: %w", ErrNoData)
	}
	hw.DNS = strings.Join(dns, "/")
	if *hw != (inventory.Hardware{}) {
		r.Content.Hardware = hw
	}
	return nil
}

// winNetBase is what an adapter's entries share.
func winNetBase(a wrow) inventory.Network {
	name := wStr(a, "Name")
	virtual := !wBool(a, "PhysicalAdapter")
	n := inventory.Network{
		Description:  name,
		MAC:          strings.ToLower(wStr(a, "MACAddress")),
		Manufacturer: wStr(a, "Manufacturer"),
		PNPDeviceID:  wStr(a, "PNPDeviceID"),
		Driver:       wStr(a, "ServiceName"),
		Status:       winNetStatus(wNum0(a, "NetConnectionStatus")),
		Type:         winNetType(name),
		VirtualDev:   &virtual,
	}
	if m := rePNPPCI.FindStringSubmatch(n.PNPDeviceID); m != nil {
		n.PCIID = strings.ToUpper(m[1] + ":" + m[2])
		if m[3] != "" {
			n.PCIID += strings.ToUpper(":" + m[3] + ":" + m[4])
		}
	}
	// A disconnected adapter reports the largest int64 as its speed.
	if bps, ok := wNum(a, "Speed"); ok && bps > 0 && bps < 10_000_000_000_000 {
		n.Speed = strconv.FormatInt(bps/1_000_000, 10)
	}
	return n
}

// winNetAddresses makes one entry per address of a configuration.
// IPAddress mixes IPv4 and IPv6; IPSubnet is parallel to it, holding a
// dotted mask for IPv4 and a prefix length for IPv6.
func winNetAddresses(base inventory.Network, c wrow) []inventory.Network {
	gateway := winGateway(c)
	dhcp := ""
	if wBool(c, "DHCPEnabled") {
		dhcp = wStr(c, "DHCPServer")
	}
	addrs, masks := wStrs(c, "IPAddress"), wStrs(c, "IPSubnet")
	var out []inventory.Network
	for i, s := range addrs {
		a, err := netip.ParseAddr(s)
		if err != nil {
			continue
		}
		mask := ""
		if i < len(masks) {
			mask = masks[i]
		}
		n := base
		if a.Is4() {
			n.IPAddress, n.IPMask, n.IPGateway, n.IPDHCP = s, mask, gateway, dhcp
			if m, err := netip.ParseAddr(mask); err == nil && m.Is4() {
				n.IPSubnet = winMaskAddr(a, m).String()
			}
		} else {
			n.IPAddress6 = a.WithZone("").String()
			if bits, err := strconv.Atoi(mask); err == nil && bits >= 0 && bits <= 128 {
				p := netip.PrefixFrom(a.WithZone(""), bits).Masked()
				n.IPSubnet6 = p.Addr().String()
				n.IPMask6 = winPrefixMask(bits)
			}
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		out = append(out, base)
	}
	return out
}

// winGateway is the first IPv4 default gateway of a configuration.
func winGateway(c wrow) string {
	for _, g := range wStrs(c, "DefaultIPGateway") {
		if a, err := netip.ParseAddr(g); err == nil && a.Is4() {
			return g
		}
	}
	return ""
}

func winMaskAddr(a, m netip.Addr) netip.Addr {
	ab, mb := a.As4(), m.As4()
	for i := range ab {
		ab[i] &= mb[i]
	}
	return netip.AddrFrom4(ab)
}

// winPrefixMask writes an IPv6 prefix length as a mask, e.g. 64 ->
// "ffff:ffff:ffff:ffff::".
func winPrefixMask(bits int) string {
	var b [16]byte
	for i := 0; i < bits/8; i++ {
		b[i] = 0xff
	}
	if bits%8 != 0 {
		b[bits/8] = byte(0xff << (8 - bits%8))
	}
	return netip.AddrFrom16(b).String()
}

// winNetStatus maps NetConnectionStatus to the schema's operational states.
func winNetStatus(s int64) string {
	switch s {
	case 2, 9: // connected, authentication succeeded
		return "up"
	case 8, 12: // authenticating, credentials required
		return "dormant"
	case 4: // hardware not present
		return "notpresent"
	case 0, 1, 3, 5, 6, 7, 10, 11:
		return "down"
	}
	return "unknown"
}

// winNetType guesses the medium from the adapter's name: Windows reports
// Wi-Fi adapters as Ethernet 802.3 in AdapterTypeID.
func winNetType(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "bluetooth"):
		return "bluetooth"
	case strings.Contains(n, "wi-fi") || strings.Contains(n, "wifi") || strings.Contains(n, "wireless") ||
		strings.Contains(n, "wlan") || strings.Contains(n, "802.11"):
		return "wifi"
	}
	return "ethernet"
}
