package helpdesk

import (
	"fmt"
	"strconv"
	"strings"
)

// Levels of urgency, impact and priority run from 1 (very low) to 5 (very
// high); priority also has 6 (major), which only an administrator's
// matrix or a technician's explicit choice produces.
const (
	MinLevel    = 1
	MaxLevel    = 5
	MaxPriority = 6
)

// Matrix maps urgency and impact to a priority: Matrix[urgency-1][impact-1].
// It is a value so that a site's administrator can edit it (stored as a
// setting in the String form) and the rules take whichever is in force.
type Matrix [MaxLevel][MaxLevel]int

// DefaultMatrix is GLPI's default priority matrix.
var DefaultMatrix = Matrix{
	{1, 1, 2, 2, 2},
	{1, 2, 2, 3, 3},
	{2, 2, 3, 4, 4},
	{2, 3, 4, 4, 5},
	{2, 3, 4, 5, 5},
}

// ValidLevel reports whether v is an urgency or impact level.
func ValidLevel(v int) bool { return v >= MinLevel && v <= MaxLevel }

// Priority returns the priority of a ticket of this urgency and impact.
func (m Matrix) Priority(urgency, impact int) (int, error) {
	if !ValidLevel(urgency) || !ValidLevel(impact) {
		return 0, fmt.Errorf("urgency %d and impact %d must be between %d and %d", urgency, impact, MinLevel, MaxLevel)
	}
	return m[urgency-1][impact-1], nil
}

// Validate checks every priority is between 1 and MaxPriority.
func (m Matrix) Validate() error {
	for u, row := range m {
		for i, p := range row {
			if p < MinLevel || p > MaxPriority {
				return fmt.Errorf("priority for urgency %d and impact %d is %d; want 1 to %d", u+1, i+1, p, MaxPriority)
			}
		}
	}
	return nil
}

// String writes the matrix as five rows of five numbers, rows separated
// by "/", urgency 1 first: "1,1,2,2,2/1,2,2,3,3/...".
func (m Matrix) String() string {
	rows := make([]string, MaxLevel)
	for u, row := range m {
		cells := make([]string, MaxLevel)
		for i, p := range row {
			cells[i] = strconv.Itoa(p)
		}
		rows[u] = strings.Join(cells, ",")
	}
	return strings.Join(rows, "/")
}

// ParseMatrix reads a matrix written by String and validates it. An empty
// string is the default matrix (no setting stored yet).
func ParseMatrix(s string) (Matrix, error) {
	if strings.TrimSpace(s) == "" {
		return DefaultMatrix, nil
	}
	var m Matrix
	rows := strings.Split(s, "/")
	if len(rows) != MaxLevel {
		return m, fmt.Errorf("priority matrix: got %d rows; want %d", len(rows), MaxLevel)
	}
	for u, row := range rows {
		cells := strings.Split(row, ",")
		if len(cells) != MaxLevel {
			return m, fmt.Errorf("priority matrix row %d: got %d values; want %d", u+1, len(cells), MaxLevel)
		}
		for i, c := range cells {
			p, err := strconv.Atoi(strings.TrimSpace(c))
			if err != nil {
				return m, fmt.Errorf("priority matrix row %d: %q is not a number", u+1, c)
			}
			m[u][i] = p
		}
	}
	if err := m.Validate(); err != nil {
		return m, fmt.Errorf("priority matrix: %w", err)
	}
	return m, nil
}
