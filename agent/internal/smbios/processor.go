package smbios

import (
	"fmt"
	"strings"
)

// Processor is structure type 4: one socket.
type Processor struct {
	Socket        string // e.g. "CPU 1", "U3E1"
	Manufacturer  string // e.g. "Intel(R) Corporation"
	Version       string // the processor name, e.g. "11th Gen Intel(R) Core(TM) i5-1145G7 @ 2.60GHz"
	Family        string // e.g. "Core i5"
	FamilyCode    uint16 // raw family (family 2 when family is 0xFE)
	ID            string // the 8 ID bytes, e.g. "C1 06 08 00 FF FB EB BF"
	ExternalClock int    // MHz, 0 if unknown
	MaxSpeed      int    // MHz
	CurrentSpeed  int    // MHz
	Populated     bool   // a processor is in the socket
	Serial        string
	AssetTag      string
	PartNumber    string
	CoreCount     int // 0 if unknown
	CoreEnabled   int
	ThreadCount   int
}

func decodeProcessor(s *Structure) Processor {
	p := Processor{
		Socket:        s.str(0x04),
		Manufacturer:  s.str(0x07),
		Version:       s.str(0x10),
		ExternalClock: int(s.u16(0x12)),
		MaxSpeed:      int(s.u16(0x14)),
		CurrentSpeed:  int(s.u16(0x16)),
		Populated:     s.u8(0x18)&0x40 != 0,
		Serial:        s.str(0x20),
		AssetTag:      s.str(0x21),
		PartNumber:    s.str(0x22),
	}
	p.FamilyCode = uint16(s.u8(0x06))
	if p.FamilyCode == 0xfe && s.has(0x28, 2) {
		p.FamilyCode = s.u16(0x28)
	}
	p.Family = ProcessorFamilyName(p.FamilyCode, p.Manufacturer)
	if s.has(0x08, 8) {
		p.ID = strings.ToUpper(fmt.Sprintf("% x", s.Formatted[0x08:0x10]))
	}
	// Counts above 255 move to 16-bit fields (SMBIOS 3.0): the byte
	// then holds 0xFF.
	p.CoreCount = count(s, 0x23, 0x2a)
	p.CoreEnabled = count(s, 0x24, 0x2c)
	p.ThreadCount = count(s, 0x25, 0x2e)
	return p
}

func count(s *Structure, off8, off16 int) int {
	n := int(s.u8(off8))
	if n == 0xff && s.has(off16, 2) {
		n = int(s.u16(off16))
	}
	return n
}

