package store

import (
	"context"
	"fmt"
	"time"
)

// TypeUnmanaged is a host seen by a network discovery that answered no
// SNMP, or whose type is unknown: kept out of the default park list until
// a technician imports it as a printer, a switch, a computer...
const TypeUnmanaged = "unmanaged"

// SettingLowSupplyPercent is the level (in %) under which a printer
// supply counts as low; DefaultLowSupplyPercent when unset.
const SettingLowSupplyPercent = "printer_low_supply_percent"

// DefaultLowSupplyPercent is the low-supply threshold of a new site.
const DefaultLowSupplyPercent = 15

// NetPort is one interface of a network device.
type NetPort struct {
	AssetID     int64
	IfIndex     int64
	Name        string // ifName, e.g. "Gi0/1"
	Descr       string // ifDescr
	Alias       string // ifAlias, the administrator's label
	IfType      int64  // IANAifType, e.g. 6 ethernetCsmacd
	Speed       int64  // bit/s
	MAC         string
	AdminStatus int // 1 up, 2 down, 3 testing; 0 unknown
	OperStatus  int // 1 up, 2 down...; 0 unknown
	Duplex      int // 1 unknown, 2 half, 3 full; 0 not given
	MTU         int64
	VLANs       []PortVLAN
	Trunk       bool
	Aggregate   []int64 // member ports' ifIndex of an aggregate
	// Uplink marks a port that leads to other switches: its learned MACs
	// never link a PC to it.
	Uplink bool
	// Hash is a digest of the fields above, so an unchanged port is not
	// rewritten.
	Hash string
}

// PortVLAN is one VLAN on a port.
type PortVLAN struct {
	ID     int64  `json:"id"`
	Name   string `json:"name,omitempty"`
	Tagged bool   `json:"tagged,omitempty"`
}

// NetConnection is what a device sees behind one of its ports: a learned
// MAC, or an LLDP/CDP neighbour (Neighbour set, with its name, IP, port).
type NetConnection struct {
	AssetID   int64
	IfIndex   int64
	MAC       string // normalised, "" for a neighbour known by name only
	Neighbour bool
	SysName   string
	IP        string
	PortDescr string // the neighbour's port
	Model     string
	SysDescr  string
	// Key identifies the connection within its port across reports.
	Key string
}

// PortLink is a port of a network device where a MAC of an asset was
// learned: "switch X, port Y, VLAN Z" on the asset's page.
type PortLink struct {
	SwitchID   int64
	SwitchName string
	SwitchType string
	Port       NetPort
	MAC        string // the asset's MAC seen there
}

// PortPeer is an asset of the park whose MAC was learned on a port.
type PortPeer struct {
	IfIndex   int64
	MAC       string
	AssetID   int64
	AssetName string
	AssetType string
}

// PrinterCounters are a printer's page counters on one day.
type PrinterCounters struct {
	AssetID                            int64
	Day                                string // "YYYY-MM-DD", UTC
	At                                 time.Time
	Total, Black, Color                int64
	PrintTotal, PrintBlack, PrintColor int64
	CopyTotal, CopyBlack, CopyColor    int64
	Scanned, FaxTotal, RectoVerso      int64
}

// PrinterSupply is one consumable of a printer as last inventoried.
type PrinterSupply struct {
	AssetID     int64
	Name        string // GLPI's cartridge name ("tonerblack") or the description
	Description string // e.g. "Black Toner Cartridge HP 89A"
	Kind        string // "toner", "drum", "wastetoner", "fuserkit"...
	Color       string // "black", "cyan"... or ""
	Level       int    // percentage, -1 when the device gives only State
	State       string // "OK", "unknown", "250sheets"... when Level is -1
	MaxCapacity int64  // in the supply's unit, 0 unknown
}

// SupplyLevel is one supply's level on one day.
type SupplyLevel struct {
	Day   string
	Name  string
	Level int
	State string
}

// NetQueries manage what SNMP inventories of network devices add to an
// asset. Every Store opened by Open implements them; use Net to get them.
type NetQueries interface {
	// NetPorts lists a device's ports by ifIndex.
	NetPorts(ctx context.Context, assetID int64) ([]NetPort, error)
	// ApplyNetPorts makes the stored ports those of ports, writing only
	// the ports whose Hash changed, and reports what was added and removed.
	ApplyNetPorts(ctx context.Context, assetID int64, ports []NetPort) (added, removed []NetPort, err error)
	// NetConnections lists what a device sees behind its ports.
	NetConnections(ctx context.Context, assetID int64) ([]NetConnection, error)
	// ApplyNetConnections replaces a device's connections, touching only
	// the rows that change.
	ApplyNetConnections(ctx context.Context, assetID int64, conns []NetConnection) error
	// PortLinks lists the non-uplink ports of other devices where one of
	// the asset's MACs was learned, by device name.
	PortLinks(ctx context.Context, assetID int64) ([]PortLink, error)
	// PortPeers lists, for a device, the park's assets whose MAC was
	// learned on one of its non-uplink ports.
	PortPeers(ctx context.Context, assetID int64) ([]PortPeer, error)
	// PutPrinterCounters stores a day's counters; a later report of the
	// same day replaces them.
	PutPrinterCounters(ctx context.Context, c PrinterCounters) error
	// PrinterCounterHistory lists a printer's counters from day since
	// ("YYYY-MM-DD", "" for all), oldest first.
	PrinterCounterHistory(ctx context.Context, assetID int64, since string) ([]PrinterCounters, error)
	// PrinterSupplies lists a printer's supplies by name.
	PrinterSupplies(ctx context.Context, assetID int64) ([]PrinterSupply, error)
	// ApplyPrinterSupplies replaces a printer's supplies (changed rows
	// only) and records their levels of day, replacing that day's.
	ApplyPrinterSupplies(ctx context.Context, assetID int64, day string, supplies []PrinterSupply) error
	// SupplyLevelHistory lists a printer's supply levels from day since,
	// oldest first.
	SupplyLevelHistory(ctx context.Context, assetID int64, since string) ([]SupplyLevel, error)
	// CountLowSupplyPrinters counts the printers with a consumable supply
	// under percent.
	CountLowSupplyPrinters(ctx context.Context, percent int) (int, error)
}

// Net returns the network-device queries of x, a Store or the Queries of
// a transaction.
func Net(x any) (NetQueries, error) {
	n, ok := x.(NetQueries)
	if !ok {
		return nil, fmt.Errorf("store %T has no network-device queries", x)
	}
	return n, nil
}

// lowSupplyCond is the SQL condition (on a.id) of a printer with a low
// consumable supply; one placeholder, the percentage. Receptacles such as
// the waste toner box fill up rather than run out, so they never count.
const lowSupplyCond = `a.id IN (SELECT asset_id FROM printer_supplies
	WHERE level >= 0 AND level < ? AND kind NOT IN ('wastetoner', 'staples'))`

// lowSupplySiteCond is lowSupplyCond at the site's threshold; two
// placeholders, the setting's key and the default percentage.
const lowSupplySiteCond = `a.id IN (SELECT asset_id FROM printer_supplies
	WHERE level >= 0 AND kind NOT IN ('wastetoner', 'staples') AND level <
	COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), ?))`
