package store

import (
	"context"
	"encoding/json"
	"fmt"
)

const netPortColumns = `asset_id, ifindex, name, descr, alias, iftype, speed, mac, admin_status, oper_status,
	duplex, mtu, vlans, trunk, aggregate, uplink, hash`

func scanNetPort(s scanner) (NetPort, error) {
	var p NetPort
	var vlans, agg string
	var trunk, uplink int
	err := s.Scan(&p.AssetID, &p.IfIndex, &p.Name, &p.Descr, &p.Alias, &p.IfType, &p.Speed, &p.MAC,
		&p.AdminStatus, &p.OperStatus, &p.Duplex, &p.MTU, &vlans, &trunk, &agg, &uplink, &p.Hash)
	if err != nil {
		return p, err
	}
	p.Trunk, p.Uplink = trunk != 0, uplink != 0
	if err := json.Unmarshal([]byte(vlans), &p.VLANs); err != nil {
		return p, fmt.Errorf("port %d vlans: %w", p.IfIndex, err)
	}
	if err := json.Unmarshal([]byte(agg), &p.Aggregate); err != nil {
		return p, fmt.Errorf("port %d aggregate: %w", p.IfIndex, err)
	}
	return p, nil
}

func netPortArgs(p NetPort) ([]any, error) {
	vlans, err := json.Marshal(nonNil(p.VLANs))
	if err != nil {
		return nil, err
	}
	agg, err := json.Marshal(nonNil(p.Aggregate))
	if err != nil {
		return nil, err
	}
	return []any{p.AssetID, p.IfIndex, p.Name, p.Descr, p.Alias, p.IfType, p.Speed, p.MAC, p.AdminStatus,
		p.OperStatus, p.Duplex, p.MTU, string(vlans), boolInt(p.Trunk), string(agg), boolInt(p.Uplink), p.Hash}, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (q *queries) NetPorts(ctx context.Context, assetID int64) ([]NetPort, error) {
	rows, err := q.query(ctx, "SELECT "+netPortColumns+" FROM net_ports WHERE asset_id = ? ORDER BY ifindex", assetID)
	if err != nil {
		return nil, fmt.Errorf("ports of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []NetPort
	for rows.Next() {
		p, err := scanNetPort(rows)
		if err != nil {
			return nil, fmt.Errorf("ports of asset %d: %w", assetID, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ports of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) ApplyNetPorts(ctx context.Context, assetID int64, ports []NetPort) (added, removed []NetPort, err error) {
	what := fmt.Sprintf("write ports of asset %d", assetID)
	old, err := q.NetPorts(ctx, assetID)
	if err != nil {
		return nil, nil, err
	}
	byIndex := make(map[int64]NetPort, len(old))
	for _, p := range old {
		byIndex[p.IfIndex] = p
	}
	for _, p := range ports {
		p.AssetID = assetID
		o, ok := byIndex[p.IfIndex]
		delete(byIndex, p.IfIndex)
		if ok && o.Hash == p.Hash {
			continue
		}
		args, err := netPortArgs(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", what, err)
		}
		if ok {
			_, err = q.exec(ctx, `UPDATE net_ports SET name = ?, descr = ?, alias = ?, iftype = ?, speed = ?, mac = ?,
				admin_status = ?, oper_status = ?, duplex = ?, mtu = ?, vlans = ?, trunk = ?, aggregate = ?,
				uplink = ?, hash = ? WHERE asset_id = ? AND ifindex = ?`, append(args[2:], assetID, p.IfIndex)...)
		} else {
			_, err = q.exec(ctx, "INSERT INTO net_ports ("+netPortColumns+") VALUES ("+placeholders(17)+")", args...)
			added = append(added, p)
		}
		if err != nil {
			return nil, nil, q.conflict(err, what)
		}
	}
	for _, p := range old {
		if _, gone := byIndex[p.IfIndex]; !gone {
			continue
		}
		if _, err := q.exec(ctx, "DELETE FROM net_ports WHERE asset_id = ? AND ifindex = ?", assetID, p.IfIndex); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", what, err)
		}
		removed = append(removed, p)
	}
	return added, removed, nil
}

const netConnColumns = "asset_id, ifindex, mac, neighbour, sysname, ip, port_descr, model, sysdescr, conn_key"

func (q *queries) NetConnections(ctx context.Context, assetID int64) ([]NetConnection, error) {
	rows, err := q.query(ctx, "SELECT "+netConnColumns+` FROM net_connections WHERE asset_id = ?
		ORDER BY ifindex, neighbour DESC, mac, conn_key`, assetID)
	if err != nil {
		return nil, fmt.Errorf("connections of asset %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []NetConnection
	for rows.Next() {
		var c NetConnection
		var nb int
		if err := rows.Scan(&c.AssetID, &c.IfIndex, &c.MAC, &nb, &c.SysName, &c.IP, &c.PortDescr, &c.Model,
			&c.SysDescr, &c.Key); err != nil {
			return nil, fmt.Errorf("connections of asset %d: %w", assetID, err)
		}
		c.Neighbour = nb != 0
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("connections of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) ApplyNetConnections(ctx context.Context, assetID int64, conns []NetConnection) error {
	what := fmt.Sprintf("write connections of asset %d", assetID)
	old, err := q.NetConnections(ctx, assetID)
	if err != nil {
		return err
	}
	type key struct {
		ifindex int64
		key     string
	}
	have := make(map[key]NetConnection, len(old))
	for _, c := range old {
		have[key{c.IfIndex, c.Key}] = c
	}
	for _, c := range conns {
		c.AssetID = assetID
		k := key{c.IfIndex, c.Key}
		o, ok := have[k]
		delete(have, k)
		if ok && o == c {
			continue
		}
		if ok {
			_, err = q.exec(ctx, `UPDATE net_connections SET mac = ?, neighbour = ?, sysname = ?, ip = ?, port_descr = ?,
				model = ?, sysdescr = ? WHERE asset_id = ? AND ifindex = ? AND conn_key = ?`, c.MAC, boolInt(c.Neighbour),
				c.SysName, c.IP, c.PortDescr, c.Model, c.SysDescr, assetID, c.IfIndex, c.Key)
		} else {
			_, err = q.exec(ctx, "INSERT INTO net_connections ("+netConnColumns+") VALUES ("+placeholders(10)+")",
				assetID, c.IfIndex, c.MAC, boolInt(c.Neighbour), c.SysName, c.IP, c.PortDescr, c.Model, c.SysDescr, c.Key)
		}
		if err != nil {
			return q.conflict(err, what)
		}
	}
	for k := range have {
		if _, err := q.exec(ctx, "DELETE FROM net_connections WHERE asset_id = ? AND ifindex = ? AND conn_key = ?",
			assetID, k.ifindex, k.key); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return nil
}
