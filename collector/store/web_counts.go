package store

import (
	"context"
	"fmt"
)

// CountColumns are the asset columns CountAssetsBy groups on.
var CountColumns = map[string]string{
	"type": "type", "os": "os_name", "manufacturer": "manufacturer", "model": "model", "chassis": "chassis",
	"purchase_year": "substr(purchase_date, 1, 4)", // dates are "YYYY-MM-DD" or ""
}

func (q *queries) CountAssetsBy(ctx context.Context, column, assetType string, limit int) ([]GroupCount, error) {
	col, ok := CountColumns[column]
	if !ok {
		return nil, fmt.Errorf("count assets by %q: unknown column", column)
	}
	if limit <= 0 {
		limit = 10
	}
	query := "SELECT " + col + ", COUNT(*) FROM assets"
	var args []any
	if assetType != "" {
		query += " WHERE type = ?"
		args = append(args, assetType)
	}
	rows, err := q.query(ctx, query+" GROUP BY "+col+" ORDER BY COUNT(*) DESC, "+col+" LIMIT ?", append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("count assets by %s: %w", column, err)
	}
	var out []GroupCount
	err = scanEach(rows, func(s scanner) error {
		var g GroupCount
		if err := s.Scan(&g.Value, &g.Count); err != nil {
			return err
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("count assets by %s: %w", column, err)
	}
	return out, nil
}
