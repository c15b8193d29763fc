package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// SoftwareKey names one version of one software, as normalised by ingest.
type SoftwareKey struct {
	Name      string // e.g. "Firefox"
	Publisher string // e.g. "Mozilla"
	Version   string // e.g. "115.5.0esr"
}

// Installation is one software version installed on an asset.
type Installation struct {
	VersionID   int64
	Arch        string // e.g. "amd64"; part of the identity (x86 and x64 side by side)
	InstallDate string // as reported, "YYYY-MM-DD"
	Source      string // "deb", "registry"...
	FirstSeen   time.Time
	// Filled by Installations:
	SoftwareID int64
	SoftwareKey
}

// Software is one catalogue entry with its counts.
type Software struct {
	ID        int64
	Name      string
	Publisher string
	Versions  int // number of known versions
	Installs  int // number of installations, all versions
}

// SoftwareVersion is one version of a software with its install count.
type SoftwareVersion struct {
	ID         int64
	SoftwareID int64
	Version    string
	Installs   int
}

// SoftwareFilter selects a page of the catalogue.
type SoftwareFilter struct {
	Query  string // substring of name or publisher, case-insensitive
	Limit  int    // default 50, at most 1000
	Offset int
}

// SoftwarePage is one page of ListSoftware and the total that matched.
type SoftwarePage struct {
	Software []Software
	Total    int
}

// AssetInstallation is one asset having a version of a software.
type AssetInstallation struct {
	AssetID   int64
	AssetName string
	AssetType string
	Version   string
	Arch      string
}

// lookupChunk bounds the IN lists of catalogue lookups.
const lookupChunk = 300

