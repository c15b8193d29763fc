package sla

import (
	"testing"
	"time"
)

func TestMatch(t *testing.T) {
	rules := []Rule{
		{ID: 1, Kind: TTR, Duration: 40 * time.Hour},                            // default
		{ID: 2, Kind: TTR, Duration: 8 * time.Hour, Priority: 5},                // very high, any category
		{ID: 3, Kind: TTR, Duration: 16 * time.Hour, CategoryID: 7},             // printers
		{ID: 4, Kind: TTR, Duration: 4 * time.Hour, CategoryID: 7, Priority: 5}, // printers, very high
		{ID: 5, Kind: TTO, Duration: time.Hour},
		{ID: 6, Kind: TTR, Duration: 99 * time.Hour, CategoryID: 7}, // newer twin of 3: loses
	}
	tests := []struct {
		name   string
		kind   Kind
		cat    int64
		prio   int
		wantID int64
	}{
		{"category and priority", TTR, 7, 5, 4},
		{"category beats priority", TTR, 7, 3, 3},
		{"priority only", TTR, 9, 5, 2},
		{"default", TTR, 9, 3, 1},
		{"no category", TTR, 0, 1, 1},
		{"other kind", TTO, 7, 5, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Match(rules, tt.kind, tt.cat, tt.prio)
			if !ok || got.ID != tt.wantID {
				t.Errorf("Match(%s, %d, %d) = rule %d (%v); want %d", tt.kind, tt.cat, tt.prio, got.ID, ok, tt.wantID)
			}
		})
	}
	if _, ok := Match(rules[1:4], TTR, 9, 3); ok {
		t.Errorf("Match without a default rule found one for an unmatched ticket")
	}
}
