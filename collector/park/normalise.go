package park

import (
	_ "embed"
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed dictionary.yaml
var builtinDictionary []byte

// Dictionary is the normalisation data: manufacturer and publisher aliases
// and software renaming rules.
type Dictionary struct {
	Manufacturers map[string]string `yaml:"manufacturers"`
	Publishers    map[string]string `yaml:"publishers"`
	Software      []SoftwareRule    `yaml:"software"`
}

// SoftwareRule renames software whose name matches Match; an empty Name or
// Publisher keeps the reported one.
type SoftwareRule struct {
	Match     string `yaml:"match"`
	Name      string `yaml:"name"`
	Publisher string `yaml:"publisher"`
	re        *regexp.Regexp
}

// Normaliser applies a Dictionary. It is safe for concurrent use.
type Normaliser struct {
	manufacturers map[string]string
	publishers    map[string]string
	software      []SoftwareRule
}

// NewNormaliser builds a Normaliser from the built-in dictionary extended by
// the YAML file at extraPath (optional); the file's entries win.
func NewNormaliser(extraPath string) (*Normaliser, error) {
	var dicts []Dictionary
	if extraPath != "" {
		data, err := os.ReadFile(extraPath)
		if err != nil {
			return nil, fmt.Errorf("read normalisation dictionary: %w", err)
		}
		d, err := parseDictionary(data, extraPath)
		if err != nil {
			return nil, err
		}
		dicts = append(dicts, d)
	}
	d, err := parseDictionary(builtinDictionary, "built-in dictionary")
	if err != nil {
		return nil, err
	}
	dicts = append(dicts, d)
	n := &Normaliser{manufacturers: map[string]string{}, publishers: map[string]string{}}
	for i := len(dicts) - 1; i >= 0; i-- { // built-in first, so the file overrides
		for k, v := range dicts[i].Manufacturers {
			n.manufacturers[foldKey(k)] = v
		}
		for k, v := range dicts[i].Publishers {
			n.publishers[foldKey(k)] = v
		}
	}
	for _, d := range dicts { // the file's rules are tried first
		n.software = append(n.software, d.Software...)
	}
	return n, nil
}

func parseDictionary(data []byte, name string) (Dictionary, error) {
	var d Dictionary
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&d); err != nil && err.Error() != "EOF" {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	for i := range d.Software {
		re, err := regexp.Compile(d.Software[i].Match)
		if err != nil {
			return d, fmt.Errorf("%s: software[%d].match: %w", name, i, err)
		}
		d.Software[i].re = re
	}
	return d, nil
}

// foldKey is the lookup form of an alias: trimmed, spaces collapsed, lower case.
func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Clean trims and collapses white space and drops control characters.
func Clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// Manufacturer returns the canonical manufacturer name ("Dell Inc." ->
// "Dell"), the cleaned value when unknown, and "" for junk.
func (n *Normaliser) Manufacturer(s string) string {
	s = Clean(s)
	if IsJunk(s) {
		return ""
	}
	if v, ok := n.manufacturers[foldKey(s)]; ok {
		return v
	}
	return s
}

// Software returns the normalised name, publisher and version of a software.
func (n *Normaliser) Software(name, publisher, version string) (string, string, string) {
	name, publisher, version = Clean(name), Clean(publisher), Clean(version)
	if v, ok := n.publishers[foldKey(publisher)]; ok {
		publisher = v
	}
	for _, r := range n.software {
		if r.re.MatchString(name) {
			if r.Name != "" {
				name = r.Name
			}
			if r.Publisher != "" {
				publisher = r.Publisher
			}
			break
		}
	}
	if len(version) > 1 && (version[0] == 'v' || version[0] == 'V') && version[1] >= '0' && version[1] <= '9' {
		version = version[1:]
	}
	return name, publisher, version
}
