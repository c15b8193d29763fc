package main

import (
	"crypto/sha1"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// CycloneDX 1.5 JSON, only the fields Parc fills.
type (
	bom struct {
		BOMFormat    string       `json:"bomFormat"`
		SpecVersion  string       `json:"specVersion"`
		SerialNumber string       `json:"serialNumber"`
		Version      int          `json:"version"`
		Metadata     bomMetadata  `json:"metadata"`
		Components   []component  `json:"components"`
		Dependencies []dependency `json:"dependencies"`
	}
	bomMetadata struct {
		Timestamp string     `json:"timestamp"`
		Tools     bomTools   `json:"tools"`
		Component *component `json:"component"`
	}
	bomTools struct {
		Components []component `json:"components"`
	}
	component struct {
		Type       string     `json:"type"`
		BOMRef     string     `json:"bom-ref,omitempty"`
		Name       string     `json:"name"`
		Version    string     `json:"version,omitempty"`
		PURL       string     `json:"purl,omitempty"`
		Hashes     []hash     `json:"hashes,omitempty"`
		Licenses   []license  `json:"licenses,omitempty"`
		Properties []property `json:"properties,omitempty"`
	}
	hash struct {
		Alg     string `json:"alg"`
		Content string `json:"content"`
	}
	license struct {
		License struct {
			ID string `json:"id"`
		} `json:"license"`
	}
	property struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	dependency struct {
		Ref       string   `json:"ref"`
		DependsOn []string `json:"dependsOn"`
	}
)

func cmdSBOM(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sbom", "-version V -out FILE BINARY", stderr)
	version := fs.String("version", "", "release version of the binary")
	out := fs.String("out", "", "output file (CycloneDX JSON)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := required(fs, "version", "out"); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: want one binary", errUsage)
	}
	b, err := sbomOf(fs.Arg(0), *version)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(stdout, *out)
	return nil
}

// sbomOf describes a Go binary from the build information the Go linker
// embeds in it (what `go version -m` prints): the main module, every
// linked module with its version and go.sum hash, and the Go standard
// library. The serial number derives from the binary's hash, so the same
// binary always gets the same SBOM.
func sbomOf(bin, version string) (*bom, error) {
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		return nil, fmt.Errorf("build info of %s: %w", bin, err)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	name := strings.TrimSuffix(filepath.Base(bin), ".exe")
	if i := strings.LastIndex(bi.Path, "/"); i >= 0 {
		name = "parc-" + bi.Path[i+1:]
	}
	mainRef := purl(bi.Main.Path, version)
	main := &component{
		Type: "application", BOMRef: mainRef, Name: name, Version: version, PURL: mainRef,
		Hashes:   []hash{{Alg: "SHA-256", Content: hex.EncodeToString(sum[:])}},
		Licenses: []license{spdx("GPL-3.0-or-later")},
		Properties: []property{
			{Name: "go:package", Value: bi.Path},
			{Name: "go:version", Value: bi.GoVersion},
		},
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "GOOS", "GOARCH", "CGO_ENABLED", "vcs.revision", "vcs.time", "vcs.modified":
			main.Properties = append(main.Properties, property{Name: "go:build:" + s.Key, Value: s.Value})
		}
	}
	std := component{
		Type: "library", Name: "stdlib", Version: bi.GoVersion,
		PURL: purl("stdlib", bi.GoVersion), Licenses: []license{spdx("BSD-3-Clause")},
	}
	std.BOMRef = std.PURL
	comps := []component{std}
	deps := []string{std.BOMRef}
	for _, m := range bi.Deps {
		if m.Replace != nil {
			m = m.Replace
		}
		c := component{Type: "library", Name: m.Path, Version: m.Version, PURL: purl(m.Path, m.Version)}
		c.BOMRef = c.PURL
		if m.Sum != "" {
			c.Properties = []property{{Name: "go:sum", Value: m.Sum}}
		}
		comps = append(comps, c)
		deps = append(deps, c.BOMRef)
	}
	return &bom{
		BOMFormat:    "CycloneDX",
		SpecVersion:  "1.5",
		SerialNumber: "urn:uuid:" + uuidFrom(sum[:]),
		Version:      1,
		Metadata: bomMetadata{
			Timestamp: buildTime().Format("2006-01-02T15:04:05Z"),
			Tools:     bomTools{Components: []component{{Type: "application", Name: "parc tools/pack"}}},
			Component: main,
		},
		Components:   comps,
		Dependencies: []dependency{{Ref: mainRef, DependsOn: deps}},
	}, nil
}

// purl is the package URL of a Go module.
func purl(path, version string) string {
	if version == "" {
		return "pkg:golang/" + path
	}
	return "pkg:golang/" + path + "@" + version
}

func spdx(id string) license {
	var l license
	l.License.ID = id
	return l
}

// uuidFrom makes a name-based (version 5 style) UUID from seed.
func uuidFrom(seed []byte) string {
	h := sha1.Sum(seed)
	b := h[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
