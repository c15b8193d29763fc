// Package glpicompat lets existing agents report to parc-collector without
// being reinstalled: GLPI Agent's JSON protocol (CONTACT, then the native
// inventory) and the FusionInventory/OCS XML protocol (PROLOG, then
// INVENTORY), zlib, gzip or plain, on POST / and /front/inventory.php.
package glpicompat

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// node is one XML element: its text or its children.
type node struct {
	name     string // upper case as sent, e.g. "SOFTWARES"
	text     string
	children []*node
}

// maxDepth bounds nesting, so a hostile document cannot exhaust the stack.
const maxDepth = 32

// parseXML reads a document into a tree of elements.
func parseXML(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // agents send UTF-8 or ASCII
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxDepth {
				return nil, errors.New("parse XML: nested too deep")
			}
			n := &node{name: t.Name.Local}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("parse XML: no element")
	}
	return root, nil
}

// child returns the first child named name (case-insensitive).
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if strings.EqualFold(c.name, name) {
			return c
		}
	}
	return nil
}

// value is the trimmed text of the child named name, "" if absent.
func (n *node) value(name string) string {
	if c := n.child(name); c != nil {
		return strings.TrimSpace(c.text)
	}
	return ""
}

// xmlRequest is a FusionInventory/OCS <REQUEST>.
type xmlRequest struct {
	DeviceID string
	Query    string // "PROLOG", "INVENTORY", "SNMPQUERY"...
	Content  *node
}

func parseRequest(data []byte) (*xmlRequest, error) {
	root, err := parseXML(data)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(root.name, "REQUEST") {
		return nil, fmt.Errorf("root element is <%s>; want <REQUEST>", root.name)
	}
	return &xmlRequest{DeviceID: root.value("DEVICEID"), Query: strings.ToUpper(root.value("QUERY")), Content: root.child("CONTENT")}, nil
}
