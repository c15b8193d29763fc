package store

import (
	"context"
	"fmt"
)

// PortLinks resolves at read time, through the MAC index, where an asset
// sits on the network: a PC inventoried after the switch is linked as soon
// as it has MACs, and a switch's new report moves it with no rewrite of
// the PC. Uplink ports are left out: a MAC seen there is only passing by.
func (q *queries) PortLinks(ctx context.Context, assetID int64) ([]PortLink, error) {
	rows, err := q.query(ctx, "SELECT "+prefixed("p.", netPortColumns)+`, s.name, s.type, c.mac
		FROM asset_macs m
		JOIN net_connections c ON c.mac = m.mac
		JOIN net_ports p ON p.asset_id = c.asset_id AND p.ifindex = c.ifindex
		JOIN assets s ON s.id = c.asset_id
		WHERE m.asset_id = ? AND p.uplink = 0 AND c.asset_id <> ?
		ORDER BY s.name, s.id, p.ifindex, c.mac`, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("port links of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []PortLink
	for rows.Next() {
		var l PortLink
		p, err := scanNetPort(multiScanner{rows, []any{&l.SwitchName, &l.SwitchType, &l.MAC}})
		if err != nil {
			return nil, fmt.Errorf("port links of asset %d: %w", assetID, err)
		}
		l.Port, l.SwitchID = p, p.AssetID
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("port links of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) PortPeers(ctx context.Context, assetID int64) ([]PortPeer, error) {
	rows, err := q.query(ctx, `SELECT c.ifindex, c.mac, a.id, a.name, a.type
		FROM net_connections c
		JOIN net_ports p ON p.asset_id = c.asset_id AND p.ifindex = c.ifindex
		JOIN asset_macs m ON m.mac = c.mac
		JOIN assets a ON a.id = m.asset_id
		WHERE c.asset_id = ? AND p.uplink = 0 AND a.id <> ?
		ORDER BY c.ifindex, a.name, a.id`, assetID, assetID)
	if err != nil {
		return nil, fmt.Errorf("port peers of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []PortPeer
	for rows.Next() {
		var p PortPeer
		if err := rows.Scan(&p.IfIndex, &p.MAC, &p.AssetID, &p.AssetName, &p.AssetType); err != nil {
			return nil, fmt.Errorf("port peers of asset %d: %w", assetID, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("port peers of asset %d: %w", assetID, err)
	}
	return out, nil
}

// multiScanner scans a row into a leading scanner's targets plus extra
// trailing ones, so scanNetPort serves joined rows too.
type multiScanner struct {
	s     scanner
	extra []any
}

func (m multiScanner) Scan(dest ...any) error {
	return m.s.Scan(append(dest, m.extra...)...)
}
