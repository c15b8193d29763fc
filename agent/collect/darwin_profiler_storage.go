package collect

import (
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// macStorages lists the physical disks from the NVMe and SATA data types,
// which give model, serial and firmware. The medium of a SATA disk comes
// from the disk itself, else from the volumes' physical_drive. A Mac with
// neither (a virtual machine's virtio disk) falls back to the physical
// drives the volumes name, without serials.
func macStorages(p *macProfile) []inventory.Storage {
	if p == nil {
		return nil
	}
	media := map[string]string{} // device name -> "SSD"/"HDD"
	for _, v := range p.Storage {
		if m := macMedium(string(v.Physical.MediumType)); m != "" {
			media[string(v.Physical.DeviceName)] = m
		}
	}
	var out []inventory.Storage
	add := func(c []spController, iface string) {
		for _, ctl := range c {
			for _, d := range ctl.Items {
				out = append(out, macStorage(d, iface, media))
			}
		}
	}
	add(p.NVMe, "NVMe")
	add(p.SATA, "SATA")
	if len(out) > 0 {
		return out
	}
	seen := map[string]bool{}
	for _, v := range p.Storage {
		name := string(v.Physical.DeviceName)
		if name == "" || seen[name] || strings.EqualFold(string(v.Physical.Internal), "no") {
			continue
		}
		seen[name] = true
		out = append(out, inventory.Storage{
			Model:        name,
			Manufacturer: macDiskMaker(name),
			Description:  media[name],
			Interface:    macProtocol(string(v.Physical.Protocol)),
			Type:         "disk",
		})
	}
	return out
}

func macStorage(d spDrive, iface string, media map[string]string) inventory.Storage {
	model := string(firstText(d.Model, d.Name))
	s := inventory.Storage{
		Name:         string(d.BSDName),
		Model:        model,
		Manufacturer: macDiskMaker(model),
		Serial:       strings.TrimSpace(string(d.Serial)),
		Firmware:     strings.TrimSpace(string(d.Revision)),
		Interface:    iface,
		Type:         "disk",
	}
	if n, ok := d.SizeInBytes.Int(); ok {
		s.DiskSize = n / 1_000_000
	}
	switch {
	case iface == "NVMe":
		s.Description = "SSD"
	case macMedium(string(d.MediumType)) != "":
		s.Description = macMedium(string(d.MediumType))
	default:
		s.Description = media[model]
	}
	if strings.EqualFold(string(d.Removable), "yes") || strings.EqualFold(string(d.Detachable), "yes") {
		s.Type = "removable"
	}
	return s
}

// macMedium reads "ssd", "rotational", "spsata_solid_state"...
func macMedium(s string) string {
	s = strings.ToLower(s)
	switch {
	case strings.Contains(s, "ssd"), strings.Contains(s, "solid"):
		return "SSD"
	case strings.Contains(s, "rotational"):
		return "HDD"
	}
	return ""
}

// macProtocol maps the volume's physical protocol to the interface names
// the other platforms use.
func macProtocol(s string) string {
	switch {
	case strings.Contains(s, "PCI"), s == "Apple Fabric":
		return "NVMe"
	case s == "SATA", s == "USB", s == "SAS":
		return s
	}
	return s
}

// macDiskMaker names the maker of "APPLE HDD ST1000DM003" (Seagate) or
// "APPLE SSD AP0512R" (Apple's own).
func macDiskMaker(model string) string {
	for _, p := range []string{"APPLE HDD ", "APPLE SSD "} {
		if rest, ok := strings.CutPrefix(strings.ToUpper(model), p); ok {
			if m := diskManufacturer(rest, ""); m != "" {
				return m
			}
			return "Apple"
		}
	}
	return diskManufacturer(model, "")
}
