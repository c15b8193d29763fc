package inventory

// NetworkDevice is the "network_device" section of an SNMP report.
type NetworkDevice struct {
	Type         string   `json:"type"`                  // "Networking", "Printer", "Unmanaged", "Power", "Storage", "Phone"...
	Description  string   `json:"description,omitempty"` // sysDescr
	CPU          int64    `json:"cpu,omitempty"`         // CPU load in %
	Firmware     string   `json:"firmware,omitempty"`    // e.g. "15.2(7)E4"
	IPs          []string `json:"ips,omitempty"`         // every address of the device
	Location     string   `json:"location,omitempty"`    // sysLocation
	MAC          string   `json:"mac,omitempty"`         // base MAC, e.g. "b0:5a:da:10:10:80"
	Memory       int64    `json:"memory,omitempty"`      // flash or total memory in MiB
	Model        string   `json:"model,omitempty"`       // e.g. "WS-C3560G-48TS-E"
	Name         string   `json:"name,omitempty"`        // sysName
	AssetTag     string   `json:"assettag,omitempty"`
	RAM          int64    `json:"ram,omitempty"` // MiB
	Serial       string   `json:"serial,omitempty"`
	Uptime       string   `json:"uptime,omitempty"` // "X days, HH:MM:SS.cc"
	Manufacturer string   `json:"manufacturer,omitempty"`
	Contact      string   `json:"contact,omitempty"` // sysContact
	Credentials  int64    `json:"credentials,omitempty"`
}

// NetworkPort is one interface of a network device.
type NetworkPort struct {
	Connections      []Connection `json:"connections,omitempty"` // what is seen behind the port
	LLDP             *bool        `json:"lldp,omitempty"`        // connections come from LLDP or CDP
	Aggregate        []int64      `json:"aggregate,omitempty"`   // ifIndex of aggregated member ports
	IfDescr          string       `json:"ifdescr,omitempty"`
	IfAlias          string       `json:"ifalias,omitempty"`
	IfInErrors       int64        `json:"ifinerrors,omitempty"`
	IfInBytes        int64        `json:"ifinbytes,omitempty"`
	IfInternalStatus int64        `json:"ifinternalstatus,omitempty"` // ifAdminStatus 1..3
	IfLastChange     string       `json:"iflastchange,omitempty"`
	IfMTU            int64        `json:"ifmtu,omitempty"`
	IfName           string       `json:"ifname,omitempty"`   // e.g. "Gi0/1"
	IfNumber         int64        `json:"ifnumber,omitempty"` // ifIndex
	IfOutErrors      int64        `json:"ifouterrors,omitempty"`
	IfOutBytes       int64        `json:"ifoutbytes,omitempty"`
	IfSpeed          int64        `json:"ifspeed,omitempty"`      // bit/s
	IfPortDuplex     int64        `json:"ifportduplex,omitempty"` // 1 unknown, 2 half, 3 full
	IfStatus         int64        `json:"ifstatus,omitempty"`     // ifOperStatus
	IfType           int64        `json:"iftype,omitempty"`       // IANAifType, e.g. 6 ethernetCsmacd
	MAC              string       `json:"mac,omitempty"`
	IPs              []string     `json:"ips,omitempty"`
	Trunk            *bool        `json:"trunk,omitempty"`
	VLANs            []VLAN       `json:"vlans,omitempty"`
}

// Connection is a neighbour seen on a port: a learned MAC, or an LLDP/CDP peer.
type Connection struct {
	MAC      StringList `json:"mac,omitempty"`     // learned MACs (one or several)
	IfDescr  string     `json:"ifdescr,omitempty"` // peer's port
	IfNumber int64      `json:"ifnumber,omitempty"`
	IP       string     `json:"ip,omitempty"`
	Model    string     `json:"model,omitempty"`
	SysDescr string     `json:"sysdescr,omitempty"`
	SysMAC   string     `json:"sysmac,omitempty"`
	SysName  string     `json:"sysname,omitempty"`
}

// VLAN is one VLAN on a port. Upstream examples write the ID as a string
// "number"; GLPI's converter reads both.
type VLAN struct {
	Name   string     `json:"name,omitempty"`
	Number FlexString `json:"number,omitempty"` // VLAN ID, e.g. "10"
	Tagged *FlexBool  `json:"tagged,omitempty"`
}

// NetworkComponent is one ENTITY-MIB physical entity (chassis, module, stack member...).
type NetworkComponent struct {
	ContainedIndex int64  `json:"contained_index,omitempty"`
	Description    string `json:"description,omitempty"`
	FRU            int64  `json:"fru,omitempty"`
	Index          int64  `json:"index,omitempty"`
	Manufacturer   string `json:"manufacturer,omitempty"`
	Model          string `json:"model,omitempty"`
	Name           string `json:"name,omitempty"`
	Serial         string `json:"serial,omitempty"`
	StackNumber    int64  `json:"stack_number,omitempty"`
	Type           string `json:"type,omitempty"` // "chassis", "module", "stack", "port", "powerSupply"...
	Firmware       string `json:"firmware,omitempty"`
	MAC            string `json:"mac,omitempty"`
	IP             string `json:"ip,omitempty"`
}

// PageCounters are a printer's counters, in pages.
type PageCounters struct {
	Total       int64 `json:"total,omitempty"`
	Black       int64 `json:"black,omitempty"`
	Color       int64 `json:"color,omitempty"`
	RectoVerso  int64 `json:"rectoverso,omitempty"`
	Scanned     int64 `json:"scanned,omitempty"`
	PrintTotal  int64 `json:"printtotal,omitempty"`
	PrintBlack  int64 `json:"printblack,omitempty"`
	PrintColor  int64 `json:"printcolor,omitempty"`
	CopyTotal   int64 `json:"copytotal,omitempty"`
	CopyBlack   int64 `json:"copyblack,omitempty"`
	CopyBlackA3 int64 `json:"copyblack_a3,omitempty"`
	CopyColor   int64 `json:"copycolor,omitempty"`
	CopyColorA3 int64 `json:"copycolor_a3,omitempty"`
	FaxTotal    int64 `json:"faxtotal,omitempty"`
	Duplex      int64 `json:"duplex,omitempty"`
}
