package schema

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExamplesValidate(t *testing.T) {
	files, err := filepath.Glob("../../../../shared/fixtures/glpi-inventory-format/examples/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example files found (err %v); the fixtures live in ../shared beside the repository", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := Validate(data); err != nil {
				t.Errorf("got %v; want valid", err)
			}
		})
	}
}

func TestRejectsBadReport(t *testing.T) {
	cases := map[string]string{
		"no deviceid":     `{"content":{"versionclient":"x"}}`,
		"extra top key":   `{"deviceid":"a","content":{"versionclient":"x"},"foo":1}`,
		"bad date":        `{"deviceid":"a","content":{"versionclient":"x","bios":{"bdate":"12/03/2020"}}}`,
		"bad net status":  `{"deviceid":"a","content":{"versionclient":"x","networks":[{"description":"eth0","status":"UP"}]}}`,
		"memory a string": `{"deviceid":"a","content":{"versionclient":"x","hardware":{"memory":"8G"}}}`,
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			if err := Validate([]byte(doc)); err == nil {
				t.Errorf("got valid; want an error")
			}
		})
	}
}
