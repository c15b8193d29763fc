package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// The software catalogues are text files so they can be read and extended
// without touching code: catalogue/windows.tsv lists what the registry's
// uninstall keys show on a town hall's Windows PCs, catalogue/debian.tsv
// packages of a real Debian 12 system plus desktop applications.
var (
	//go:embed catalogue/windows.tsv
	windowsTSV []byte
	//go:embed catalogue/debian.tsv
	debianTSV []byte
)

// program is one entry of a software catalogue.
type program struct {
	Name      string
	Publisher string
	Versions  []string // oldest first; a machine gets one, an upgrade the next
	Arch      string
	// Kind says which machines have it: "base" (all), "common" (most),
	// "optional" (a few), "svc:URBA" (one service), "vendor:Dell" (one
	// maker's PCs), "laptop".
	Kind     string
	SizeKiB  int64
	Category string // Debian section
	Comment  string // Debian summary
	GUID     string // Windows product code, "{...}"
}

// catalogue is the parsed software catalogues, read once at start-up.
type catalogue struct {
	windows []program
	debian  []program
}

// loadCatalogue parses the embedded catalogues.
func loadCatalogue() (*catalogue, error) {
	w, err := parseWindowsTSV(windowsTSV)
	if err != nil {
		return nil, fmt.Errorf("catalogue/windows.tsv: %w", err)
	}
	d, err := parseDebianTSV(debianTSV)
	if err != nil {
		return nil, fmt.Errorf("catalogue/debian.tsv: %w", err)
	}
	return &catalogue{windows: w, debian: d}, nil
}

// tsvRows splits a tab-separated file into rows of want fields, skipping
// blank lines and "#" comments.
func tsvRows(data []byte, want int) ([][]string, error) {
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != want {
			return nil, fmt.Errorf("line %d: got %d tab-separated fields; want %d", n, len(f), want)
		}
		rows = append(rows, f)
	}
	return rows, sc.Err()
}

// parseWindowsTSV reads name, publisher, versions, arch, kind, size.
func parseWindowsTSV(data []byte) ([]program, error) {
	rows, err := tsvRows(data, 6)
	if err != nil {
		return nil, err
	}
	out := make([]program, 0, len(rows))
	for _, f := range rows {
		size, err := strconv.ParseInt(f[5], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: size %q: %w", f[0], f[5], err)
		}
		out = append(out, program{Name: f[0], Publisher: f[1], Versions: strings.Split(f[2], ","),
			Arch: f[3], Kind: f[4], SizeKiB: size, GUID: "{" + uuidFromName(f[0]) + "}"})
	}
	return out, nil
}

// parseDebianTSV reads name, version, arch, section, size, maintainer,
// summary (dpkg-query's fields).
func parseDebianTSV(data []byte) ([]program, error) {
	rows, err := tsvRows(data, 7)
	if err != nil {
		return nil, err
	}
	out := make([]program, 0, len(rows))
	for _, f := range rows {
		size, err := strconv.ParseInt(f[4], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s: size %q: %w", f[0], f[4], err)
		}
		out = append(out, program{Name: f[0], Versions: []string{f[1]}, Arch: f[2], Category: f[3],
			SizeKiB: size, Publisher: f[5], Comment: f[6], Kind: "common"})
	}
	return out, nil
}
