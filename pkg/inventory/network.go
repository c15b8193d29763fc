package inventory

// Network is one network interface of a computer. An interface with several
// addresses appears once per address, as GLPI agents do.
type Network struct {
	Description  string `json:"description"`          // "eth0" on Linux, "Intel(R) Ethernet Connection I219-LM" on Windows
	Management   *bool  `json:"management,omitempty"` // a remote management interface (iLO, iDRAC...)
	IPAddress    string `json:"ipaddress,omitempty"`  // e.g. "192.168.1.23"
	IPAddress6   string `json:"ipaddress6,omitempty"` // e.g. "fe80::1c2a:3bff:fe4d:5e6f"
	IPDHCP       string `json:"ipdhcp,omitempty"`     // DHCP server that gave the lease
	IPGateway    string `json:"ipgateway,omitempty"`  // e.g. "192.168.1.1"
	IPMask       string `json:"ipmask,omitempty"`     // e.g. "255.255.255.0"
	IPMask6      string `json:"ipmask6,omitempty"`    // e.g. "ffff:ffff:ffff:ffff::"
	IPSubnet     string `json:"ipsubnet,omitempty"`   // e.g. "192.168.1.0"
	IPSubnet6    string `json:"ipsubnet6,omitempty"`  // e.g. "fe80::"
	MAC          string `json:"mac,omitempty"`        // lower case, colon separated, e.g. "3c:52:82:0a:bc:de"
	PCIID        string `json:"pciid,omitempty"`      // "vendor:device:subvendor:subdevice", e.g. "8086:15BE:17AA:2292"
	PNPDeviceID  string `json:"pnpdeviceid,omitempty"`
	Speed        string `json:"speed,omitempty"`      // link speed in Mbit/s, e.g. "1000"
	Status       string `json:"status,omitempty"`     // "up", "down", "dormant", "notpresent", "lowerlayerdown", "unknown", "testing"
	Type         string `json:"type,omitempty"`       // "ethernet", "wifi", "loopback", "bridge", "aggregate"...
	VirtualDev   *bool  `json:"virtualdev,omitempty"` // true for bridges, tunnels, veth, VPN adapters
	Manufacturer string `json:"manufacturer,omitempty"`
	Model        string `json:"model,omitempty"`
	WWN          string `json:"wwn,omitempty"`
	Driver       string `json:"driver,omitempty"`   // e.g. "e1000e", "iwlwifi"
	Firmware     string `json:"firmware,omitempty"` // e.g. "0.5-4"
	PCISlot      string `json:"pcislot,omitempty"`  // e.g. "0000:00:1f.6"
	MTU          int64  `json:"mtu,omitempty"`      // bytes
	Slaves       string `json:"slaves,omitempty"`   // members of a bond or bridge, comma separated
	Base         string `json:"base,omitempty"`     // parent interface of an alias or VLAN
	WifiSSID     string `json:"wifi_ssid,omitempty"`
	WifiBSSID    string `json:"wifi_bssid,omitempty"`
	WifiMode     string `json:"wifi_mode,omitempty"`
	WifiVersion  string `json:"wifi_version,omitempty"`
}

// Firewall is one firewall profile state.
type Firewall struct {
	Description string `json:"description,omitempty"`
	IPAddress   string `json:"ipaddress,omitempty"`
	IPAddress6  string `json:"ipaddress6,omitempty"`
	Profile     string `json:"profile,omitempty"` // e.g. "DomainProfile"
	Status      string `json:"status"`            // "on" or "off"
}

// RemoteMgmt is one remote-control tool and its ID (TeamViewer, AnyDesk...).
type RemoteMgmt struct {
	ID      string `json:"id"`   // e.g. "700873443"
	Type    string `json:"type"` // e.g. "teamviewer", "anydesk", "rustdesk"
	Version string `json:"version,omitempty"`
}
