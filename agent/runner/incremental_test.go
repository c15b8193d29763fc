package runner

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

const example = "../../../shared/fixtures/glpi-inventory-format/examples/computer_1.json"

func loadExample(t *testing.T) inventory.Report {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatalf("read %s (the fixtures live in ../shared beside the repository): %v", example, err)
	}
	var r inventory.Report
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestChecksumsIgnoreListOrder(t *testing.T) {
	a := inventory.Content{Softwares: []inventory.Software{{Name: "a"}, {Name: "b"}}, VersionClient: "x"}
	b := inventory.Content{Softwares: []inventory.Software{{Name: "b"}, {Name: "a"}}, VersionClient: "y",
		AccessLog: &inventory.AccessLog{LogDate: "2026-11-23 10:00:00"}}
	sa, err := Checksums(&a)
	if err != nil {
		t.Fatal(err)
	}
	sb, _ := Checksums(&b)
	if sa["softwares"] != sb["softwares"] || len(sa) != 1 || len(sb) != 1 {
		t.Errorf("got %v and %v; want one equal softwares checksum, no meta keys", sa, sb)
	}
	c := inventory.Content{Softwares: []inventory.Software{{Name: "a", Version: "2"}, {Name: "b"}}}
	if sc, _ := Checksums(&c); sc["softwares"] == sa["softwares"] {
		t.Error("a changed version kept the same checksum")
	}
}

// TestBuildFromGLPIExample builds full and partial reports from GLPI's own
// example inventory and checks them against the GLPI schema.
func TestBuildFromGLPIExample(t *testing.T) {
	ex := loadExample(t)
	rep := Envelope(ex.Content, "glpixps-2018-07-09-09-07-13", "mairie", time.Now().Add(-2*time.Second), time.Now())
	full, err := Build(rep, nil)
	if err != nil {
		t.Fatal(err)
	}
	all := sectionsOf(full.Report)
	prev := maps.Clone(full.Checksums)
	prev["softwares"] = "stale"
	prev["cpus"] = "stale"
	part, err := Build(rep, prev)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		b        Built
		partial  bool
		sections []string
	}{
		{"full", full, false, all},
		{"partial", part, true, []string{"bios", "cpus", "hardware", "softwares"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.b.Report
			if r.Partial != tt.partial || !slices.Equal(sectionsOf(r), tt.sections) {
				t.Errorf("got partial=%v %v; want partial=%v %v", r.Partial, sectionsOf(r), tt.partial, tt.sections)
			}
			if r.Content.VersionClient != VersionClient() || r.Content.AccessLog == nil || r.Tag != "mairie" {
				t.Errorf("envelope: got %q %+v %q", r.Content.VersionClient, r.Content.AccessLog, r.Tag)
			}
			if err := r.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
			if err := schema.ValidateValue(r); err != nil {
				t.Errorf("schema: %v", err)
			}
			if len(r.Content.Parc.Checksums) != len(all) {
				t.Errorf("checksums: got %d; want %d", len(r.Content.Parc.Checksums), len(all))
			}
		})
	}
	if !slices.Equal(part.Changed, []string{"cpus", "softwares"}) {
		t.Errorf("changed: got %v; want [cpus softwares]", part.Changed)
	}
}

func TestPartialNeedsFull(t *testing.T) {
	c := inventory.Content{Softwares: []inventory.Software{{Name: "a"}}}
	cur, _ := Checksums(&c)
	tests := []struct {
		name string
		prev map[string]string
	}{
		{"no previous report", nil},
		{"a section disappeared", map[string]string{"softwares": cur["softwares"], "batteries": "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, ok, err := Partial(c, cur, tt.prev); ok || err != nil {
				t.Errorf("got ok=%v err=%v; want a full report", ok, err)
			}
		})
	}
}