func (q *queries) EnsureSoftwareVersions(ctx context.Context, keys []SoftwareKey) (map[SoftwareKey]int64, error) {
	out := make(map[SoftwareKey]int64, len(keys))
	if keys = q.swCache.resolve(keys, out); len(keys) == 0 {
		return out, nil
	}
	type sw struct{ name, pub string }
	swIDs := map[sw]int64{}
	var names []string
	seen := map[string]bool{}
	for _, k := range keys {
		swIDs[sw{k.Name, k.Publisher}] = 0
		if !seen[k.Name] {
			seen[k.Name] = true
			names = append(names, k.Name)
		}
	}
	for start := 0; start < len(names); start += lookupChunk {
		chunk := names[start:min(start+lookupChunk, len(names))]
		rows, err := q.query(ctx, "SELECT id, name, publisher FROM software WHERE name IN ("+placeholders(len(chunk))+")", anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("look up software: %w", err)
		}
		err = scanEach(rows, func(s scanner) error {
			var id int64
			var n, p string
			if err := s.Scan(&id, &n, &p); err != nil {
				return err
			}
			if _, want := swIDs[sw{n, p}]; want {
				swIDs[sw{n, p}] = id
			}
			q.swCache.addSoftware(n, p, id)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("look up software: %w", err)
		}
	}
	// Insert in one global order (name, publisher): two collectors adding
	// overlapping software then lock the rows in the same order and cannot
	// deadlock each other on PostgreSQL.
	order := make([]sw, 0, len(swIDs))
	for k := range swIDs {
		order = append(order, k)
	}
	slices.SortFunc(order, func(a, b sw) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.pub, b.pub)
	})
	var ids []int64
	for _, k := range order {
		id := swIDs[k]
		if id == 0 {
			// DO UPDATE (a no-op) rather than DO NOTHING so RETURNING always
			// gives the ID, even when another collector inserted it first.
			err := q.writeRow(ctx, `INSERT INTO software (name, publisher) VALUES (?, ?)
				ON CONFLICT (name, publisher) DO UPDATE SET name = excluded.name RETURNING id`, k.name, k.pub).Scan(&id)
			if err != nil {
				return nil, fmt.Errorf("add software %q: %w", k.name, err)
			}
			swIDs[k] = id
		}
		ids = append(ids, id)
	}
	type ver struct {
		sw int64
		v  string
	}
	verIDs := map[ver]int64{}
	for start := 0; start < len(ids); start += lookupChunk {
		chunk := ids[start:min(start+lookupChunk, len(ids))]
		rows, err := q.query(ctx, "SELECT id, software_id, version FROM software_versions WHERE software_id IN ("+placeholders(len(chunk))+")", anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("look up software versions: %w", err)
		}
		err = scanEach(rows, func(s scanner) error {
			var id, sid int64
			var v string
			if err := s.Scan(&id, &sid, &v); err != nil {
				return err
			}
			verIDs[ver{sid, v}] = id
			q.swCache.addVersion(sid, v, id)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("look up software versions: %w", err)
		}
	}
	sorted := slices.Clone(keys)
	slices.SortFunc(sorted, func(a, b SoftwareKey) int {
		return strings.Compare(a.Name+"\x00"+a.Publisher+"\x00"+a.Version, b.Name+"\x00"+b.Publisher+"\x00"+b.Version)
	})
	for _, k := range sorted {
		sid := swIDs[sw{k.Name, k.Publisher}]
		id, ok := verIDs[ver{sid, k.Version}]
		if !ok {
			err := q.writeRow(ctx, `INSERT INTO software_versions (software_id, version) VALUES (?, ?)
				ON CONFLICT (software_id, version) DO UPDATE SET version = excluded.version RETURNING id`, sid, k.Version).Scan(&id)
			if err != nil {
				return nil, fmt.Errorf("add version %q of %q: %w", k.Version, k.Name, err)
			}
			verIDs[ver{sid, k.Version}] = id
		}
		out[k] = id
	}
	return out, nil
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// scanEach calls fn for every row, closes rows and returns rows.Err().
func scanEach(rows *sql.Rows, fn func(scanner) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (q *queries) Installations(ctx context.Context, assetID int64) ([]Installation, error) {
	rows, err := q.query(ctx, `SELECT i.version_id, i.arch, i.install_date, i.source, i.first_seen,
		s.id, s.name, s.publisher, v.version
		FROM installations i JOIN software_versions v ON v.id = i.version_id JOIN software s ON s.id = v.software_id
		WHERE i.asset_id = ? ORDER BY lower(s.name), s.id, v.version, i.arch`, assetID)
	if err != nil {
		return nil, fmt.Errorf("installations of asset %d: %w", assetID, err)
	}
	var out []Installation
	err = scanEach(rows, func(s scanner) error {
		var in Installation
		var first sql.NullInt64
		if err := s.Scan(&in.VersionID, &in.Arch, &in.InstallDate, &in.Source, &first,
			&in.SoftwareID, &in.Name, &in.Publisher, &in.Version); err != nil {
			return err
		}
		in.FirstSeen = fromMS(first)
		out = append(out, in)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("installations of asset %d: %w", assetID, err)
	}
	return out, nil
}

func (q *queries) AddInstallations(ctx context.Context, assetID int64, ins []Installation) error {
	if q.d.name == "sqlite" && len(ins) > 0 {
		return q.addInstallationsJSON(ctx, assetID, ins)
	}
	for start := 0; start < len(ins); start += historyBatch {
		batch := ins[start:min(start+historyBatch, len(ins))]
		vals := make([]string, len(batch))
		args := make([]any, 0, len(batch)*6)
		for i, in := range batch {
			vals[i] = "(?, ?, ?, ?, ?, ?)"
			first := in.FirstSeen
			if first.IsZero() {
				first = time.Now().UTC()
			}
			args = append(args, assetID, in.VersionID, in.Arch, in.InstallDate, in.Source, ms(first))
		}
		if _, err := q.exec(ctx, "INSERT INTO installations (asset_id, version_id, arch, install_date, source, first_seen) VALUES "+
			strings.Join(vals, ", "), args...); err != nil {
			return q.conflict(err, fmt.Sprintf("add installations to asset %d", assetID))
		}
	}
	return nil
}

// addInstallationsJSON inserts every installation with one statement and
// one parameter, a JSON array that SQLite unpacks with json_each: the
// statement text never changes, so it stays prepared, where a multi-row
// VALUES list has a new text (and a new parse) for every length, and
// binding six parameters per row costs more than parsing the JSON.
func (q *queries) addInstallationsJSON(ctx context.Context, assetID int64, ins []Installation) error {
	rows := make([][5]any, len(ins))
	now := time.Now().UTC()
	for i, in := range ins {
		first := in.FirstSeen
		if first.IsZero() {
			first = now
		}
		rows[i] = [5]any{in.VersionID, in.Arch, in.InstallDate, in.Source, first.UnixMilli()}
	}
	data, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("add installations to asset %d: %w", assetID, err)
	}
	_, err = q.exec(ctx, `INSERT INTO installations (asset_id, version_id, arch, install_date, source, first_seen)
		SELECT ?, value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)`, assetID, string(data))
	return q.conflict(err, fmt.Sprintf("add installations to asset %d", assetID))
}

func (q *queries) DeleteInstallations(ctx context.Context, assetID int64, ins []Installation) error {
	for _, in := range ins {
		if _, err := q.exec(ctx, "DELETE FROM installations WHERE asset_id = ? AND version_id = ? AND arch = ?",
			assetID, in.VersionID, in.Arch); err != nil {
			return fmt.Errorf("remove installation from asset %d: %w", assetID, err)
		}
	}
	return nil
}
