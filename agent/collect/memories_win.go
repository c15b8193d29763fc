package collect

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const qPhysicalMemory = "SELECT Capacity, DeviceLocator, FormFactor, Manufacturer, PartNumber, SerialNumber, SMBIOSMemoryType, Speed FROM Win32_PhysicalMemory"

// windowsMemories lists the installed memory modules (SMBIOS type 17 as
// WMI exposes it; empty slots have no instance).
func windowsMemories(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	rows, err := winQuery(ctx, env, nsCIMV2, qPhysicalMemory)
	if err != nil {
		return fmt.Errorf("physical memory: %w", err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("Win32_PhysicalMemory has no instance (virtual machine?): %w", ErrNoData)
	}
	for i, m := range rows {
		mem := inventory.Memory{
			Capacity:     winMiB(wNum0(m, "Capacity")),
			Caption:      wStr(m, "DeviceLocator"),
			Manufacturer: winMemoryMaker(wStr(m, "Manufacturer")),
			Model:        winClean(wStr(m, "PartNumber")),
			SerialNumber: winClean(wStr(m, "SerialNumber")),
			Type:         winMemoryType(wNum0(m, "SMBIOSMemoryType")),
			NumSlots:     int64(i + 1),
		}
		if ff := winFormFactor(wNum0(m, "FormFactor")); ff != "" {
			mem.Description, mem.FormFactor = ff, ff
		}
		if s := wNum0(m, "Speed"); s > 0 {
			mem.Speed = fmt.Sprintf("%d MT/s", s)
		}
		r.Content.Memories = append(r.Content.Memories, mem)
	}
	return nil
}

// winMemoryType names SMBIOS memory type codes (SMBIOSMemoryType; the
// older MemoryType property stops at DDR2 and is 0 on recent machines).
func winMemoryType(code int64) string {
	switch code {
	case 3:
		return "DRAM"
	case 7:
		return "RAM"
	case 15:
		return "SDRAM"
	case 17:
		return "RDRAM"
	case 18:
		return "DDR"
	case 19:
		return "DDR2"
	case 20:
		return "DDR2 FB-DIMM"
	case 24:
		return "DDR3"
	case 25:
		return "FBD2"
	case 26:
		return "DDR4"
	case 27:
		return "LPDDR"
	case 28:
		return "LPDDR2"
	case 29:
		return "LPDDR3"
	case 30:
		return "LPDDR4"
	case 34:
		return "DDR5"
	case 35:
		return "LPDDR5"
	}
	return ""
}

// winFormFactor names CIM form factors, which are numbered differently
// from SMBIOS' (DIMM is 8 here, 9 there).
func winFormFactor(code int64) string {
	names := map[int64]string{
		1: "Other", 2: "SIP", 3: "DIP", 4: "ZIP", 5: "SOJ", 6: "Proprietary", 7: "SIMM",
		8: "DIMM", 9: "TSOP", 10: "PGA", 11: "RIMM", 12: "SODIMM", 13: "SRIMM", 14: "SMD",
		15: "SSMP", 16: "QFP", 17: "TQFP", 18: "SOIC", 19: "LCC", 20: "PLCC", 21: "BGA",
		22: "FPBGA", 23: "LGA",
	}
	return names[code]
}

var reJEDEC = regexp.MustCompile(`^[0-9A-Fa-f]{4}`)

// winMemoryMaker turns the JEDEC codes some BIOSes put in Manufacturer
// ("80AD000080AD") into the maker's name; a plain name is kept.
func winMemoryMaker(s string) string {
	s = winClean(s)
	if !reJEDEC.MatchString(s) || strings.Trim(s, "0123456789ABCDEFabcdef") != "" {
		return s
	}
	switch strings.ToUpper(s[:4]) {
	case "80CE", "00CE", "CE00":
		return "Samsung"
	case "80AD", "00AD", "AD00":
		return "SK Hynix"
	case "802C", "002C", "2C00":
		return "Micron"
	case "859B", "059B", "9B05":
		return "Crucial"
	case "0198", "8198", "7F98":
		return "Kingston"
	}
	return s
}
