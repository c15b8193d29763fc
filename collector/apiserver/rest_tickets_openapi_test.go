package apiserver

import (
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestOpenAPITickets keeps the tickets' part of pkg/api/openapi.yaml in
// step with rest_tickets_types.go: every route documented, every schema's
// properties the struct's JSON names.
func TestOpenAPITickets(t *testing.T) {
	data, err := os.ReadFile("../../pkg/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths      map[string]map[string]any `yaml:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `yaml:"properties"`
			} `yaml:"schemas"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, op := range []struct{ method, path string }{
		{"get", PathTickets}, {"post", PathTickets}, {"get", PathTickets + "/{id}"},
		{"post", PathTickets + "/{id}/followups"}, {"post", PathTickets + "/{id}/solution"},
	} {
		if _, ok := doc.Paths[op.path][op.method]; !ok {
			t.Errorf("openapi.yaml lacks %s %s", strings.ToUpper(op.method), op.path)
		}
	}
	for name, v := range map[string]any{
		"Ticket": TicketJSON{}, "TicketList": TicketListJSON{}, "TicketDetail": TicketDetailJSON{},
		"TicketActor": TicketActorJSON{}, "TicketFollowup": FollowupJSON{}, "TicketTask": TaskJSON{}, "TicketSolution": SolutionJSON{},
		"TicketAsset": TicketAssetJSON{}, "TicketInput": TicketInput{}, "FollowupInput": FollowupInput{},
		"SolutionInput": SolutionInput{},
	} {
		var got []string
		for k := range doc.Components.Schemas[name].Properties {
			got = append(got, k)
		}
		sort.Strings(got)
		want := jsonNames(reflect.TypeOf(v))
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("schema %s: got properties %v; want %v", name, got, want)
		}
	}
}
