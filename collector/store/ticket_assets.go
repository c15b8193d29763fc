package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

func (q *queries) LinkTicketAsset(ctx context.Context, ticketID, assetID int64) error {
	_, err := q.exec(ctx, "INSERT INTO ticket_assets (ticket_id, asset_id) VALUES (?, ?)", ticketID, assetID)
	return q.conflict(err, fmt.Sprintf("link asset %d to ticket %d", assetID, ticketID))
}

func (q *queries) UnlinkTicketAsset(ctx context.Context, ticketID, assetID int64) error {
	res, err := q.exec(ctx, "DELETE FROM ticket_assets WHERE ticket_id = ? AND asset_id = ?", ticketID, assetID)
	if err != nil {
		return fmt.Errorf("unlink asset %d from ticket %d: %w", assetID, ticketID, err)
	}
	return mustAffect(res, fmt.Sprintf("unlink asset %d from ticket %d", assetID, ticketID))
}

func (q *queries) TicketAssets(ctx context.Context, ticketID int64) ([]Asset, error) {
	rows, err := q.query(ctx, "SELECT "+prefixed("a.", assetColumns)+` FROM assets a
		JOIN ticket_assets ta ON ta.asset_id = a.id WHERE ta.ticket_id = ? ORDER BY a.name, a.id`, ticketID)
	if err != nil {
		return nil, fmt.Errorf("assets of ticket %d: %w", ticketID, err)
	}
	return collectAssets(rows, fmt.Sprintf("assets of ticket %d", ticketID))
}

func (q *queries) UserDevices(ctx context.Context, userID int64, login string) ([]Asset, error) {
	login = strings.ToLower(strings.TrimSpace(login))
	if login == "" {
		login = "\x00" // matches no last user
	}
	// Windows reports "DOMAIN\login": match the part after the backslash.
	// "!" escapes LIKE's wildcards so a login with "_" matches literally.
	esc := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(login)
	rows, err := q.query(ctx, "SELECT "+prefixed("a.", assetColumns)+` FROM assets a WHERE a.type = ?
		AND (a.owner_id = ? OR lower(a.last_user) = ? OR lower(a.last_user) LIKE ? ESCAPE '!')
		ORDER BY a.name, a.id LIMIT 100`, TypeComputer, userID, login, `%\`+esc)
	if err != nil {
		return nil, fmt.Errorf("devices of user %d: %w", userID, err)
	}
	return collectAssets(rows, fmt.Sprintf("devices of user %d", userID))
}

// AssetTicketFilter is the TicketFilter of an asset's tickets, newest first.
func AssetTicketFilter(assetID int64) TicketFilter {
	return TicketFilter{AssetID: assetID, Sort: "opened", Desc: true, Limit: 100}
}

// SwitchPort is where a MAC address was seen on a switch, as the switch's
// SNMP inventory reports it (GLPI's network_ports[].connections[].mac).
type SwitchPort struct {
	SwitchID   int64
	SwitchName string
	Port       string // ifname, else ifdescr, else ifnumber
	MAC        string
}

// SwitchPorts finds the switch ports where any of macs (lower-case,
// colon-separated, as AssetMACs returns them) is connected.
func (q *queries) SwitchPorts(ctx context.Context, macs []string) ([]SwitchPort, error) {
	var out []SwitchPort
	for _, mac := range macs[:min(len(macs), 8)] {
		if mac == "" || mac == "00:00:00:00:00:00" {
			continue
		}
		rows, err := q.query(ctx, `SELECT a.id, a.name, c.data FROM asset_components c JOIN assets a ON a.id = c.asset_id
			WHERE a.type = ? AND c.section = 'network_ports' AND lower(c.data) LIKE ? ESCAPE '\'`,
			TypeNetwork, "%"+escapeLike(mac)+"%")
		if err != nil {
			return nil, fmt.Errorf("switch ports of %s: %w", mac, err)
		}
		err = scanEach(rows, func(s scanner) error {
			var p SwitchPort
			var data string
			if err := s.Scan(&p.SwitchID, &p.SwitchName, &data); err != nil {
				return err
			}
			if port, ok := portWithMAC(data, mac); ok {
				p.Port, p.MAC = port, mac
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("switch ports of %s: %w", mac, err)
		}
	}
	return out, nil
}

// portWithMAC reads a network_ports component and names the port if one
// of its connections is mac.
func portWithMAC(data, mac string) (string, bool) {
	var p struct {
		IfName      string `json:"ifname"`
		IfDescr     string `json:"ifdescr"`
		IfNumber    any    `json:"ifnumber"`
		Connections []struct {
			MAC string `json:"mac"`
		} `json:"connections"`
	}
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return "", false
	}
	for _, c := range p.Connections {
		if strings.EqualFold(c.MAC, mac) {
			switch {
			case p.IfName != "":
				return p.IfName, true
			case p.IfDescr != "":
				return p.IfDescr, true
			}
			return fmt.Sprint(p.IfNumber), true
		}
	}
	return "", false
}