var processorFamilies = map[uint16]string{
	0x01: "Other", 0x02: "Unknown", 0x0b: "Pentium", 0x0c: "Pentium Pro", 0x0d: "Pentium II",
	0x0e: "Pentium MMX", 0x0f: "Celeron", 0x10: "Pentium II Xeon", 0x11: "Pentium III",
	0x14: "Celeron M", 0x15: "Pentium 4 HT", 0x16: "Intel",
	0x18: "Duron", 0x1d: "Athlon", 0x28: "Core Duo", 0x29: "Core Duo Mobile",
	0x2a: "Core Solo Mobile", 0x2b: "Atom", 0x2c: "Core M", 0x2d: "Core m3", 0x2e: "Core m5",
	0x2f: "Core m7", 0x38: "Turion II Ultra Dual-Core Mobile M", 0x39: "Turion II Dual-Core Mobile M",
	0x3a: "Athlon II Dual-Core M", 0x3f: "FX", 0x46: "C-Series", 0x47: "E-Series",
	0x48: "A-Series", 0x49: "G-Series", 0x4a: "Z-Series", 0x4b: "R-Series", 0x4f: "FirePro",
	0x66: "Athlon X4", 0x6b: "Zen",
	0x83: "Athlon 64", 0x84: "Opteron", 0x85: "Sempron", 0x86: "Turion 64",
	0x87: "Dual-Core Opteron", 0x88: "Athlon 64 X2", 0x89: "Turion 64 X2",
	0x8a: "Quad-Core Opteron", 0x8b: "Third-Generation Opteron", 0x8c: "Phenom FX",
	0x8d: "Phenom X4", 0x8e: "Phenom X2", 0x8f: "Athlon X2",
	0xa1: "Quad-Core Xeon 3200", 0xa2: "Dual-Core Xeon 3000", 0xa3: "Quad-Core Xeon 5300",
	0xa4: "Dual-Core Xeon 5100", 0xa5: "Dual-Core Xeon 5000", 0xa6: "Dual-Core Xeon LV",
	0xa7: "Dual-Core Xeon ULV", 0xa8: "Dual-Core Xeon 7100", 0xa9: "Quad-Core Xeon 5400",
	0xaa: "Quad-Core Xeon", 0xab: "Dual-Core Xeon 5200", 0xac: "Dual-Core Xeon 7200",
	0xad: "Quad-Core Xeon 7300", 0xae: "Quad-Core Xeon 7400", 0xaf: "Multi-Core Xeon 7400",
	0xb0: "Pentium III Xeon", 0xb1: "Pentium III Speedstep", 0xb2: "Pentium 4", 0xb3: "Xeon",
	0xb5: "Xeon MP", 0xb6: "Athlon XP", 0xb7: "Athlon MP", 0xb8: "Itanium 2", 0xb9: "Pentium M",
	0xba: "Celeron D", 0xbb: "Pentium D", 0xbc: "Pentium EE", 0xbd: "Core Solo",
	0xbf: "Core 2 Duo", 0xc0: "Core 2 Solo", 0xc1: "Core 2 Extreme", 0xc2: "Core 2 Quad",
	0xc3: "Core 2 Extreme Mobile", 0xc4: "Core 2 Duo Mobile", 0xc5: "Core 2 Solo Mobile",
	0xc6: "Core i7", 0xc7: "Dual-Core Celeron", 0xcd: "Core i5", 0xce: "Core i3", 0xcf: "Core i9",
	0xd2: "C7-M", 0xd3: "C7-D", 0xd4: "C7", 0xd5: "Eden", 0xd6: "Multi-Core Xeon",
	0xd7: "Dual-Core Xeon 3xxx", 0xd8: "Quad-Core Xeon 3xxx", 0xd9: "Nano",
	0xda: "Dual-Core Xeon 5xxx", 0xdb: "Quad-Core Xeon 5xxx", 0xdd: "Dual-Core Xeon 7xxx",
	0xde: "Quad-Core Xeon 7xxx", 0xdf: "Multi-Core Xeon 7xxx", 0xe0: "Multi-Core Xeon 3400",
	0xe4: "Opteron 3000", 0xe5: "Sempron II", 0xe6: "Embedded Opteron Quad-Core",
	0xe7: "Phenom Triple-Core", 0xe8: "Turion Ultra Dual-Core Mobile",
	0xe9: "Turion Dual-Core Mobile", 0xea: "Athlon Dual-Core", 0xeb: "Sempron SI",
	0xec: "Phenom II", 0xed: "Athlon II", 0xee: "Six-Core Opteron", 0xef: "Sempron M",
	0x100: "ARMv7", 0x101: "ARMv8", 0x102: "ARMv9", 0x103: "ARM", 0x118: "ARM", 0x119: "StrongARM",
	0x200: "RV32", 0x201: "RV64", 0x202: "RV128", 0x258: "LoongArch",
}

// ProcessorFamilyName names an SMBIOS processor family code, e.g. 0xCD ->
// "Core i5". Code 0xBE is ambiguous in the specification ("Core 2" for
// Intel, "K7" for AMD), so the manufacturer decides. Unknown codes give "".
func ProcessorFamilyName(code uint16, manufacturer string) string {
	if code == 0xbe {
		switch m := strings.ToLower(manufacturer); {
		case strings.Contains(m, "intel"):
			return "Core 2"
		case strings.Contains(m, "amd"):
			return "K7"
		}
		return "Core 2 or K7"
	}
	return processorFamilies[code]
}
