package apiserver

import (
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parcproject/parc/pkg/api"
)

// TestOpenAPIMatchesContract keeps pkg/api/openapi.yaml in step with
// pkg/api/api.go: same paths, and every message's properties are the
// struct's JSON names.
func TestOpenAPIMatchesContract(t *testing.T) {
	data, err := os.ReadFile("../../pkg/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI    string                    `yaml:"openapi"`
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
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("got openapi %q; want 3.1.x", doc.OpenAPI)
	}
	for _, p := range []string{api.PathEnroll, api.PathContact, api.PathInventory} {
		if _, ok := doc.Paths[p]["post"]; !ok {
			t.Errorf("openapi.yaml lacks POST %s", p)
		}
	}
	for name, v := range map[string]any{
		"EnrollRequest": api.EnrollRequest{}, "EnrollResponse": api.EnrollResponse{},
		"ContactRequest": api.ContactRequest{}, "ContactResponse": api.ContactResponse{},
		"Task": api.Task{}, "InventoryResponse": api.InventoryResponse{}, "Error": api.Error{}, "FieldError": api.FieldError{},
	} {
		var got []string
		for k := range doc.Components.Schemas[name].Properties {
			got = append(got, k)
		}
		want := jsonNames(reflect.TypeOf(v))
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("schema %s: got properties %v; want %v (from api.go)", name, got, want)
		}
	}
}

func jsonNames(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
