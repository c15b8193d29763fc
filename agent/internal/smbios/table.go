// Package smbios decodes the raw SMBIOS (DMI) structure table: the BIOS,
// system, baseboard, chassis, processors and memory modules the firmware
// describes. The input is the raw table, which Linux exposes as
// /sys/firmware/dmi/tables/DMI (with its entry point beside it) and Windows
// returns from GetSystemFirmwareTable('RSMB') behind a small header; the
// decoder itself is OS-independent and never trusts lengths it reads.
package smbios

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrTruncated is returned when the table ends inside a structure.
var ErrTruncated = errors.New("smbios: truncated table")

// Structure is one SMBIOS structure: its formatted area (the header
// included, so offsets match the specification) and its string set.
type Structure struct {
	Type      uint8
	Handle    uint16
	Formatted []byte
	Strings   []string
}

// Version is an SMBIOS version, e.g. {3, 2}.
type Version struct{ Major, Minor uint8 }

// AtLeast says whether v is major.minor or later.
func (v Version) AtLeast(major, minor uint8) bool {
	return v.Major > major || v.Major == major && v.Minor >= minor
}

func (v Version) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// ParseEntryPoint reads the version from an SMBIOS entry point, either the
// 32-bit "_SM_" or the 64-bit "_SM3_" form (Linux: smbios_entry_point).
func ParseEntryPoint(b []byte) (Version, error) {
	switch {
	case len(b) >= 0x18 && bytes.HasPrefix(b, []byte("_SM3_")):
		return Version{b[0x07], b[0x08]}, nil
	case len(b) >= 0x1f && bytes.HasPrefix(b, []byte("_SM_")):
		return Version{b[0x06], b[0x07]}, nil
	}
	return Version{}, errors.New("smbios: unknown entry point anchor")
}

// ParseRSMB splits the buffer GetSystemFirmwareTable('RSMB') returns: a
// RawSMBIOSData header (calling method, major, minor, DMI revision, length)
// then the table.
func ParseRSMB(b []byte) (Version, []byte, error) {
	if len(b) < 8 {
		return Version{}, nil, fmt.Errorf("%w: RSMB header", ErrTruncated)
	}
	n := binary.LittleEndian.Uint32(b[4:8])
	if uint64(n) > uint64(len(b)-8) {
		return Version{}, nil, fmt.Errorf("%w: RSMB says %d bytes, has %d", ErrTruncated, n, len(b)-8)
	}
	return Version{b[1], b[2]}, b[8 : 8+n], nil
}

// ParseTable splits a raw table into its structures, up to the end-of-table
// structure (type 127) or the end of the data. A structure cut short is an
// error, but the structures before it are returned with it.
func ParseTable(b []byte) ([]Structure, error) {
	var out []Structure
	for len(b) > 0 {
		if len(b) < 4 {
			return out, fmt.Errorf("%w: %d bytes after last structure", ErrTruncated, len(b))
		}
		typ, length := b[0], int(b[1])
		if length < 4 || length > len(b) {
			return out, fmt.Errorf("%w: structure type %d length %d", ErrTruncated, typ, length)
		}
		s := Structure{Type: typ, Handle: binary.LittleEndian.Uint16(b[2:4]), Formatted: b[:length]}
		// The string set ends with two NULs; with no strings it is just
		// those two bytes.
		end := bytes.Index(b[length:], []byte{0, 0})
		if end < 0 {
			return out, fmt.Errorf("%w: strings of structure type %d", ErrTruncated, typ)
		}
		if end > 0 {
			for _, str := range bytes.Split(b[length:length+end], []byte{0}) {
				s.Strings = append(s.Strings, string(str))
			}
		}
		out = append(out, s)
		if typ == 127 {
			break
		}
		b = b[length+end+2:]
	}
	return out, nil
}

// str returns string number i of the structure's string set as named by
// the byte at off (1-based, 0 meaning none), trimmed of spaces and NULs.
func (s *Structure) str(off int) string {
	i := int(s.u8(off))
	if i == 0 || i > len(s.Strings) {
		return ""
	}
	return clean(s.Strings[i-1])
}

func (s *Structure) has(off, size int) bool { return off+size <= len(s.Formatted) }

func (s *Structure) u8(off int) uint8 {
	if !s.has(off, 1) {
		return 0
	}
	return s.Formatted[off]
}

func (s *Structure) u16(off int) uint16 {
	if !s.has(off, 2) {
		return 0
	}
	return binary.LittleEndian.Uint16(s.Formatted[off:])
}

func (s *Structure) u32(off int) uint32 {
	if !s.has(off, 4) {
		return 0
	}
	return binary.LittleEndian.Uint32(s.Formatted[off:])
}

func (s *Structure) u64(off int) uint64 {
	if !s.has(off, 8) {
		return 0
	}
	return binary.LittleEndian.Uint64(s.Formatted[off:])
}

// clean trims spaces and NUL padding and drops bytes that are not
// printable ASCII: firmware strings are ASCII by specification, and junk
// bytes would make invalid UTF-8 in the JSON report.
func clean(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			b = append(b, c)
		}
	}
	return string(bytes.TrimSpace(b))
}
