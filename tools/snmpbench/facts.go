package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Facts are counted the same way for both tools: every non-empty leaf
// value of the device's part of the document (Parc's JSON content, a
// FusionInventory DEVICE element), metadata left out.

// skipJSON are content keys that describe the sender, not the device.
var skipJSON = map[string]bool{"versionclient": true, "parc": true}

// countJSON counts the non-empty leaves of a JSON value: strings other
// than "", numbers and booleans.
func countJSON(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := 0
		for k, e := range x {
			if !skipJSON[k] {
				n += countJSON(e)
			}
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += countJSON(e)
		}
		return n
	case string:
		if strings.TrimSpace(x) == "" {
			return 0
		}
		return 1
	case nil:
		return 0
	default:
		return 1
	}
}

// contentFacts counts the facts of a report's content.
func contentFacts(report any) (int, error) {
	b, err := json.Marshal(report)
	if err != nil {
		return 0, err
	}
	var doc struct {
		Content map[string]any `json:"content"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return 0, err
	}
	return countJSON(doc.Content), nil
}

// node is one element of a FusionInventory XML document.
type node struct {
	Name     string
	Text     string
	Children []*node
}

// child returns the first child element called name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// text returns n's text, or "" for a missing element.
func (n *node) text() string {
	if n == nil {
		return ""
	}
	return n.Text
}

// path follows child elements by name.
func (n *node) path(names ...string) *node {
	for _, name := range names {
		if n == nil {
			return nil
		}
		n = n.child(name)
	}
	return n
}

// leaves counts the elements below n that have no child element and a
// non-empty text.
func (n *node) leaves() int {
	if n == nil {
		return 0
	}
	if len(n.Children) == 0 {
		if strings.TrimSpace(n.Text) != "" {
			return 1
		}
		return 0
	}
	c := 0
	for _, ch := range n.Children {
		c += ch.leaves()
	}
	return c
}

// parseXMLDocs reads the XML documents FusionInventory's tools print one
// after the other, each with its own <?xml?> declaration, and returns their
// root elements.
func parseXMLDocs(b []byte) ([]*node, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var roots, stack []*node
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return roots, fmt.Errorf("parse fusioninventory xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{Name: t.Name.Local}
			if len(stack) == 0 {
				roots = append(roots, n)
			} else {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) == 0 {
				return roots, errors.New("parse fusioninventory xml: unbalanced end element")
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(t)
			}
		}
	}
	if len(stack) != 0 {
		return roots, errors.New("parse fusioninventory xml: truncated document")
	}
	return roots, nil
}

// fusionDevices returns the DEVICE elements of FusionInventory's output.
func fusionDevices(b []byte) ([]*node, error) {
	roots, err := parseXMLDocs(b)
	var out []*node
	for _, r := range roots {
		if d := r.path("CONTENT", "DEVICE"); d != nil {
			out = append(out, d)
		}
	}
	return out, err
}
