package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Location is a node of the locations tree, e.g. "Mairie > 1er étage > Accueil".
type Location struct {
	ID       int64
	ParentID int64 // 0 for a root
	Name     string
}

// State is an administrator-defined asset state, e.g. "In use", "In stock".
type State struct {
	ID   int64
	Name string
}

// LocationQueries manage locations and states.
type LocationQueries interface {
	CreateLocation(ctx context.Context, l *Location) error
	ListLocations(ctx context.Context) ([]Location, error)
	CreateState(ctx context.Context, s *State) error
	ListStates(ctx context.Context) ([]State, error)
}

func (q *queries) CreateLocation(ctx context.Context, l *Location) error {
	err := q.writeRow(ctx, "INSERT INTO locations (parent_id, name) VALUES (?, ?) RETURNING id", nullID(l.ParentID), l.Name).Scan(&l.ID)
	return q.conflict(err, "create location "+l.Name)
}

// ListLocations lists every location, by name; build the tree with ParentID.
func (q *queries) ListLocations(ctx context.Context) ([]Location, error) {
	rows, err := q.query(ctx, "SELECT id, parent_id, name FROM locations ORDER BY name, id")
	if err != nil {
		return nil, fmt.Errorf("list locations: %w", err)
	}
	var out []Location
	err = scanEach(rows, func(s scanner) error {
		var l Location
		var parent sql.NullInt64
		if err := s.Scan(&l.ID, &parent, &l.Name); err != nil {
			return err
		}
		l.ParentID = parent.Int64
		out = append(out, l)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list locations: %w", err)
	}
	return out, nil
}

func (q *queries) CreateState(ctx context.Context, st *State) error {
	err := q.writeRow(ctx, "INSERT INTO states (name) VALUES (?) RETURNING id", st.Name).Scan(&st.ID)
	return q.conflict(err, "create state "+st.Name)
}

func (q *queries) ListStates(ctx context.Context) ([]State, error) {
	rows, err := q.query(ctx, "SELECT id, name FROM states ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list states: %w", err)
	}
	var out []State
	err = scanEach(rows, func(s scanner) error {
		var st State
		if err := s.Scan(&st.ID, &st.Name); err != nil {
			return err
		}
		out = append(out, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list states: %w", err)
	}
	return out, nil
}
