package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

// xmlFacts counts non-empty leaf elements per section of a FusionInventory
// XML inventory (REQUEST/CONTENT/<SECTION>), with section names lower-cased
// to match the JSON format's keys.
func xmlFacts(path string) (map[string]int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	facts := map[string]int{}
	var stack []string
	var text strings.Builder
	softwares := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("parse %s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			text.Reset()
			if len(stack) == 3 && t.Name.Local == "SOFTWARES" {
				softwares++
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			// REQUEST/CONTENT/SECTION/FIELD
			if len(stack) >= 4 && stack[1] == "CONTENT" && strings.TrimSpace(text.String()) != "" {
				facts[strings.ToLower(stack[2])]++
			}
			text.Reset()
			stack = stack[:len(stack)-1]
		}
	}
	for _, skip := range []string{"versionclient", "versionprovider", "accesslog"} {
		delete(facts, skip)
	}
	return facts, softwares, nil
}
