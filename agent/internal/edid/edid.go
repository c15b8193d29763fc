// Package edid decodes the Extended Display Identification Data block a
// monitor gives its host (VESA E-EDID 1.3/1.4): who made it, its model name,
// its serial numbers and when it was built. It reads the raw bytes Linux
// exposes in /sys/class/drm/*/edid and Windows in the registry's
// "Device Parameters\EDID" value. Only the 128-byte base block is decoded;
// extension blocks are kept in Base64 but not interpreted.
package edid

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// BlockSize is the size of the base EDID block and of every extension.
const BlockSize = 128

var header = []byte{0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00}

// Errors returned by Parse; test them with errors.Is.
var (
	ErrShort    = errors.New("edid: shorter than 128 bytes")
	ErrHeader   = errors.New("edid: bad header")
	ErrChecksum = errors.New("edid: bad checksum")
)

// Info is what a monitor says about itself.
type Info struct {
	// ManufacturerID is the 3-letter PNP ID, e.g. "DEL"; empty if the
	// encoded letters are out of range.
	ManufacturerID string
	// Manufacturer is the full name from the PNP table, e.g. "Dell Inc.",
	// or ManufacturerID when the ID is not in the table.
	Manufacturer string
	// ProductCode is the manufacturer's product code, e.g. 0xa0c2.
	ProductCode uint16
	// SerialNumber is the 32-bit numeric serial of the header (often 0).
	SerialNumber uint32
	// Serial is the display descriptor serial string when present, else
	// SerialNumber in decimal, else "".
	Serial string
	// Name is the monitor name descriptor, e.g. "DELL P2419H"; for a
	// laptop panel without one, its last unspecified text descriptor
	// (usually the panel model, e.g. "B140HAN04.0").
	Name string
	// Week is the week of manufacture, 1..54, or 0 when not given.
	Week int
	// Year is the year of manufacture (or model year when Week is 0xff
	// in the raw data; ModelYear then tells).
	Year int
	// ModelYear says Year is a model year rather than a build year.
	ModelYear bool
	// Version is the EDID structure version, e.g. "1.4".
	Version string
	// Base64 is the whole blob given to Parse, base64 (std encoding).
	Base64 string

	text string // last unspecified text descriptor
}

// Parse decodes an EDID blob. It checks the header and the checksum of the
// base block; extensions after it are not checked. Trailing data shorter
// than a block (some drivers pad blobs) is tolerated.
func Parse(b []byte) (*Info, error) {
	if len(b) < BlockSize {
		return nil, fmt.Errorf("%w: got %d", ErrShort, len(b))
	}
	base := b[:BlockSize]
	if !bytes.Equal(base[:8], header) {
		return nil, fmt.Errorf("%w: % x", ErrHeader, base[:8])
	}
	var sum byte
	for _, c := range base {
		sum += c
	}
	if sum != 0 {
		return nil, fmt.Errorf("%w: sum is 0x%02x, want 0", ErrChecksum, sum)
	}
	info := &Info{
		ManufacturerID: pnpID(binary.BigEndian.Uint16(base[8:10])),
		ProductCode:    binary.LittleEndian.Uint16(base[10:12]),
		SerialNumber:   binary.LittleEndian.Uint32(base[12:16]),
		Version:        fmt.Sprintf("%d.%d", base[18], base[19]),
		Base64:         base64.StdEncoding.EncodeToString(b),
	}
	info.Manufacturer = ManufacturerName(info.ManufacturerID)
	switch w := base[16]; {
	case w == 0xff:
		info.ModelYear = true
	case w <= 54:
		info.Week = int(w)
	}
	info.Year = 1990 + int(base[17])
	for off := 54; off+18 <= 126; off += 18 {
		info.descriptor(base[off : off+18])
	}
	if info.Name == "" {
		info.Name = info.text
	}
	if info.Serial == "" && info.SerialNumber != 0 {
		info.Serial = strconv.FormatUint(uint64(info.SerialNumber), 10)
	}
	return info, nil
}

// descriptor reads one 18-byte descriptor: a display descriptor starts with
// a zero pixel clock, and its tag byte says what its 13 text bytes are.
func (i *Info) descriptor(d []byte) {
	if d[0] != 0 || d[1] != 0 || d[2] != 0 {
		return // detailed timing
	}
	switch d[3] {
	case 0xff:
		if s := text(d[5:]); s != "" {
			i.Serial = s
		}
	case 0xfc:
		// A long name may span two name descriptors.
		i.Name = strings.TrimSpace(i.Name + text(d[5:]))
	case 0xfe:
		// Laptop panels often have no name but an unspecified text such
		// as "B140HAN04.0", the panel model; kept when no name comes.
		if s := text(d[5:]); s != "" {
			i.text = s
		}
	}
}

// text decodes a descriptor string: ASCII, ended by LF, padded by spaces.
func text(b []byte) string {
	if n := bytes.IndexByte(b, 0x0a); n >= 0 {
		b = b[:n]
	}
	out := make([]byte, 0, len(b))
	for _, c := range b {
		if c >= 0x20 && c < 0x7f {
			out = append(out, c)
		}
	}
	return strings.TrimSpace(string(out))
}

// pnpID decodes the compressed ASCII ID: three 5-bit letters, 1 = 'A'.
func pnpID(v uint16) string {
	var id [3]byte
	for k := range 3 {
		c := (v >> (10 - 5*k)) & 0x1f
		if c < 1 || c > 26 {
			return ""
		}
		id[k] = byte('A' + c - 1)
	}
	return string(id[:])
}
