package collect

import (
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// These functions map a system_profiler answer to inventory sections. They
// have no build constraint so that they are tested on Linux against
// recorded answers.

const appleInc = "Apple Inc."

func (p *macProfile) hardware() *spHardware {
	if p == nil || len(p.Hardware) == 0 {
		return nil
	}
	return &p.Hardware[0]
}

// macBios fills the bios section the way GLPI Agent does on macOS: Apple
// as the maker of everything, the model identifier as the model, the
// order number ("MKGR3FN/A") as the SKU and the boot ROM (or iBoot) as the
// firmware version.
func macBios(p *macProfile) *inventory.Bios {
	h := p.hardware()
	if h == nil {
		return nil
	}
	model := string(firstText(h.MachineModel, h.MachineName))
	return &inventory.Bios{
		SManufacturer: appleInc,
		SModel:        model,
		SSN:           string(h.SerialNumber),
		SKUNumber:     string(h.ModelNumber),
		MManufacturer: appleInc,
		MModel:        model,
		BManufacturer: appleInc,
		BVersion:      string(h.BootROM),
	}
}

// macHardware gives the facts of the hardware section that only
// system_profiler knows: platform UUID, chassis, virtualisation, and the
// RAM as a fallback.
func macHardware(p *macProfile) *inventory.Hardware {
	h := p.hardware()
	if h == nil {
		return nil
	}
	out := &inventory.Hardware{
		UUID:        string(h.PlatformUUID),
		ChassisType: macChassis(string(h.MachineName), string(h.MachineModel)),
		VMSystem:    macVMSystem(string(h.MachineModel)),
	}
	if b, ok := macSize(string(h.PhysicalMemory)); ok {
		out.Memory = b >> 20
	}
	return out
}

// macChassis names the SMBIOS chassis type of a Mac from its marketing
// name: recent model identifiers ("Mac14,3") no longer say the family.
func macChassis(name, model string) string {
	switch n := name + " " + model; {
	case strings.Contains(n, "MacBook"):
		return "Notebook"
	case strings.Contains(n, "iMac"):
		return "All in One"
	case strings.Contains(n, "Mac mini"), strings.HasPrefix(model, "Macmini"):
		return "Mini PC"
	case strings.Contains(n, "Mac Pro"), strings.HasPrefix(model, "MacPro"):
		return "Tower"
	case strings.Contains(n, "Mac Studio"), strings.Contains(n, "Xserve"):
		return "Desktop"
	}
	return ""
}

// macVMSystem recognises the model identifiers hypervisors give a macOS
// guest.
func macVMSystem(model string) string {
	switch {
	case strings.HasPrefix(model, "VirtualMac"):
		return "Apple Virtualization"
	case strings.HasPrefix(model, "VMware"):
		return "VMware"
	case strings.HasPrefix(model, "Parallels"):
		return "Parallels"
	case model == "":
		return ""
	}
	return "Physical"
}

// macMemories lists Apple silicon's unified memory as one module, or the
// DIMM slots of an Intel Mac, empty ones included.
func macMemories(p *macProfile) []inventory.Memory {
	if p == nil {
		return nil
	}
	var out []inventory.Memory
	for _, m := range p.Memory {
		if b, ok := macSize(string(m.Size)); ok {
			out = append(out, inventory.Memory{
				Capacity:     b >> 20,
				Caption:      "Unified memory",
				Description:  "Soldered",
				Manufacturer: macMemoryMaker(string(m.Manufacturer)),
				Type:         string(m.Type),
				NumSlots:     int64(len(out) + 1),
			})
		}
		for _, d := range m.Items {
			mem := inventory.Memory{Caption: string(d.Name), NumSlots: int64(len(out) + 1)}
			if b, ok := macSize(string(d.Size)); ok && !strings.EqualFold(string(d.Status), "empty") {
				mem.Capacity = b >> 20
				mem.Type = string(d.Type)
				mem.Manufacturer = macMemoryMaker(string(d.Manufacturer))
				mem.Model = macHexText(string(d.PartNumber))
				mem.SerialNumber = strings.TrimPrefix(string(d.SerialNumber), "0x")
				if n, ok := d.Speed.Int(); ok && n > 0 {
					mem.Speed = strconv.FormatInt(n, 10) + " MT/s"
				}
			}
			out = append(out, mem)
		}
	}
	return out
}

// macMemoryMaker names the JEDEC maker code system_profiler prints for
// some modules ("0x80CE"); names are kept as they are.
func macMemoryMaker(s string) string {
	if n, ok := map[string]string{
		"0X80CE": "Samsung", "0X802C": "Micron", "0X80AD": "SK Hynix", "0X0198": "Kingston",
		"0X859B": "Crucial", "0X04CB": "ADATA", "0X0194": "Smart Modular", "0X80B3": "Hynix",
		"0X014F": "Transcend", "0X029E": "Corsair", "0X04CD": "G.Skill",
	}[strings.ToUpper(s)]; ok {
		return n
	}
	return s
}

// macHexText decodes the part numbers system_profiler prints as the hex
// of their ASCII bytes ("0x4D34373141...") and keeps other text.
func macHexText(s string) string {
	h, ok := strings.CutPrefix(s, "0x")
	if !ok || len(h)%2 != 0 {
		return s
	}
	out := make([]byte, 0, len(h)/2)
	for i := 0; i < len(h); i += 2 {
		c, err := strconv.ParseUint(h[i:i+2], 16, 8)
		if err != nil {
			return s
		}
		switch {
		case c == 0 || c == ' ':
			out = append(out, ' ')
		case c < 0x20 || c > 0x7e:
			return s
		default:
			out = append(out, byte(c))
		}
	}
	return strings.TrimSpace(string(out))
}

// macSize reads "16 GB", "1536 MB" or "500.28 GB" as bytes (binary units,
// as Apple counts RAM and VRAM).
func macSize(s string) (int64, bool) {
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 || f > 1<<50 {
		return 0, false
	}
	shift, ok := map[string]uint{"KB": 10, "MB": 20, "GB": 30, "TB": 40}[strings.ToUpper(unit)]
	if !ok {
		return 0, false
	}
	return int64(f * float64(int64(1)<<shift)), true
}

func firstText(v ...spText) spText {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}
