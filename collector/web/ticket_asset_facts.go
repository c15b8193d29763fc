package web

import (
	"context"
	"encoding/json"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// machineFacts are what a technician needs to know of a ticket's machine
// without leaving the ticket.
type machineFacts struct {
	Asset         store.Asset
	Model         string
	OS            string
	LastInventory time.Time
	LastUser      string
	Disks         []diskFree
	Ports         []store.SwitchPort
	Open, Past    int // the machine's other tickets
}

// diskFree is one drive's free space, in MiB.
type diskFree struct {
	Name        string
	Free, Total int64
}

func (s *Server) machineFacts(ctx context.Context, tq store.TicketQueries, a store.Asset, ticketID int64) (machineFacts, error) {
	m := machineFacts{Asset: a, Model: joinNonEmpty(" ", a.Manufacturer, a.Model),
		OS: joinNonEmpty(" ", a.OSName, a.OSVersion), LastInventory: a.LastInventoryAt, LastUser: a.LastUser}
	drives, err := s.st.Components(ctx, a.ID, "drives")
	if err != nil {
		return m, err
	}
	for _, c := range drives {
		var d struct {
			Volumn, Letter, Label string
			Total, Free           float64
		}
		if json.Unmarshal([]byte(c.Data), &d) != nil || d.Total <= 0 {
			continue
		}
		m.Disks = append(m.Disks, diskFree{Name: joinNonEmpty(" ", d.Letter, d.Volumn), Free: int64(d.Free), Total: int64(d.Total)})
	}
	// Where the machine is plugged, from the switches' SNMP inventories.
	if m.Ports, err = s.switchPorts(ctx, a.ID); err != nil {
		return m, err
	}
	page, err := tq.ListTickets(ctx, store.AssetTicketFilter(a.ID))
	if err != nil {
		return m, err
	}
	for _, t := range page.Tickets {
		switch {
		case t.ID == ticketID:
		case t.Status < 5:
			m.Open++
		default:
			m.Past++
		}
	}
	return m, nil
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
