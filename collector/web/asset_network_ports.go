package web

import (
	"context"

	"github.com/parcproject/parc/collector/store"
)

// switchPorts says where an asset sits on the network for the ticket
// page's machine facts: "sw-floor1 Gi0/1 (VLAN 10)", resolved through the
// MAC index so a PC inventoried after the switch is found too.
func (s *Server) switchPorts(ctx context.Context, assetID int64) ([]store.SwitchPort, error) {
	nq, err := store.Net(s.st)
	if err != nil {
		return nil, err
	}
	links, err := nq.PortLinks(ctx, assetID)
	if err != nil {
		return nil, err
	}
	out := make([]store.SwitchPort, 0, len(links))
	for _, l := range links {
		port := portLabel(l.Port)
		if v := vlanText(l.Port.VLANs); v != "" {
			port += " (VLAN " + v + ")"
		}
		out = append(out, store.SwitchPort{SwitchID: l.SwitchID, SwitchName: firstNonEmpty(l.SwitchName, "#"+itoa64(l.SwitchID)),
			Port: port, MAC: l.MAC})
	}
	return out, nil
}
