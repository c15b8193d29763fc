package smbios

// MemoryArray is structure type 16: a set of memory slots.
type MemoryArray struct {
	Handle          uint16
	Use             uint8  // 3 = system memory
	ErrorCorrection string // e.g. "None", "Single-bit ECC"
	MaxCapacityKiB  uint64
	Slots           int
}

// MemoryDevice is structure type 17: one slot, filled or empty.
type MemoryDevice struct {
	ArrayHandle     uint16
	SizeMiB         int64  // 0 for an empty slot
	FormFactor      string // e.g. "SODIMM"
	Locator         string // slot, e.g. "DIMM A"
	BankLocator     string // e.g. "BANK 0"
	Type            string // e.g. "DDR4"
	Speed           int    // MT/s, 0 if unknown
	ConfiguredSpeed int    // MT/s, 0 if unknown
	Manufacturer    string // e.g. "Samsung", "80AD000080AD"
	Serial          string
	AssetTag        string
	PartNumber      string // e.g. "M471A1K43DB1-CWE"
	TotalWidth      int    // bits, 72 with ECC
	DataWidth       int
}

func decodeMemoryArray(s *Structure) MemoryArray {
	a := MemoryArray{
		Handle:          s.Handle,
		Use:             s.u8(0x05),
		ErrorCorrection: lookup(errorCorrections[:], s.u8(0x06)),
		MaxCapacityKiB:  uint64(s.u32(0x07)),
		Slots:           int(s.u16(0x0d)),
	}
	if a.MaxCapacityKiB == 0x80000000 && s.has(0x0f, 8) {
		a.MaxCapacityKiB = s.u64(0x0f) / 1024 // extended capacity is in bytes
	}
	return a
}

func decodeMemoryDevice(s *Structure) MemoryDevice {
	d := MemoryDevice{
		ArrayHandle:     s.u16(0x04),
		TotalWidth:      width(s.u16(0x08)),
		DataWidth:       width(s.u16(0x0a)),
		SizeMiB:         memorySize(s),
		FormFactor:      lookup(formFactors[:], s.u8(0x0e)),
		Locator:         s.str(0x10),
		BankLocator:     s.str(0x11),
		Type:            lookup(memoryTypes[:], s.u8(0x12)),
		Speed:           speed(s, 0x15, 0x54),
		Manufacturer:    s.str(0x17),
		Serial:          s.str(0x18),
		AssetTag:        s.str(0x19),
		PartNumber:      s.str(0x1a),
		ConfiguredSpeed: speed(s, 0x20, 0x58),
	}
	return d
}

// memorySize decodes the size word: 0 no module, 0xFFFF unknown, bit 15
// set means KiB rather than MiB, and 0x7FFF defers to the 32-bit extended
// size in MiB (SMBIOS 2.7, modules of 32 GiB and more).
func memorySize(s *Structure) int64 {
	v := s.u16(0x0c)
	switch {
	case v == 0 || v == 0xffff:
		return 0
	case v == 0x7fff && s.has(0x1c, 4):
		return int64(s.u32(0x1c) & 0x7fffffff)
	case v&0x8000 != 0:
		return int64(v&0x7fff) / 1024
	}
	return int64(v)
}

// speed decodes a speed word in MT/s; 0xFFFF defers to the 32-bit
// extended field (SMBIOS 3.3), 0 means unknown.
func speed(s *Structure, off16, offExt int) int {
	v := s.u16(off16)
	if v == 0xffff {
		if s.has(offExt, 4) {
			return int(s.u32(offExt) & 0x7fffffff)
		}
		return 0
	}
	return int(v)
}

func width(v uint16) int {
	if v == 0xffff {
		return 0
	}
	return int(v)
}

func lookup(names []string, code uint8) string {
	if int(code) < len(names) {
		return names[code]
	}
	return ""
}

var errorCorrections = [...]string{
	1: "Other", 2: "Unknown", 3: "None", 4: "Parity", 5: "Single-bit ECC", 6: "Multi-bit ECC", 7: "CRC",
}

var formFactors = [...]string{
	1: "Other", 2: "Unknown", 3: "SIMM", 4: "SIP", 5: "Chip", 6: "DIP", 7: "ZIP",
	8: "Proprietary Card", 9: "DIMM", 10: "TSOP", 11: "Row Of Chips", 12: "RIMM",
	13: "SODIMM", 14: "SRIMM", 15: "FB-DIMM", 16: "Die", 17: "CAMM",
}

var memoryTypes = [...]string{
	1: "Other", 2: "Unknown", 3: "DRAM", 4: "EDRAM", 5: "VRAM", 6: "SRAM", 7: "RAM", 8: "ROM",
	9: "Flash", 10: "EEPROM", 11: "FEPROM", 12: "EPROM", 13: "CDRAM", 14: "3DRAM", 15: "SDRAM",
	16: "SGRAM", 17: "RDRAM", 18: "DDR", 19: "DDR2", 20: "DDR2 FB-DIMM", 24: "DDR3", 25: "FBD2",
	26: "DDR4", 27: "LPDDR", 28: "LPDDR2", 29: "LPDDR3", 30: "LPDDR4",
	31: "Logical non-volatile device", 32: "HBM", 33: "HBM2", 34: "DDR5", 35: "LPDDR5", 36: "HBM3",
}
