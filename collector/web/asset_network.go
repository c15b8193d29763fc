package web

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/store"
)

// netAssetData is what SNMP inventories add to an asset's page: where the
// asset sits on the network, a switch's ports, a printer's counters and
// supplies. Nil when there is nothing to show.
type netAssetData struct {
	Links      []portLinkView // switch ports where the asset's MACs were learned
	Ports      []portView
	VLANs      []store.PortVLAN
	Printer    *printerData
	LowPercent int
	Importable []string // types an unmanaged asset may be imported as
	// The page's context, for the partial templates.
	AssetID int64
	CSRF    string
	CanEdit bool
}

// portLinkView is "switch X, port Y, VLAN Z".
type portLinkView struct {
	SwitchID   int64
	SwitchName string
	Port       string
	VLANs      string
	MAC        string
}

// portView is one row of a switch's ports table.
type portView struct {
	store.NetPort
	Label     string
	SpeedText string // "1 Gb/s"
	Peers     []store.PortPeer
	Neighbors []store.NetConnection
	MACs      []string // learned MACs no park asset has
	MoreMACs  int      // learned MACs left out of the table
}

// maxPortMACs is how many unknown MACs a port row lists.
const maxPortMACs = 5

// importTypes are what a technician may import an unmanaged asset as.
var importTypes = []string{store.TypePrinter, store.TypeNetwork, store.TypeComputer, store.TypePhone, store.TypePeripheral}

func (s *Server) netAssetView(r *http.Request, a *store.Asset) (*netAssetData, error) {
	ctx := r.Context()
	nq, err := store.Net(s.st)
	if err != nil {
		return nil, err
	}
	d := &netAssetData{AssetID: a.ID, CSRF: state(r).csrf, CanEdit: hasRole(r, store.RoleTechnician)}
	links, err := nq.PortLinks(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	for _, l := range links {
		d.Links = append(d.Links, portLinkView{SwitchID: l.SwitchID, SwitchName: firstNonEmpty(l.SwitchName, "#"+itoa64(l.SwitchID)),
			Port: portLabel(l.Port), VLANs: vlanText(l.Port.VLANs), MAC: l.MAC})
	}
	if err := s.fillPorts(ctx, nq, a.ID, d); err != nil {
		return nil, err
	}
	if a.Type == store.TypePrinter {
		if d.Printer, d.LowPercent, err = s.printerView(ctx, nq, a.ID); err != nil {
			return nil, err
		}
	}
	if a.Type == store.TypeUnmanaged {
		d.Importable = importTypes
	}
	if d.Links == nil && d.Ports == nil && d.Printer == nil && d.Importable == nil {
		return nil, nil
	}
	return d, nil
}

// fillPorts builds the ports table: each port with the park's assets seen
// on it, its LLDP/CDP neighbours and the MACs nobody in the park has.
func (s *Server) fillPorts(ctx context.Context, nq store.NetQueries, id int64, d *netAssetData) error {
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
	byIndex := make(map[int64]*portView, len(ports))
	vlans := map[int64]store.PortVLAN{}
	for _, p := range ports {
		d.Ports = append(d.Ports, portView{NetPort: p, Label: portLabel(p), SpeedText: speedText(p.Speed)})
		for _, v := range p.VLANs {
			if old, ok := vlans[v.ID]; !ok || old.Name == "" {
				vlans[v.ID] = store.PortVLAN{ID: v.ID, Name: v.Name}
			}
		}
	}
	for i := range d.Ports {
		byIndex[d.Ports[i].IfIndex] = &d.Ports[i]
	}
	known := map[string]bool{}
	for _, pr := range peers {
		if pv := byIndex[pr.IfIndex]; pv != nil {
			pv.Peers = append(pv.Peers, pr)
			known[strconv.FormatInt(pr.IfIndex, 10)+pr.MAC] = true
		}
	}
	for _, c := range conns {
		pv := byIndex[c.IfIndex]
		switch {
		case pv == nil:
		case c.Neighbour:
			pv.Neighbors = append(pv.Neighbors, c)
		case known[strconv.FormatInt(c.IfIndex, 10)+c.MAC]:
		case len(pv.MACs) < maxPortMACs:
			pv.MACs = append(pv.MACs, c.MAC)
		default:
			pv.MoreMACs++
		}
	}
	for _, v := range vlans {
		d.VLANs = append(d.VLANs, v)
	}
	sort.Slice(d.VLANs, func(i, j int) bool { return d.VLANs[i].ID < d.VLANs[j].ID })
	return nil
}

func portLabel(p store.NetPort) string {
	return firstNonEmpty(p.Name, p.Descr, "ifIndex "+itoa64(p.IfIndex))
}

// vlanText lists the VLANs a device plugged into the port is in: the
// untagged ones ("10 users"), or every one when all are tagged.
func vlanText(vs []store.PortVLAN) string {
	var all, untagged []string
	for _, v := range vs {
		s := strconv.FormatInt(v.ID, 10)
		if v.Name != "" && v.Name != s {
			s += " " + v.Name
		}
		if !v.Tagged {
			untagged = append(untagged, s)
		}
		all = append(all, s)
	}
	if len(untagged) > 0 {
		return strings.Join(untagged, ", ")
	}
	return strings.Join(all, ", ")
}

// speedText writes a port speed in bit/s the way switches label them.
func speedText(bps int64) string {
	switch {
	case bps <= 0:
		return ""
	case bps >= 1e9 && bps%1e9 == 0:
		return strconv.FormatInt(bps/1e9, 10) + " Gb/s"
	case bps >= 1e6:
		return strconv.FormatInt(bps/1e6, 10) + " Mb/s"
	case bps >= 1e3:
		return strconv.FormatInt(bps/1e3, 10) + " kb/s"
	}
	return strconv.FormatInt(bps, 10) + " b/s"
}
