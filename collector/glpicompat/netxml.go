package glpicompat

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// FusionInventory's network tasks post one XML message per batch of
// devices: QUERY SNMPQUERY (netinventory: <DEVICE> with <INFO>, <PORTS>,
// <COMPONENTS>, <CARTRIDGES>, <PAGECOUNTERS>, <FIRMWARES>) and QUERY
// NETDISCOVERY (<DEVICE> with flat fields). Both become native reports,
// one per device, ingested like GLPI Agent's JSON ones. Control messages
// (<AGENT><START>, <END>, <EXIT>) carry no device and give no report.

// xmlDeviceTypes maps FusionInventory's device types to the native
// network_device.type.
var xmlDeviceTypes = map[string]string{
	"NETWORKING": "Networking", "PRINTER": "Printer", "STORAGE": "Storage", "POWER": "Power",
	"PHONE": "Phone", "COMPUTER": "Computer", "VIDEO": "Video", "KVM": "KVM",
}

// itemTypes maps network_device.type to the report's itemtype.
var itemTypes = map[string]string{
	"Networking": inventory.ItemNetworkEquipment, "Printer": inventory.ItemPrinter, "Phone": inventory.ItemPhone,
	"Computer": inventory.ItemComputer, "Unmanaged": inventory.ItemUnmanaged,
	"Storage": inventory.ItemNetworkEquipment, "Power": inventory.ItemNetworkEquipment,
	"Video": inventory.ItemNetworkEquipment, "KVM": inventory.ItemNetworkEquipment,
}

// convertXMLNetwork turns an SNMPQUERY or NETDISCOVERY request into one
// native report per device.
func convertXMLNetwork(req *xmlRequest) []*inventory.Report {
	if req.Content == nil {
		return nil
	}
	action := inventory.ActionNetInventory
	if req.Query == "NETDISCOVERY" {
		action = inventory.ActionNetDiscovery
	}
	version := "FusionInventory-" + strings.ToLower(req.Query)
	if v := req.Content.value("MODULEVERSION"); v != "" {
		version += "_v" + v
	}
	var out []*inventory.Report
	for _, dev := range req.Content.children {
		if !strings.EqualFold(dev.name, "DEVICE") {
			continue
		}
		rep := &inventory.Report{Action: action, DeviceID: req.DeviceID}
		rep.Content.VersionClient = version
		if action == inventory.ActionNetDiscovery {
			rep.Content.NetworkDevice = discoveredDevice(dev)
		} else {
			inventoriedDevice(dev, rep)
		}
		if rep.Content.NetworkDevice == nil {
			continue
		}
		rep.ItemType = itemTypes[rep.Content.NetworkDevice.Type]
		out = append(out, rep)
	}
	return out
}

// deviceType reads <TYPE>; an unknown or missing type is Unmanaged.
func deviceType(n *node) string {
	if t, ok := xmlDeviceTypes[strings.ToUpper(n.value("TYPE"))]; ok {
		return t
	}
	return "Unmanaged"
}

// discoveredDevice reads a NETDISCOVERY <DEVICE>.
func discoveredDevice(n *node) *inventory.NetworkDevice {
	d := &inventory.NetworkDevice{Type: deviceType(n), Description: n.value("DESCRIPTION"),
		Name: firstText(n.value("SNMPHOSTNAME"), n.value("DNSHOSTNAME"), n.value("NETBIOSNAME")), MAC: n.value("MAC"),
		Manufacturer: n.value("MANUFACTURER"), Model: n.value("MODEL"), Serial: n.value("SERIAL"),
		Location: n.value("LOCATION"), Contact: n.value("CONTACT"), Firmware: n.value("FIRMWARE"),
		Uptime: n.value("UPTIME"), Credentials: intValue(n, "AUTHSNMP"), IPs: texts(n.child("IPS"), "IP")}
	if ip := n.value("IP"); ip != "" && !contains(d.IPs, ip) {
		d.IPs = append([]string{ip}, d.IPs...)
	}
	if d.Type == "Unmanaged" && d.Name == "" && d.MAC == "" && len(d.IPs) == 0 {
		return nil
	}
	return d
}

