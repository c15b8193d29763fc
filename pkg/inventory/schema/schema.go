// Package schema validates a report against the upstream GLPI inventory
// JSON Schema (glpi-project/inventory_format, MIT license, embedded here as
// inventory.schema.json) with a real JSON Schema validator.
//
// pkg/inventory's own Validate checks the same rules without dependencies;
// this package is the reference both the agent's tests and the collector's
// strict mode use.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed inventory.schema.json
var schemaJSON []byte

var (
	once     sync.Once
	compiled *jsonschema.Schema
	errComp  error
)

func load() (*jsonschema.Schema, error) {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
		if err != nil {
			errComp = fmt.Errorf("parse embedded schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("inventory.schema.json", doc); err != nil {
			errComp = fmt.Errorf("add schema: %w", err)
			return
		}
		compiled, errComp = c.Compile("inventory.schema.json")
	})
	return compiled, errComp
}

// Validate checks one JSON document against the GLPI inventory schema.
func Validate(data []byte) error {
	s, err := load()
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse report: %w", err)
	}
	if err := s.Validate(doc); err != nil {
		return fmt.Errorf("report does not match the GLPI inventory schema: %w", err)
	}
	return nil
}

// ValidateValue marshals v to JSON and validates it.
func ValidateValue(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshal report: %w", err)
	}
	return Validate(data)
}
