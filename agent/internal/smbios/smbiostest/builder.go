// Package smbiostest assembles raw SMBIOS tables and entry points for
// tests and fixture generators, and holds the tables of two machines (a
// Dell laptop and a QEMU guest) built from the values their firmware
// really reports.
package smbiostest

import (
	"encoding/binary"
)

// Table accumulates structures; Bytes ends it with type 127.
type Table struct {
	buf    []byte
	handle uint16
}

// Struct is one structure being filled: the formatted area (header
// included, so offsets are those of the specification) and its strings.
type Struct struct {
	f    []byte
	strs []string
}

// NewStruct starts a structure of the given type and formatted length.
func NewStruct(typ uint8, length int) *Struct {
	f := make([]byte, length)
	f[0], f[1] = typ, byte(length)
	return &Struct{f: f}
}

// Str stores s in the string set and its 1-based number at off; an empty
// s leaves the number 0 ("no string").
func (s *Struct) Str(off int, v string) *Struct {
	if v == "" {
		s.f[off] = 0
		return s
	}
	s.strs = append(s.strs, v)
	s.f[off] = byte(len(s.strs))
	return s
}

// Strings appends strings referenced by count rather than by offset
// (OEM strings, type 11).
func (s *Struct) Strings(v ...string) *Struct { s.strs = append(s.strs, v...); return s }

// U8 sets a byte.
func (s *Struct) U8(off int, v uint8) *Struct { s.f[off] = v; return s }

// U16 sets a little-endian word.
func (s *Struct) U16(off int, v uint16) *Struct {
	binary.LittleEndian.PutUint16(s.f[off:], v)
	return s
}

// U32 sets a little-endian double word.
func (s *Struct) U32(off int, v uint32) *Struct {
	binary.LittleEndian.PutUint32(s.f[off:], v)
	return s
}

// U64 sets a little-endian quad word.
func (s *Struct) U64(off int, v uint64) *Struct {
	binary.LittleEndian.PutUint64(s.f[off:], v)
	return s
}

// Raw copies bytes at off.
func (s *Struct) Raw(off int, b []byte) *Struct { copy(s.f[off:], b); return s }

// Add appends a structure with the next handle and returns that handle.
func (t *Table) Add(s *Struct) uint16 {
	h := t.handle
	t.handle++
	binary.LittleEndian.PutUint16(s.f[2:], h)
	t.buf = append(t.buf, s.f...)
	if len(s.strs) == 0 {
		t.buf = append(t.buf, 0, 0)
		return h
	}
	for _, str := range s.strs {
		t.buf = append(t.buf, str...)
		t.buf = append(t.buf, 0)
	}
	t.buf = append(t.buf, 0)
	return h
}

// Bytes returns the table, ended by an end-of-table structure.
func (t *Table) Bytes() []byte {
	t.Add(NewStruct(127, 4))
	return t.buf
}

// EntryPoint3 returns a 64-bit "_SM3_" entry point for a table of the
// given size, as the kernel exposes in smbios_entry_point.
func EntryPoint3(major, minor uint8, tableLen int) []byte {
	b := make([]byte, 0x18)
	copy(b, "_SM3_")
	b[0x06], b[0x07], b[0x08], b[0x0a] = 0x18, major, minor, 1
	binary.LittleEndian.PutUint32(b[0x0c:], uint32(tableLen))
	binary.LittleEndian.PutUint64(b[0x10:], 0x000e8f60)
	var sum byte
	for _, c := range b {
		sum += c
	}
	b[0x05] = -sum
	return b
}

// EntryPoint2 returns a 32-bit "_SM_" entry point (SMBIOS 2.x).
func EntryPoint2(major, minor uint8, tableLen, count int) []byte {
	b := make([]byte, 0x1f)
	copy(b, "_SM_")
	b[0x05], b[0x06], b[0x07] = 0x1f, major, minor
	copy(b[0x10:], "_DMI_")
	binary.LittleEndian.PutUint16(b[0x16:], uint16(tableLen))
	binary.LittleEndian.PutUint32(b[0x18:], 0x000f5a40)
	binary.LittleEndian.PutUint16(b[0x1c:], uint16(count))
	b[0x1e] = major<<4 | minor
	var sum byte
	for _, c := range b[:0x10] {
		sum += c
	}
	b[0x04] = -sum
	sum = 0
	for _, c := range b[0x10:] {
		sum += c
	}
	b[0x15] = -sum
	return b
}

// RSMB wraps a table in the RawSMBIOSData header of Windows'
// GetSystemFirmwareTable('RSMB').
func RSMB(major, minor uint8, table []byte) []byte {
	b := make([]byte, 8, 8+len(table))
	b[1], b[2] = major, minor
	binary.LittleEndian.PutUint32(b[4:], uint32(len(table)))
	return append(b, table...)
}