// inventoriedDevice reads an SNMPQUERY <DEVICE> into rep.
func inventoriedDevice(n *node, rep *inventory.Report) {
	info := n.child("INFO")
	if info == nil {
		return
	}
	c := &rep.Content
	c.NetworkDevice = &inventory.NetworkDevice{Type: deviceType(info), Description: info.value("COMMENTS"),
		CPU: intValue(info, "CPU"), Firmware: info.value("FIRMWARE"), IPs: texts(info.child("IPS"), "IP"),
		Location: info.value("LOCATION"), MAC: info.value("MAC"), Memory: intValue(info, "MEMORY"),
		Model: info.value("MODEL"), Name: info.value("NAME"), AssetTag: info.value("OTHERSERIAL"),
		RAM: intValue(info, "RAM"), Serial: info.value("SERIAL"), Uptime: info.value("UPTIME"),
		Manufacturer: info.value("MANUFACTURER"), Contact: info.value("CONTACT")}
	if ports := n.child("PORTS"); ports != nil {
		for _, p := range children(ports, "PORT") {
			c.NetworkPorts = append(c.NetworkPorts, xmlPort(p))
		}
	}
	if comps := n.child("COMPONENTS"); comps != nil {
		for _, x := range children(comps, "COMPONENT") {
			c.NetworkComponents = append(c.NetworkComponents, inventory.NetworkComponent{
				ContainedIndex: intValue(x, "CONTAINEDININDEX"), Description: x.value("DESCRIPTION"),
				FRU: intValue(x, "FRU"), Index: intValue(x, "INDEX"), Manufacturer: x.value("MANUFACTURER"),
				Model: x.value("MODEL"), Name: x.value("NAME"), Serial: x.value("SERIAL"), Type: x.value("TYPE"),
				Firmware: firstText(x.value("FIRMWARE"), x.value("VERSION")), MAC: x.value("MAC"), IP: x.value("IP")})
		}
	}
	for _, f := range children(n, "FIRMWARES") {
		c.Firmwares = append(c.Firmwares, inventory.Firmware{Name: f.value("NAME"), Description: f.value("DESCRIPTION"),
			Type: f.value("TYPE"), Version: f.value("VERSION"), Manufacturer: f.value("MANUFACTURER")})
	}
	c.PageCounters = xmlPageCounters(n.child("PAGECOUNTERS"))
	c.Cartridges = xmlCartridges(n.child("CARTRIDGES"))
}

// xmlPageCounters reads <PAGECOUNTERS>; nil when absent or empty.
func xmlPageCounters(n *node) *inventory.PageCounters {
	if n == nil {
		return nil
	}
	pc := &inventory.PageCounters{Total: intValue(n, "TOTAL"), Black: intValue(n, "BLACK"), Color: intValue(n, "COLOR"),
		RectoVerso: intValue(n, "RECTOVERSO"), Scanned: intValue(n, "SCANNED"), PrintTotal: intValue(n, "PRINTTOTAL"),
		PrintBlack: intValue(n, "PRINTBLACK"), PrintColor: intValue(n, "PRINTCOLOR"), CopyTotal: intValue(n, "COPYTOTAL"),
		CopyBlack: intValue(n, "COPYBLACK"), CopyColor: intValue(n, "COPYCOLOR"), FaxTotal: intValue(n, "FAXTOTAL")}
	if *pc == (inventory.PageCounters{}) {
		return nil
	}
	return pc
}

// xmlCartridges reads <CARTRIDGES><TONERBLACK>71</TONERBLACK>... as
// GLPI's {"tonerblack":"71"}.
func xmlCartridges(n *node) json.RawMessage {
	if n == nil || len(n.children) == 0 {
		return nil
	}
	m := map[string]string{}
	for _, c := range n.children {
		if v := strings.TrimSpace(c.text); v != "" {
			m[strings.ToLower(c.name)] = v
		}
	}
	if len(m) == 0 {
		return nil
	}
	data, err := json.Marshal(m)
	if err != nil {
		return nil // a map of strings always encodes
	}
	return data
}

// children lists n's children named name (case-insensitive).
func children(n *node, name string) []*node {
	var out []*node
	for _, c := range n.children {
		if strings.EqualFold(c.name, name) {
			out = append(out, c)
		}
	}
	return out
}

// texts lists the trimmed texts of n's children named name.
func texts(n *node, name string) []string {
	if n == nil {
		return nil
	}
	var out []string
	for _, c := range children(n, name) {
		if v := strings.TrimSpace(c.text); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// intValue reads a child's integer; 0 when absent or not a number.
func intValue(n *node, name string) int64 {
	v := n.value(name)
	if i, err := strconv.ParseInt(v, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > -1e18 && f < 1e18 {
		return int64(f)
	}
	return 0
}

func firstText(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}
