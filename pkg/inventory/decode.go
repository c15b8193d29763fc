package inventory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// topLevelKeys are the only keys the schema allows at the top level.
var topLevelKeys = map[string]bool{
	"content": true, "deviceid": true, "jobid": true, "itemtype": true,
	"partial": true, "action": true, "tag": true,
}

// Decode reads one JSON report, refuses unknown top-level keys as the
// schema does (content keeps unknown sections, which it allows), and
// validates it. Errors name the offending field.
func Decode(r io.Reader) (*Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read inventory: %w", err)
	}
	return Parse(data)
}

// Parse is Decode on a byte slice.
func Parse(data []byte) (*Report, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return nil, jsonError(err)
	}
	var bad []FieldError
	for k := range keys {
		if !topLevelKeys[k] {
			bad = append(bad, FieldError{Field: k, Reason: "is not allowed at the top level"})
		}
	}
	if _, ok := keys["content"]; !ok {
		bad = append(bad, FieldError{Field: "content", Reason: "is required"})
	}
	if len(bad) > 0 {
		return nil, &ValidationError{Errors: bad}
	}
	var rep Report
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&rep); err != nil {
		return nil, jsonError(err)
	}
	if err := rep.Validate(); err != nil {
		return nil, err
	}
	return &rep, nil
}

func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return &ValidationError{Errors: []FieldError{{
			Field:  te.Field,
			Reason: fmt.Sprintf("must be %s, got a JSON %s", te.Type.String(), te.Value),
		}}}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &ValidationError{Errors: []FieldError{{
			Field:  "(document)",
			Reason: fmt.Sprintf("is not valid JSON at byte %d: %v", se.Offset, err),
		}}}
	}
	return &ValidationError{Errors: []FieldError{{Field: "(document)", Reason: err.Error()}}}
}
