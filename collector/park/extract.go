package park

import (
	"net"
	"sort"
	"strings"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

type fromFunc = func(c *inventory.Content, n *Normaliser) (string, bool)

func hw(get func(*inventory.Hardware) string) fromFunc {
	return func(c *inventory.Content, _ *Normaliser) (string, bool) {
		if c.Hardware == nil {
			return "", false
		}
		return Clean(get(c.Hardware)), true
	}
}

func osf(get func(*inventory.OperatingSystem) string) fromFunc {
	return func(c *inventory.Content, _ *Normaliser) (string, bool) {
		if c.OperatingSystem == nil {
			return "", false
		}
		return Clean(get(c.OperatingSystem)), true
	}
}

func hwOrDev(h func(*inventory.Hardware) string, d func(*inventory.NetworkDevice) string) fromFunc {
	return func(c *inventory.Content, _ *Normaliser) (string, bool) {
		switch {
		case c.Hardware != nil:
			return Clean(h(c.Hardware)), true
		case c.NetworkDevice != nil:
			return Clean(d(c.NetworkDevice)), true
		}
		return "", false
	}
}

func biosOrDev(b func(*inventory.Bios) string, d func(*inventory.NetworkDevice) string) fromFunc {
	return func(c *inventory.Content, _ *Normaliser) (string, bool) {
		switch {
		case c.Bios != nil:
			return Clean(b(c.Bios)), true
		case c.NetworkDevice != nil:
			return Clean(d(c.NetworkDevice)), true
		}
		return "", false
	}
}

func manufacturer(c *inventory.Content, n *Normaliser) (string, bool) {
	switch {
	case c.Bios != nil:
		return n.Manufacturer(first(c.Bios.SManufacturer, c.Bios.MManufacturer)), true
	case c.NetworkDevice != nil:
		return n.Manufacturer(c.NetworkDevice.Manufacturer), true
	}
	return "", false
}

func cpu(c *inventory.Content, _ *Normaliser) (string, bool) {
	if c.CPUs == nil {
		return "", false
	}
	if len(c.CPUs) == 0 {
		return "", true
	}
	return Clean(c.CPUs[0].Name), true
}

func memory(c *inventory.Content, _ *Normaliser) (string, bool) {
	switch {
	case c.Hardware != nil:
		return itoa(c.Hardware.Memory), true
	case c.NetworkDevice != nil:
		return itoa(c.NetworkDevice.RAM), true
	}
	return "", false
}

// ip is the first global IPv4 address, for display and search.
func ip(c *inventory.Content, _ *Normaliser) (string, bool) {
	switch {
	case c.Networks != nil:
		for _, n := range c.Networks {
			if a := net.ParseIP(n.IPAddress); a != nil && a.To4() != nil && !a.IsLoopback() && !a.IsLinkLocalUnicast() {
				return a.String(), true
			}
		}
		return "", true
	case c.NetworkDevice != nil:
		for _, s := range c.NetworkDevice.IPs {
			if a := net.ParseIP(s); a != nil && a.To4() != nil && !a.IsLoopback() {
				return a.String(), true
			}
		}
		return "", true
	}
	return "", false
}

func inventoryNumber(c *inventory.Content, _ *Normaliser) (string, bool) {
	var v string
	switch {
	case c.Bios != nil:
		v = c.Bios.AssetTag
	case c.NetworkDevice != nil:
		v = c.NetworkDevice.AssetTag
	default:
		return "", false
	}
	if IsJunk(v) {
		return "", true
	}
	return Clean(v), true
}

// AssetType maps a report's itemtype (and, for SNMP results, the device
// type) to a store asset type.
func AssetType(r *inventory.Report) string {
	switch strings.ToLower(r.ItemType) {
	case "networkequipment":
		return store.TypeNetwork
	case "printer":
		return store.TypePrinter
	case "phone":
		return store.TypePhone
	case "monitor":
		return store.TypeMonitor
	case "peripheral":
		return store.TypePeripheral
	case "", "computer":
		if r.Content.NetworkDevice == nil || r.Content.Hardware != nil {
			return store.TypeComputer
		}
	}
	if d := r.Content.NetworkDevice; d != nil {
		switch d.Type {
		case "Printer":
			return store.TypePrinter
		case "Phone":
			return store.TypePhone
		case "Computer":
			return store.TypeComputer
		case "Networking":
			return store.TypeNetwork
		}
		return store.TypePeripheral
	}
	return store.TypeComputer
}

// MACs returns the normalised hardware MACs of a report's physical
// interfaces (and an SNMP device's base MAC), sorted and without
// duplicates; ok is false when the report has no networks section.
func MACs(c *inventory.Content) (macs []string, ok bool) {
	seen := map[string]bool{}
	add := func(m string) {
		if m = NormMAC(m); m != "" && !seen[m] {
			seen[m] = true
			macs = append(macs, m)
		}
	}
	if c.Networks != nil {
		ok = true
		for _, n := range c.Networks {
			if n.Type == "loopback" || IsVirtualNIC(n.Description, n.MAC, n.VirtualDev != nil && *n.VirtualDev) {
				continue
			}
			add(n.MAC)
		}
	}
	if d := c.NetworkDevice; d != nil {
		ok = true
		add(d.MAC)
	}
	sort.Strings(macs)
	return macs, ok
}
