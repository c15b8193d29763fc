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

// Parse is Decode on a byte slice. It walks the top-level object once,
// decoding each known key into its field: reports are large (hundreds of
// software entries) and arrive by the hundred per second, so the document
// is scanned twice (validity, then values) rather than four times, as a
// pass for the top-level keys followed by a whole decode would.
func Parse(data []byte) (*Report, error) {
	var rep Report
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil {
		return nil, jsonError(err, "")
	} else if tok != json.Delim('{') {
		return nil, &ValidationError{Errors: []FieldError{{Field: "(document)", Reason: "must be a JSON object"}}}
	}
	var bad []FieldError
	seen := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, jsonError(err, "")
		}
		key, _ := tok.(string)
		var dst any
		switch key {
		case "content":
			dst, seen = &rep.Content, true
		case "deviceid":
			dst = &rep.DeviceID
		case "jobid":
			dst = &rep.JobID
		case "itemtype":
			dst = &rep.ItemType
		case "partial":
			dst = &rep.Partial
		case "action":
			dst = &rep.Action
		case "tag":
			dst = &rep.Tag
		default:
			bad = append(bad, FieldError{Field: key, Reason: "is not allowed at the top level"})
			dst = new(json.RawMessage)
		}
		if err := dec.Decode(dst); err != nil {
			return nil, jsonError(err, key)
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(err, "")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &ValidationError{Errors: []FieldError{{Field: "(document)", Reason: "has data after the report's closing brace"}}}
	}
	if !seen {
		bad = append(bad, FieldError{Field: "content", Reason: "is required"})
	}
	if len(bad) > 0 {
		return nil, &ValidationError{Errors: bad}
	}
	if err := rep.Validate(); err != nil {
		return nil, err
	}
	return &rep, nil
}

// jsonError turns a decoding error into a validation error naming the
// field; key is the top-level key whose value was being decoded.
func jsonError(err error, key string) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := key
		if te.Field != "" {
			field = key + "." + te.Field
		}
		return &ValidationError{Errors: []FieldError{{
			Field:  field,
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
