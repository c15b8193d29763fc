package store

import (
	"context"
	"fmt"
	"strings"
)

func (q *queries) ListSoftware(ctx context.Context, f SoftwareFilter) (SoftwarePage, error) {
	where, args := "", []any{}
	if w := strings.TrimSpace(strings.ToLower(f.Query)); w != "" {
		p := "%" + escapeLike(w) + "%"
		where = ` WHERE lower(s.name) LIKE ? ESCAPE '\' OR lower(s.publisher) LIKE ? ESCAPE '\'`
		args = append(args, p, p)
	}
	var page SoftwarePage
	if err := q.queryRow(ctx, "SELECT COUNT(*) FROM software s"+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count software: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 1000)
	rows, err := q.query(ctx, `SELECT s.id, s.name, s.publisher,
		(SELECT COUNT(*) FROM software_versions v WHERE v.software_id = s.id),
		(SELECT COUNT(*) FROM installations i JOIN software_versions v ON v.id = i.version_id WHERE v.software_id = s.id)
		FROM software s`+where+` ORDER BY lower(s.name), s.id LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0))...)
	if err != nil {
		return page, fmt.Errorf("list software: %w", err)
	}
	err = scanEach(rows, func(s scanner) error {
		var sw Software
		if err := s.Scan(&sw.ID, &sw.Name, &sw.Publisher, &sw.Versions, &sw.Installs); err != nil {
			return err
		}
		page.Software = append(page.Software, sw)
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("list software: %w", err)
	}
	return page, nil
}

func (q *queries) GetSoftware(ctx context.Context, id int64) (*Software, error) {
	var sw Software
	err := q.queryRow(ctx, `SELECT s.id, s.name, s.publisher,
		(SELECT COUNT(*) FROM software_versions v WHERE v.software_id = s.id),
		(SELECT COUNT(*) FROM installations i JOIN software_versions v ON v.id = i.version_id WHERE v.software_id = s.id)
		FROM software s WHERE s.id = ?`, id).Scan(&sw.ID, &sw.Name, &sw.Publisher, &sw.Versions, &sw.Installs)
	if err != nil {
		return nil, notFound(err, fmt.Sprintf("get software %d", id))
	}
	return &sw, nil
}

func (q *queries) SoftwareVersions(ctx context.Context, softwareID int64) ([]SoftwareVersion, error) {
	rows, err := q.query(ctx, `SELECT v.id, v.software_id, v.version,
		(SELECT COUNT(*) FROM installations i WHERE i.version_id = v.id)
		FROM software_versions v WHERE v.software_id = ? ORDER BY v.version`, softwareID)
	if err != nil {
		return nil, fmt.Errorf("versions of software %d: %w", softwareID, err)
	}
	var out []SoftwareVersion
	err = scanEach(rows, func(s scanner) error {
		var v SoftwareVersion
		if err := s.Scan(&v.ID, &v.SoftwareID, &v.Version, &v.Installs); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("versions of software %d: %w", softwareID, err)
	}
	return out, nil
}

func (q *queries) SoftwareInstallations(ctx context.Context, softwareID int64, limit, offset int) ([]AssetInstallation, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := q.query(ctx, `SELECT a.id, a.name, a.type, v.version, i.arch
		FROM installations i JOIN software_versions v ON v.id = i.version_id JOIN assets a ON a.id = i.asset_id
		WHERE v.software_id = ? ORDER BY a.name, a.id, v.version LIMIT ? OFFSET ?`, softwareID, min(limit, 1000), max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("installations of software %d: %w", softwareID, err)
	}
	var out []AssetInstallation
	err = scanEach(rows, func(s scanner) error {
		var ai AssetInstallation
		if err := s.Scan(&ai.AssetID, &ai.AssetName, &ai.AssetType, &ai.Version, &ai.Arch); err != nil {
			return err
		}
		out = append(out, ai)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("installations of software %d: %w", softwareID, err)
	}
	return out, nil
}
