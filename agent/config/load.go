package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Sources says where Load reads from.
type Sources struct {
	// File is the YAML file; "" means DefaultConfigPath().
	File string
	// FileRequired makes a missing file an error (the user named it with
	// --config); the default file may be absent.
	FileRequired bool
	// LookupEnv reads the environment; nil means os.LookupEnv.
	LookupEnv func(string) (string, bool)
	// Flags maps key names ("contact_interval") to values given on the
	// command line.
	Flags map[string]string
}

// Load builds the configuration: defaults, then the file, then PARC_*
// variables, then flags, and validates it. Errors name the source and the
// key, and say what value is wanted.
func Load(src Sources) (*Config, error) {
	c := Default()
	path := src.File
	if path == "" {
		path = DefaultConfigPath()
	}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := applyYAML(c, path, data); err != nil {
			return nil, err
		}
	case errors.Is(err, fs.ErrNotExist) && !src.FileRequired:
	case errors.Is(err, fs.ErrPermission) && !src.FileRequired:
		// The default file holds the enrolment secret and is readable by
		// root only; a user running `parc-agent inventory` goes on without.
		c.Notes = append(c.Notes, fmt.Sprintf("cannot read %s (permission denied): using defaults, the environment and flags only", path))
	default:
		return nil, fmt.Errorf("read config: %w", err)
	}

	lookup := src.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	for _, k := range Keys {
		if v, ok := lookup(k.Env()); ok {
			if err := k.Set(c, v); err != nil {
				return nil, fmt.Errorf("environment %s: %w", k.Env(), err)
			}
		}
	}
	for name, v := range src.Flags {
		k, ok := Lookup(name)
		if !ok {
			return nil, fmt.Errorf("flag --%s: unknown option", name)
		}
		if err := k.Set(c, v); err != nil {
			return nil, fmt.Errorf("flag --%s: %w", k.Flag(), err)
		}
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

// applyYAML reads a flat mapping of key: scalar. Unknown keys and nested
// values are refused with the line, so a typo never goes unnoticed.
func applyYAML(c *Config, path string, data []byte) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) || len(bytes.TrimSpace(data)) == 0 {
			return nil // an empty file is a file with every default
		}
		return fmt.Errorf("%s: not valid YAML: %w", path, err)
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: want a mapping of key: value lines such as \"server: https://parc.example.org\"", path, root.Line)
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		kn, vn := root.Content[i], root.Content[i+1]
		k, ok := Lookup(kn.Value)
		if !ok || strings.Contains(kn.Value, "-") {
			return fmt.Errorf("%s:%d: unknown key %q; known keys: %s", path, kn.Line, kn.Value, strings.Join(Names(), ", "))
		}
		if prev, dup := seen[k.Name]; dup {
			return fmt.Errorf("%s:%d: %s: given twice (first on line %d)", path, kn.Line, k.Name, prev)
		}
		seen[k.Name] = kn.Line
		if vn.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s:%d: %s: want %s, got a list or mapping", path, vn.Line, k.Name, k.Want)
		}
		v := vn.Value
		if vn.Tag == "!!null" {
			v = ""
		}
		if err := k.Set(c, v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, vn.Line, err)
		}
	}
	return nil
}
