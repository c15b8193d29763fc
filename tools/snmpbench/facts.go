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
// FusionInventory DEVICE element). Left out on both sides:
//   - zeros and false: GLPI's native JSON omits them (omitempty), so
//     counting FusionInventory's <IFINERRORS>0</IFINERRORS> would measure
//     the format, not what the tool learnt;
//   - repeats: FusionInventory's PORT/IP, the first of PORT/IPS/IP again;
//   - run metadata: Parc's versionclient, parc and accesslog (the run's
//     date), FusionInventory's INFO/ID (the job's device index) and a
//     DNSHOSTNAME that only repeats the IP (its ping answered).

// skipJSON are content keys that describe the run, not the device.
// Parc's extension ("parc") is counted apart: only its device facts GLPI
// has no field for (parcFacts).
var skipJSON = map[string]bool{"versionclient": true, "parc": true, "accesslog": true}

// parcFacts counts the device facts of Parc's content.parc: the
// components' hardware revisions and software versions (FusionInventory's
// COMPONENT/REVISION and VERSION). Supplies are left out: the cartridges
// already count them.
func parcFacts(parc any) int {
	m, _ := parc.(map[string]any)
	comps, _ := m["components"].([]any)
	n := 0
	for _, c := range comps {
		if cm, ok := c.(map[string]any); ok {
			n += countJSON(cm["revision"]) + countJSON(cm["version"])
		}
	}
	return n
}

// countJSON counts the non-empty leaves of a JSON value: strings other
// than "", numbers other than 0, true.
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
		return boolInt(strings.TrimSpace(x) != "")
	case float64:
		return boolInt(x != 0)
	case bool:
		return boolInt(x)
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
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
	return countJSON(doc.Content) + parcFacts(doc.Content["parc"]), nil
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
// non-empty, non-zero text, metadata left out (see countJSON).
func (n *node) leaves() int {
	if n == nil {
		return 0
	}
	if len(n.Children) == 0 {
		t := strings.TrimSpace(n.Text)
		return boolInt(t != "" && t != "0")
	}
	c := 0
	for _, ch := range n.Children {
		switch {
		case ch.Name == "INFO" && n.Name == "DEVICE":
			c += ch.leaves() - ch.path("ID").leaves()
		case ch.Name == "DNSHOSTNAME" && strings.TrimSpace(ch.Text) == strings.TrimSpace(n.path("IP").text()):
		case ch.Name == "IP" && n.Name == "PORT" && n.child("IPS").hasText("IP", ch.Text):
			// The port's address again: GLPI Agent's XML repeats the
			// first of PORT/IPS/IP as PORT/IP.
		default:
			c += ch.leaves()
		}
	}
	return c
}

// hasText reports whether a child called name has text t.
func (n *node) hasText(name, t string) bool {
	if n == nil {
		return false
	}
	for _, c := range n.Children {
		if c.Name == name && strings.TrimSpace(c.Text) == strings.TrimSpace(t) {
			return true
		}
	}
	return false
}

// all returns the children called name.
func (n *node) all(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, c := range n.Children {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
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

// fusionDevices returns the DEVICE elements of FusionInventory's output,
// one document after the other. A document that does not parse is
// skipped and counted in the error; the others are still read.
func fusionDevices(b []byte) ([]*node, error) {
	var out []*node
	var errs []error
	for _, doc := range bytes.Split(b, []byte("<?xml")) {
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		roots, err := parseXMLDocs(append([]byte("<?xml"), doc...))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, r := range roots {
			if d := r.path("CONTENT", "DEVICE"); d != nil {
				out = append(out, d)
			}
		}
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("%d of the documents do not parse, first: %w", len(errs), errs[0])
	}
	return out, nil
}
