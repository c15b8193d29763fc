package smbios

import (
	"fmt"
	"strings"
)

// BIOS is structure type 0.
type BIOS struct {
	Vendor      string // e.g. "Dell Inc."
	Version     string // e.g. "1.21.0"
	ReleaseDate string // as written, usually "MM/DD/YYYY", e.g. "06/13/2023"
}

// Date returns ReleaseDate as "YYYY-MM-DD", or "" when it is not in the
// MM/DD/YYYY (or MM/DD/YY, years 19xx before 80) form the spec asks for.
func (b *BIOS) Date() string { return FormatDate(b.ReleaseDate) }

// FormatDate converts an SMBIOS date "MM/DD/YYYY" to "YYYY-MM-DD".
func FormatDate(s string) string {
	var m, d, y int
	if n, err := fmt.Sscanf(s, "%d/%d/%d", &m, &d, &y); n != 3 || err != nil {
		return ""
	}
	switch {
	case y < 80:
		y += 2000
	case y < 100:
		y += 1900
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1980 || y > 2999 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// System is structure type 1.
type System struct {
	Manufacturer string // e.g. "Dell Inc."
	Product      string // e.g. "Latitude 5420"
	Version      string
	Serial       string // e.g. "7XK2LH3"
	UUID         string // upper case, e.g. "4C4C4544-0058-4B10-8032-B7C04F4C4833"; "" if unset
	SKU          string // e.g. "0A1F"
	Family       string // e.g. "Latitude"
}

// Baseboard is structure type 2.
type Baseboard struct {
	Manufacturer string
	Product      string // e.g. "0C9KXJ"
	Version      string
	Serial       string // e.g. "/7XK2LH3/CNCMK0021O0123/"
	AssetTag     string
}

// Chassis is structure type 3.
type Chassis struct {
	Manufacturer string
	Type         string // name of the chassis type, e.g. "Notebook"
	TypeCode     uint8  // raw type, lock bit cleared, e.g. 10
	Version      string
	Serial       string
	AssetTag     string
}

func decodeBIOS(s *Structure) *BIOS {
	return &BIOS{Vendor: s.str(0x04), Version: s.str(0x05), ReleaseDate: s.str(0x08)}
}

func decodeSystem(s *Structure, v Version) *System {
	sys := &System{
		Manufacturer: s.str(0x04), Product: s.str(0x05),
		Version: s.str(0x06), Serial: s.str(0x07),
		SKU: s.str(0x19), Family: s.str(0x1a),
	}
	if s.has(0x08, 16) {
		sys.UUID = formatUUID(s.Formatted[0x08:0x18], v)
	}
	return sys
}

// formatUUID formats the 16 UUID bytes. Since SMBIOS 2.6 the first three
// fields are little-endian (the Microsoft GUID layout), which is what
// Windows and dmidecode show; before, the bytes are taken in order. All
// 0x00 means "not set" and all 0xFF "not present": both give "".
func formatUUID(b []byte, v Version) string {
	zero, ff := true, true
	for _, c := range b {
		zero = zero && c == 0
		ff = ff && c == 0xff
	}
	if zero || ff {
		return ""
	}
	u := append([]byte(nil), b...)
	if v.AtLeast(2, 6) {
		u[0], u[1], u[2], u[3] = b[3], b[2], b[1], b[0]
		u[4], u[5] = b[5], b[4]
		u[6], u[7] = b[7], b[6]
	}
	return strings.ToUpper(fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16]))
}

func decodeBaseboard(s *Structure) *Baseboard {
	return &Baseboard{
		Manufacturer: s.str(0x04), Product: s.str(0x05), Version: s.str(0x06),
		Serial: s.str(0x07), AssetTag: s.str(0x08),
	}
}

func decodeChassis(s *Structure) *Chassis {
	code := s.u8(0x05) & 0x7f
	return &Chassis{
		Manufacturer: s.str(0x04), Type: ChassisTypeName(code), TypeCode: code,
		Version: s.str(0x06), Serial: s.str(0x07), AssetTag: s.str(0x08),
	}
}

var chassisTypes = [...]string{
	1: "Other", 2: "Unknown", 3: "Desktop", 4: "Low Profile Desktop", 5: "Pizza Box",
	6: "Mini Tower", 7: "Tower", 8: "Portable", 9: "Laptop", 10: "Notebook",
	11: "Hand Held", 12: "Docking Station", 13: "All in One", 14: "Sub Notebook",
	15: "Space-saving", 16: "Lunch Box", 17: "Main Server Chassis", 18: "Expansion Chassis",
	19: "SubChassis", 20: "Bus Expansion Chassis", 21: "Peripheral Chassis", 22: "RAID Chassis",
	23: "Rack Mount Chassis", 24: "Sealed-case PC", 25: "Multi-system", 26: "CompactPCI",
	27: "AdvancedTCA", 28: "Blade", 29: "Blade Enclosing", 30: "Tablet", 31: "Convertible",
	32: "Detachable", 33: "IoT Gateway", 34: "Embedded PC", 35: "Mini PC", 36: "Stick PC",
}

// ChassisTypeName names an SMBIOS chassis type code (lock bit cleared) the
// way dmidecode and GLPI do, e.g. 10 -> "Notebook"; "" when out of range.
func ChassisTypeName(code uint8) string {
	if int(code) < len(chassisTypes) {
		return chassisTypes[code]
	}
	return ""
}
