package inventory_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
	"github.com/parcproject/parc/pkg/inventory/schema"
)

const examples = "../../../shared/fixtures/glpi-inventory-format/examples/*.json"

// Every upstream example parses, and what we write back out of it is still
// valid against the real schema.
func TestParseExamplesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob(examples)
	if len(files) == 0 {
		t.Fatalf("no examples at %s: the fixtures live in ../shared beside the repository", examples)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := inventory.Parse(data)
			if err != nil {
				t.Fatalf("Parse: got %v; want nil", err)
			}
			if rep.DeviceID == "" || rep.Content.VersionClient == "" {
				t.Errorf("got deviceid %q versionclient %q; want both set", rep.DeviceID, rep.Content.VersionClient)
			}
			out, err := json.Marshal(rep)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(out); err != nil {
				t.Errorf("re-encoded report: got %v; want valid", err)
			}
		})
	}
}

func TestParseErrorsNameTheField(t *testing.T) {
	cases := []struct {
		name, doc, field string
	}{
		{"missing deviceid", `{"content":{"versionclient":"x"}}`, "deviceid"},
		{"missing content", `{"deviceid":"a"}`, "content"},
		{"unknown top key", `{"deviceid":"a","content":{"versionclient":"x"},"hostname":"pc"}`, "hostname"},
		{"missing versionclient", `{"deviceid":"a","content":{}}`, "content.versionclient"},
		{"bad bios date", `{"deviceid":"a","content":{"versionclient":"x","bios":{"bdate":"03/12/2020"}}}`, "content.bios.bdate"},
		{"software without name", `{"deviceid":"a","content":{"versionclient":"x","softwares":[{"name":"a"},{"version":"1"}]}}`, "content.softwares[1].name"},
		{"memory as string", `{"deviceid":"a","content":{"versionclient":"x","hardware":{"memory":"8G"}}}`, "content.hardware.memory"},
		{"bad network status", `{"deviceid":"a","content":{"versionclient":"x","networks":[{"description":"eth0","status":"UP"}]}}`, "content.networks[0].status"},
		{"bad timezone", `{"deviceid":"a","content":{"versionclient":"x","operatingsystem":{"timezone":{"name":"CET","offset":"1"}}}}`, "content.operatingsystem.timezone.offset"},
		{"bad action", `{"deviceid":"a","action":"explode","content":{"versionclient":"x"}}`, "action"},
		{"not json", `{"deviceid":`, "(document)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := inventory.Parse([]byte(tc.doc))
			var ve *inventory.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v; want a *ValidationError", err)
			}
			found := false
			for _, fe := range ve.Errors {
				if fe.Field == tc.field && fe.Reason != "" {
					found = true
				}
			}
			if !found {
				t.Errorf("got %v; want an error on field %q", ve.Errors, tc.field)
			}
			if !strings.Contains(err.Error(), tc.field) {
				t.Errorf("message %q does not name %q", err.Error(), tc.field)
			}
		})
	}
}

// FuzzParse checks Parse never panics and that whatever it accepts the real
// schema accepts too (our checks must not be weaker than the schema's).
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(examples)
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil && len(data) < 20000 {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"deviceid":"a","content":{"versionclient":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := inventory.Parse(data)
		if err != nil {
			return
		}
		out, err := json.Marshal(rep)
		if err != nil {
			t.Fatalf("marshal accepted report: %v", err)
		}
		if err := schema.Validate(out); err != nil {
			t.Fatalf("Parse accepted a report the schema refuses: %v\n%s", err, out)
		}
	})
}
