package apiserver

import (
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parcproject/parc/pkg/api"
)

// openAPIDoc is what the consistency tests read of pkg/api/openapi.yaml.
type openAPIDoc struct {
	OpenAPI    string                    `yaml:"openapi"`
	Paths      map[string]map[string]any `yaml:"paths"`
	Components struct {
		Schemas map[string]struct {
			Properties map[string]any `yaml:"properties"`
		} `yaml:"schemas"`
	} `yaml:"components"`
}

func loadOpenAPI(t *testing.T) *openAPIDoc {
	t.Helper()
	data, err := os.ReadFile("../../pkg/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc openAPIDoc
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return &doc
}

// apiOp is one documented operation: a lower-case method and a path.
type apiOp struct{ method, path string }

// checkOperations fails for each operation the file does not document.
func (doc *openAPIDoc) checkOperations(t *testing.T, ops []apiOp) {
	t.Helper()
	for _, op := range ops {
		if _, ok := doc.Paths[op.path][op.method]; !ok {
			t.Errorf("openapi.yaml lacks %s %s", strings.ToUpper(op.method), op.path)
		}
	}
}

// checkSchemas fails for each schema whose properties are not the JSON
// names of its Go struct.
func (doc *openAPIDoc) checkSchemas(t *testing.T, schemas map[string]any) {
	t.Helper()
	for name, v := range schemas {
		var got []string
		for k := range doc.Components.Schemas[name].Properties {
			got = append(got, k)
		}
		want := jsonNames(reflect.TypeOf(v))
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("schema %s: got properties %v; want %v (from the Go struct)", name, got, want)
		}
	}
}

// TestOpenAPIMatchesContract keeps pkg/api/openapi.yaml in step with
// pkg/api/api.go and rest_types.go: same paths, and every message's
// properties are the struct's JSON names.
func TestOpenAPIMatchesContract(t *testing.T) {
	doc := loadOpenAPI(t)
	if !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("got openapi %q; want 3.1.x", doc.OpenAPI)
	}
	doc.checkOperations(t, []apiOp{
		{"post", api.PathEnroll}, {"post", api.PathContact}, {"post", api.PathInventory}, {"post", api.PathTaskProgress},
		{"get", api.PathSysObjectIDs},
		{"get", PathAssets}, {"get", PathAssets + "/{id}"}, {"get", PathSoftware}, {"get", PathSoftware + "/{id}"},
		{"get", PathLicences}, {"post", PathLicences}, {"delete", PathLicences + "/{id}"},
	})
	doc.checkSchemas(t, map[string]any{
		"EnrollRequest": api.EnrollRequest{}, "EnrollResponse": api.EnrollResponse{},
		"ContactRequest": api.ContactRequest{}, "ContactResponse": api.ContactResponse{},
		"Task": api.Task{}, "TaskProgress": api.TaskProgress{}, "InventoryResponse": api.InventoryResponse{},
		"Error": api.Error{}, "FieldError": api.FieldError{},
		// The REST API's shapes (rest_types.go).
		"Asset": AssetJSON{}, "AssetList": AssetListJSON{}, "AssetDetail": AssetDetailJSON{},
		"Installation": InstallationJSON{}, "Agent": AgentJSON{}, "Software": SoftwareJSON{},
		"SoftwareList": SoftwareListJSON{}, "SoftwareDetail": SoftwareDetailJSON{},
		"SoftwareVersion": SoftwareVersionJSON{}, "AssetInstallation": AssetInstallationJSON{},
		"Licence": LicenceJSON{}, "LicenceList": LicenceListJSON{}, "LicenceInput": LicenceInput{},
		"AssetNetwork": NetworkJSON{}, "PortLink": PortLinkJSON{}, "PortVLAN": VLANJSON{}, "NetPort": NetPortJSON{},
		"PortConnection": ConnectionJSON{}, "PrinterCounters": CountersJSON{}, "PrinterSupply": SupplyJSON{},
	})
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

// TestOpenAPIAssetParameters checks that every query parameter documented
// for GET /api/v1/assets changes the store filter, so the file cannot
// promise a filter the handler ignores.
func TestOpenAPIAssetParameters(t *testing.T) {
	data, err := os.ReadFile("../../pkg/api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Ref    string `yaml:"$ref"`
				Name   string `yaml:"name"`
				Schema struct {
					Type string   `yaml:"type"`
					Enum []string `yaml:"enum"`
				} `yaml:"schema"`
			} `yaml:"parameters"`
		} `yaml:"paths"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	params := doc.Paths[PathAssets]["get"].Parameters
	if len(params) < 15 {
		t.Fatalf("got %d parameters for GET %s; want every filter", len(params), PathAssets)
	}
	def, _ := assetFilter(url.Values{})
	for _, p := range params {
		name := p.Name
		if p.Ref != "" {
			name = strings.ToLower(p.Ref[strings.LastIndex(p.Ref, "/")+1:])
		}
		value := "x"
		switch {
		case len(p.Schema.Enum) > 0:
			value = p.Schema.Enum[len(p.Schema.Enum)-1]
		case strings.HasSuffix(name, "_before") || strings.HasSuffix(name, "_after"):
			value = "2024-01-02"
		case p.Schema.Type == "boolean":
			value = "true"
		case p.Schema.Type == "integer" || p.Ref != "":
			value = "7"
		}
		f, perr := assetFilter(url.Values{name: {value}})
		if perr != nil || reflect.DeepEqual(f, def) {
			t.Errorf("parameter %s=%s: got filter %+v, error %v; want a changed filter", name, value, f, perr)
		}
	}
}
