package inventory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Upstream agents are loose about a few types, and GLPI's converter accepts
// them; so do we. These types accept each shape seen in the wild and always
// write one.

// StringList is a list of strings that also reads a single string, as
// GLPI Agent writes network_ports[].connections[].mac for one MAC.
type StringList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *StringList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = StringList{s}
		return nil
	}
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	*l = list
	return nil
}

// FlexBool is a boolean that also reads "0", "1", "true", "false", 0 and 1,
// as found in network_ports[].vlans[].tagged. It writes a JSON boolean.
type FlexBool bool

// UnmarshalJSON implements json.Unmarshaler.
func (v *FlexBool) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	switch strings.ToLower(s) {
	case "1", "true", "yes":
		*v = true
	case "0", "false", "no", "", "null":
		*v = false
	default:
		return fmt.Errorf("want a boolean, got %s", b)
	}
	return nil
}

// FlexString is a string that also reads a JSON number, as found in
// network_ports[].vlans[].number. It writes a JSON string.
type FlexString string

// UnmarshalJSON implements json.Unmarshaler.
func (v *FlexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = FlexString(s)
		return nil
	}
	if string(b) == "null" {
		*v = ""
		return nil
	}
	if _, err := strconv.ParseFloat(string(b), 64); err != nil {
		return fmt.Errorf("want a string or a number, got %s", b)
	}
	*v = FlexString(b)
	return nil
}
