package inventory

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateSupplies(t *testing.T) {
	base := func(s ...Supply) *Report {
		return &Report{DeviceID: "d", Action: ActionNetInventory, ItemType: ItemPrinter,
			Content: Content{VersionClient: "Parc", Parc: &ParcExtension{SchemaVersion: SchemaVersion, Supplies: s}}}
	}
	tests := []struct {
		name  string
		s     Supply
		field string // "" when valid
	}{
		{"percent", Supply{Key: "tonerblack", Description: "Black Toner", Max: 100, Level: 71, Percent: 71, Value: "71"}, ""},
		{"state only", Supply{Key: "wastetoner", Max: -2, Level: -3, Percent: -1, Value: "OK"}, ""},
		{"percent too high", Supply{Key: "tonercyan", Percent: 101}, "content.parc.supplies[0].percent"},
		{"percent too low", Supply{Percent: -2}, "content.parc.supplies[0].percent"},
		{"bad key", Supply{Key: "Toner Black", Percent: -1}, "content.parc.supplies[0].key"},
		{"long value", Supply{Percent: -1, Value: strings.Repeat("x", 65)}, "content.parc.supplies[0].value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := base(tc.s).Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("got %v; want valid", err)
				}
				return
			}
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Field != tc.field {
				t.Fatalf("got %v; want one error on %s", err, tc.field)
			}
		})
	}
	many := make([]Supply, maxSupplies+1)
	if err := base(many...).Validate(); err == nil || !strings.Contains(err.Error(), "content.parc.supplies") {
		t.Errorf("got %v for %d supplies; want an error on content.parc.supplies", err, len(many))
	}
}
