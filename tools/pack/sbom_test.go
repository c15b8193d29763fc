package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestSBOM describes this test binary, which carries build information
// like the release binaries.
func TestSBOM(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	b, err := sbomOf(exe, "v1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := sbomOf(exe, "v1.2.3")
	if b.SerialNumber != again.SerialNumber || !strings.HasPrefix(b.SerialNumber, "urn:uuid:") {
		t.Errorf("got serial numbers %s and %s; want one stable urn:uuid per binary", b.SerialNumber, again.SerialNumber)
	}
	if b.BOMFormat != "CycloneDX" || b.SpecVersion != "1.5" || len(b.Metadata.Component.Hashes) != 1 {
		t.Errorf("got %s %s with %d hashes; want CycloneDX 1.5 and the binary's SHA-256", b.BOMFormat, b.SpecVersion, len(b.Metadata.Component.Hashes))
	}
	var nfpm, std bool
	for _, c := range b.Components {
		nfpm = nfpm || c.Name == "github.com/goreleaser/nfpm/v2" && strings.HasPrefix(c.PURL, "pkg:golang/github.com/goreleaser/nfpm/v2@v2.")
		std = std || c.Name == "stdlib"
	}
	if !nfpm || !std {
		t.Errorf("got nfpm listed %v, stdlib %v; want both among %d components", nfpm, std, len(b.Components))
	}
	if len(b.Dependencies) != 1 || len(b.Dependencies[0].DependsOn) != len(b.Components) {
		t.Errorf("got dependencies %+v; want the binary depending on every component", b.Dependencies)
	}
	if _, err := json.Marshal(b); err != nil {
		t.Fatal(err)
	}
	if _, err := sbomOf("version.go", "v1"); err == nil {
		t.Error("sbomOf(a source file) succeeded; want an error: no build info")
	}
}
