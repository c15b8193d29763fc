package store

import (
	"context"
	"fmt"
	"time"
)

const counterColumns = `asset_id, day, at, total, black, color, print_total, print_black, print_color,
	copy_total, copy_black, copy_color, scanned, fax_total, rectoverso`

func (q *queries) PutPrinterCounters(ctx context.Context, c PrinterCounters) error {
	_, err := q.exec(ctx, "INSERT INTO printer_counters ("+counterColumns+") VALUES ("+placeholders(15)+`)
		ON CONFLICT (asset_id, day) DO UPDATE SET at = excluded.at, total = excluded.total,
		black = excluded.black, color = excluded.color, print_total = excluded.print_total,
		print_black = excluded.print_black, print_color = excluded.print_color,
		copy_total = excluded.copy_total, copy_black = excluded.copy_black, copy_color = excluded.copy_color,
		scanned = excluded.scanned, fax_total = excluded.fax_total, rectoverso = excluded.rectoverso`,
		c.AssetID, c.Day, ms(c.At), c.Total, c.Black, c.Color, c.PrintTotal, c.PrintBlack, c.PrintColor,
		c.CopyTotal, c.CopyBlack, c.CopyColor, c.Scanned, c.FaxTotal, c.RectoVerso)
	if err != nil {
		return fmt.Errorf("store counters of printer %d: %w", c.AssetID, err)
	}
	return nil
}

func (q *queries) PrinterCounterHistory(ctx context.Context, assetID int64, since string) ([]PrinterCounters, error) {
	rows, err := q.query(ctx, "SELECT "+counterColumns+` FROM printer_counters
		WHERE asset_id = ? AND day >= ? ORDER BY day`, assetID, since)
	if err != nil {
		return nil, fmt.Errorf("counters of printer %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []PrinterCounters
	for rows.Next() {
		var c PrinterCounters
		var at int64
		if err := rows.Scan(&c.AssetID, &c.Day, &at, &c.Total, &c.Black, &c.Color, &c.PrintTotal, &c.PrintBlack,
			&c.PrintColor, &c.CopyTotal, &c.CopyBlack, &c.CopyColor, &c.Scanned, &c.FaxTotal, &c.RectoVerso); err != nil {
			return nil, fmt.Errorf("counters of printer %d: %w", assetID, err)
		}
		c.At = time.UnixMilli(at).UTC()
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counters of printer %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) PrinterSupplies(ctx context.Context, assetID int64) ([]PrinterSupply, error) {
	rows, err := q.query(ctx, `SELECT asset_id, name, description, kind, color, level, state, max_capacity
		FROM printer_supplies WHERE asset_id = ? ORDER BY name`, assetID)
	if err != nil {
		return nil, fmt.Errorf("supplies of printer %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []PrinterSupply
	for rows.Next() {
		var s PrinterSupply
		if err := rows.Scan(&s.AssetID, &s.Name, &s.Description, &s.Kind, &s.Color, &s.Level, &s.State,
			&s.MaxCapacity); err != nil {
			return nil, fmt.Errorf("supplies of printer %d: %w", assetID, err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("supplies of printer %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) ApplyPrinterSupplies(ctx context.Context, assetID int64, day string, supplies []PrinterSupply) error {
	what := fmt.Sprintf("write supplies of printer %d", assetID)
	old, err := q.PrinterSupplies(ctx, assetID)
	if err != nil {
		return err
	}
	have := make(map[string]PrinterSupply, len(old))
	for _, s := range old {
		have[s.Name] = s
	}
	for _, s := range supplies {
		s.AssetID = assetID
		o, ok := have[s.Name]
		delete(have, s.Name)
		switch {
		case ok && o == s:
		case ok:
			_, err = q.exec(ctx, `UPDATE printer_supplies SET description = ?, kind = ?, color = ?, level = ?, state = ?,
				max_capacity = ? WHERE asset_id = ? AND name = ?`, s.Description, s.Kind, s.Color, s.Level, s.State,
				s.MaxCapacity, assetID, s.Name)
		default:
			_, err = q.exec(ctx, `INSERT INTO printer_supplies (asset_id, name, description, kind, color, level, state,
				max_capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, assetID, s.Name, s.Description, s.Kind, s.Color,
				s.Level, s.State, s.MaxCapacity)
		}
		if err != nil {
			return q.conflict(err, what)
		}
		if err := q.putSupplyLevel(ctx, assetID, day, s); err != nil {
			return err
		}
	}
	for name := range have {
		if _, err := q.exec(ctx, "DELETE FROM printer_supplies WHERE asset_id = ? AND name = ?", assetID, name); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return nil
}

// putSupplyLevel records a supply's level of the day, unless that day
// already has this very level (a re-sent report writes nothing).
func (q *queries) putSupplyLevel(ctx context.Context, assetID int64, day string, s PrinterSupply) error {
	_, err := q.exec(ctx, `INSERT INTO printer_supply_levels (asset_id, day, name, level, state) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (asset_id, day, name) DO UPDATE SET level = excluded.level, state = excluded.state
		WHERE printer_supply_levels.level <> excluded.level OR printer_supply_levels.state <> excluded.state`,
		assetID, day, s.Name, s.Level, s.State)
	if err != nil {
		return fmt.Errorf("store level of supply %s of printer %d: %w", s.Name, assetID, err)
	}
	return nil
}

func (q *queries) SupplyLevelHistory(ctx context.Context, assetID int64, since string) ([]SupplyLevel, error) {
	rows, err := q.query(ctx, `SELECT day, name, level, state FROM printer_supply_levels
		WHERE asset_id = ? AND day >= ? ORDER BY day, name`, assetID, since)
	if err != nil {
		return nil, fmt.Errorf("supply levels of printer %d: %w", assetID, err)
	}
	defer rows.Close()
	var out []SupplyLevel
	for rows.Next() {
		var l SupplyLevel
		if err := rows.Scan(&l.Day, &l.Name, &l.Level, &l.State); err != nil {
			return nil, fmt.Errorf("supply levels of printer %d: %w", assetID, err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("supply levels of printer %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) CountLowSupplyPrinters(ctx context.Context, percent int) (int, error) {
	var n int
	err := q.queryRow(ctx, "SELECT COUNT(*) FROM assets a WHERE a.type = ? AND "+lowSupplyCond, TypePrinter, percent).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count printers with low supplies: %w", err)
	}
	return n, nil
}
