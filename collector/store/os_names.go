package store

import (
	"context"
	"fmt"
	"strings"
)

// maxOSNames bounds the OS names an OS filter lists as exact matches; a
// text found in more names (a single letter) filters with LIKE instead.
const maxOSNames = 200

// osNamesContaining returns the distinct OS names that contain text,
// case-insensitively, or nil if there are more than maxOSNames. The park
// list's OS filter then matches those names exactly, through the index
// assets_os_name, instead of reading every asset's OS name: a park has a
// few dozen distinct OS names and many thousands of assets.
func (q *queries) osNamesContaining(ctx context.Context, text string) ([]string, error) {
	names, err := q.osNames(ctx)
	if err != nil {
		return nil, err
	}
	want := strings.ToLower(text)
	out := []string{}
	for _, n := range names {
		if strings.Contains(strings.ToLower(n), want) {
			if len(out) == maxOSNames {
				return nil, nil
			}
			out = append(out, n)
		}
	}
	return out, nil
}

// osNames lists the distinct OS names in order. The recursive query hops
// from one name to the next through the index (a loose index scan), so it
// costs one index lookup per distinct name, not one read per asset.
func (q *queries) osNames(ctx context.Context) ([]string, error) {
	rows, err := q.query(ctx, `WITH RECURSIVE o(n) AS (
		SELECT MIN(os_name) FROM assets
		UNION ALL
		SELECT (SELECT MIN(os_name) FROM assets WHERE os_name > o.n) FROM o WHERE o.n IS NOT NULL)
		SELECT n FROM o WHERE n IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("list OS names: %w", err)
	}
	var out []string
	err = scanEach(rows, func(s scanner) error {
		var n string
		if err := s.Scan(&n); err != nil {
			return err
		}
		out = append(out, n)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list OS names: %w", err)
	}
	return out, nil
}
