package collect

import (
	"strconv"
	"strings"

	"github.com/parcproject/parc/agent/internal/edid"
	"github.com/parcproject/parc/pkg/inventory"
)

// macVideos lists the GPUs. Apple silicon GPUs share the RAM and report no
// VRAM; Intel Macs give dedicated ("8 GB") or shared VRAM.
func macVideos(p *macProfile) []inventory.Video {
	if p == nil {
		return nil
	}
	var out []inventory.Video
	for _, g := range p.Displays {
		v := inventory.Video{
			Name:    string(firstText(g.Model, g.Name)),
			Chipset: macGPUVendor(string(g.Vendor)),
		}
		if b, ok := macSize(string(firstText(g.VRAM, g.VRAMAlt, g.VRAMShared))); ok {
			v.Memory = b >> 20
		}
		for _, d := range g.Displays {
			if px := strings.ReplaceAll(string(d.Pixels), " ", ""); px != "" {
				v.Resolution = px
				break
			}
		}
		if v.Name != "" {
			out = append(out, v)
		}
	}
	return out
}

// macGPUVendor turns "sppci_vendor_amd" into "AMD"; system_profiler
// prints some vendors as such keys and others as plain names.
func macGPUVendor(s string) string {
	key, ok := strings.CutPrefix(s, "sppci_vendor_")
	if !ok {
		return s
	}
	if n, ok := map[string]string{"apple": "Apple", "amd": "AMD", "ati": "AMD", "intel": "Intel", "nvidia": "NVIDIA"}[strings.ToLower(key)]; ok {
		return n
	}
	return key
}

// macMonitors lists the displays of every GPU. system_profiler decodes
// the EDID but does not give it: the maker comes from the EDID vendor ID,
// the serial from its serial string, else its numeric serial.
func macMonitors(p *macProfile) []inventory.Monitor {
	if p == nil {
		return nil
	}
	var out []inventory.Monitor
	for _, g := range p.Displays {
		for _, d := range g.Displays {
			m := inventory.Monitor{Caption: string(d.Name), Name: string(d.Name), Serial: string(d.Serial)}
			if pnp := macPNPID(string(d.VendorID)); pnp != "" {
				m.Manufacturer = edid.ManufacturerName(pnp)
			}
			if n, err := strconv.ParseUint(string(d.SerialNumber), 16, 32); err == nil && n != 0 {
				num := strconv.FormatUint(n, 10)
				switch {
				case m.Serial == "":
					m.Serial = num
				case m.Serial != num:
					m.AltSerial = num
				}
			}
			week, _ := d.Week.Int()
			year, _ := d.Year.Int()
			switch {
			case week > 0 && week <= 54 && year > 1990:
				m.Description = strconv.FormatInt(week, 10) + "/" + strconv.FormatInt(year, 10)
			case year > 1990:
				m.Description = strconv.FormatInt(year, 10)
			}
			if strings.Contains(string(d.Connection), "internal") || strings.Contains(string(d.DisplayType), "built-in") {
				m.Port = "Internal"
			}
			if m.Caption != "" {
				out = append(out, m)
			}
		}
	}
	return out
}

// macPNPID decodes the EDID maker ID system_profiler prints in hex ("610"
// is Apple's "APP", "10ac" Dell's "DEL"): three 5-bit letters.
func macPNPID(hex string) string {
	n, err := strconv.ParseUint(hex, 16, 16)
	if err != nil || n == 0 {
		return ""
	}
	b := []byte{byte(n>>10&0x1f) + '@', byte(n>>5&0x1f) + '@', byte(n&0x1f) + '@'}
	for _, c := range b {
		if c < 'A' || c > 'Z' {
			return ""
		}
	}
	return string(b)
}

// macBatteries lists the battery. Apple silicon Macs report health as a
// percentage and cycle count, which the inventory format has no field for;
// Intel Macs give the full-charge capacity in mAh and the voltage, from
// which real_capacity (mWh) follows.
func macBatteries(p *macProfile) []inventory.Battery {
	if p == nil {
		return nil
	}
	var out []inventory.Battery
	for _, pw := range p.Power {
		if pw.Name != "spbattery_information" {
			continue
		}
		b := inventory.Battery{
			Name:         string(pw.Model.DeviceName),
			Serial:       string(pw.Model.Serial),
			Manufacturer: string(pw.Model.Manufacturer),
			Chemistry:    "Li-ion",
		}
		if mv, ok := pw.Voltage.Int(); ok && mv > 0 {
			b.Voltage = mv
			if mah, ok := pw.Charge.MaxCapacity.Int(); ok && mah > 0 {
				b.RealCapacity = mah * mv / 1000
			}
		}
		out = append(out, b)
	}
	return out
}
