package apiserver

import (
	"context"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// NetworkJSON is what SNMP inventories add to an asset in GET
// /api/v1/assets/{id}: where it is plugged, a device's ports and what
// each sees, a printer's counters and supplies.
type NetworkJSON struct {
	Links    []PortLinkJSON `json:"links"`
	Ports    []NetPortJSON  `json:"ports"`
	Counters []CountersJSON `json:"counters"`
	Supplies []SupplyJSON   `json:"supplies"`
}

// PortLinkJSON is a switch port where one of the asset's MACs was learned.
type PortLinkJSON struct {
	SwitchID   int64      `json:"switch_id"`
	SwitchName string     `json:"switch_name"`
	Port       string     `json:"port"`
	IfIndex    int64      `json:"ifindex"`
	VLANs      []VLANJSON `json:"vlans"`
	MAC        string     `json:"mac"`
}

// VLANJSON is a VLAN of a port.
type VLANJSON struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Tagged bool   `json:"tagged"`
}

// NetPortJSON is one port of a network device.
type NetPortJSON struct {
	IfIndex     int64            `json:"ifindex"`
	Name        string           `json:"name"`
	Description string           `json:"description"`
	Alias       string           `json:"alias"`
	IfType      int64            `json:"iftype"`
	Speed       int64            `json:"speed"`
	MAC         string           `json:"mac"`
	AdminStatus int              `json:"admin_status"`
	OperStatus  int              `json:"oper_status"`
	Duplex      int              `json:"duplex"`
	VLANs       []VLANJSON       `json:"vlans"`
	Trunk       bool             `json:"trunk"`
	Aggregate   []int64          `json:"aggregate"`
	Uplink      bool             `json:"uplink"`
	Connections []ConnectionJSON `json:"connections"`
}

// ConnectionJSON is a MAC learned on a port (with the park's asset that
// has it, if any) or an LLDP/CDP neighbour.
type ConnectionJSON struct {
	MAC       string `json:"mac"`
	AssetID   *int64 `json:"asset_id"`
	Neighbour bool   `json:"neighbour"`
	SysName   string `json:"sysname"`
	IP        string `json:"ip"`
	Port      string `json:"port"`
	Model     string `json:"model"`
}

// CountersJSON is a printer's page counters on one day.
type CountersJSON struct {
	Day        string `json:"day"`
	Total      int64  `json:"total"`
	Black      int64  `json:"black"`
	Color      int64  `json:"color"`
	PrintTotal int64  `json:"print_total"`
	PrintBlack int64  `json:"print_black"`
	PrintColor int64  `json:"print_color"`
	CopyTotal  int64  `json:"copy_total"`
	CopyBlack  int64  `json:"copy_black"`
	CopyColor  int64  `json:"copy_color"`
	Scanned    int64  `json:"scanned"`
	Fax        int64  `json:"fax"`
	RectoVerso int64  `json:"rectoverso"`
}

// SupplyJSON is a printer supply as last inventoried.
type SupplyJSON struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Kind        string `json:"kind"`
	Color       string `json:"color"`
	Level       *int   `json:"level"` // percent; null when the device gives a state
	State       string `json:"state"`
}

// counterDays is how far back the REST answer lists counters.
const counterDays = 400

// networkJSON reads an asset's network data; nil when it has none.
func (s *Server) networkJSON(ctx context.Context, id int64) (*NetworkJSON, error) {
	nq, err := store.Net(s.st)
	if err != nil {
		return nil, err
	}
	out := &NetworkJSON{Links: []PortLinkJSON{}, Ports: []NetPortJSON{}, Counters: []CountersJSON{}, Supplies: []SupplyJSON{}}
	links, err := nq.PortLinks(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, l := range links {
		out.Links = append(out.Links, PortLinkJSON{SwitchID: l.SwitchID, SwitchName: l.SwitchName,
			Port: firstSet(l.Port.Name, l.Port.Descr), IfIndex: l.Port.IfIndex, VLANs: vlansJSON(l.Port.VLANs), MAC: l.MAC})
	}
	if err := s.portsJSON(ctx, nq, id, out); err != nil {
		return nil, err
	}
	since := time.Now().UTC().AddDate(0, 0, -counterDays).Format(time.DateOnly)
	counters, err := nq.PrinterCounterHistory(ctx, id, since)
	if err != nil {
		return nil, err
	}
	for _, c := range counters {
		out.Counters = append(out.Counters, CountersJSON{Day: c.Day, Total: c.Total, Black: c.Black, Color: c.Color,
			PrintTotal: c.PrintTotal, PrintBlack: c.PrintBlack, PrintColor: c.PrintColor, CopyTotal: c.CopyTotal,
			CopyBlack: c.CopyBlack, CopyColor: c.CopyColor, Scanned: c.Scanned, Fax: c.FaxTotal, RectoVerso: c.RectoVerso})
	}
	supplies, err := nq.PrinterSupplies(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, sp := range supplies {
		j := SupplyJSON{Name: sp.Name, Description: sp.Description, Kind: sp.Kind, Color: sp.Color, State: sp.State}
		if sp.Level >= 0 {
			lvl := sp.Level
			j.Level = &lvl
		}
		out.Supplies = append(out.Supplies, j)
	}
	if len(out.Links)+len(out.Ports)+len(out.Counters)+len(out.Supplies) == 0 {
		return nil, nil
	}
	return out, nil
}

func (s *Server) portsJSON(ctx context.Context, nq store.NetQueries, id int64, out *NetworkJSON) error {
	ports, err := nq.NetPorts(ctx, id)
	if err != nil || len(ports) == 0 {
		return err
	}
	conns, err := nq.NetConnections(ctx, id)
	if err != nil {
		return err
	}
	peers, err := nq.PortPeers(ctx, id)
	if err != nil {
		return err
	}
	type portMAC struct {
		ifindex int64
		mac     string
	}
	owner := map[portMAC]int64{}
	for _, p := range peers {
		owner[portMAC{p.IfIndex, p.MAC}] = p.AssetID
	}
	byIndex := map[int64]int{}
	for _, p := range ports {
		byIndex[p.IfIndex] = len(out.Ports)
		out.Ports = append(out.Ports, NetPortJSON{IfIndex: p.IfIndex, Name: p.Name, Description: p.Descr, Alias: p.Alias,
			IfType: p.IfType, Speed: p.Speed, MAC: p.MAC, AdminStatus: p.AdminStatus, OperStatus: p.OperStatus,
			Duplex: p.Duplex, VLANs: vlansJSON(p.VLANs), Trunk: p.Trunk, Aggregate: p.Aggregate, Uplink: p.Uplink,
			Connections: []ConnectionJSON{}})
	}
	for _, c := range conns {
		i, ok := byIndex[c.IfIndex]
		if !ok {
			continue
		}
		j := ConnectionJSON{MAC: c.MAC, Neighbour: c.Neighbour, SysName: c.SysName, IP: c.IP, Port: c.PortDescr, Model: c.Model}
		if a, ok := owner[portMAC{c.IfIndex, c.MAC}]; ok && c.MAC != "" {
			j.AssetID = &a
		}
		out.Ports[i].Connections = append(out.Ports[i].Connections, j)
	}
	return nil
}

func vlansJSON(vs []store.PortVLAN) []VLANJSON {
	out := make([]VLANJSON, 0, len(vs))
	for _, v := range vs {
		out = append(out, VLANJSON{ID: v.ID, Name: v.Name, Tagged: v.Tagged})
	}
	return out
}

func firstSet(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
