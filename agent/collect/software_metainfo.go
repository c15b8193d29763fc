package collect

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// metainfo is what the inventory takes from an AppStream component file
// (share/metainfo/<id>.metainfo.xml).
type metainfo struct {
	name, summary, developer, version, homepage string
}

// parseMetainfo reads the untranslated name, summary and developer, the
// homepage URL, and the version of the first release (AppStream lists
// releases newest first). Translated elements carry xml:lang and are
// skipped.
func parseMetainfo(data []byte) (metainfo, error) {
	var m metainfo
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var stack []string // element names from <component> down
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return m, fmt.Errorf("parse metainfo: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if len(stack) > 64 {
				return m, errors.New("parse metainfo: nested too deep")
			}
			if t.Name.Local == "release" && m.version == "" && xmlParentIs(stack, "releases") {
				m.version = xmlAttr(t, "version")
			}
			if xmlHasLang(t) {
				continue
			}
			consumed, err := m.text(dec, stack, t)
			if err != nil {
				return m, err
			}
			if consumed { // DecodeElement read the end tag
				stack = stack[:len(stack)-1]
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return m, nil
}

// text fills the field the element at the top of stack holds, when it is
// one the inventory wants; consumed says it read the end element too.
func (m *metainfo) text(dec *xml.Decoder, stack []string, t xml.StartElement) (consumed bool, err error) {
	var dst *string
	switch {
	case len(stack) == 2 && t.Name.Local == "name":
		dst = &m.name
	case len(stack) == 2 && t.Name.Local == "summary":
		dst = &m.summary
	case len(stack) == 2 && t.Name.Local == "developer_name",
		len(stack) == 3 && t.Name.Local == "name" && stack[1] == "developer":
		dst = &m.developer
	case len(stack) == 2 && t.Name.Local == "url" && xmlAttr(t, "type") == "homepage":
		dst = &m.homepage
	default:
		return false, nil
	}
	var s string
	if err := dec.DecodeElement(&s, &t); err != nil {
		return true, fmt.Errorf("parse metainfo <%s>: %w", t.Name.Local, err)
	}
	if *dst == "" {
		*dst = strings.Join(strings.Fields(s), " ")
	}
	return true, nil
}

func xmlParentIs(stack []string, name string) bool {
	return len(stack) >= 2 && stack[len(stack)-2] == name
}

func xmlAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func xmlHasLang(t xml.StartElement) bool {
	for _, a := range t.Attr {
		if a.Name.Local == "lang" {
			return true
		}
	}
	return false
}
