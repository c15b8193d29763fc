package collect

import (
	"fmt"
	"strconv"

	"github.com/parcproject/parc/agent/internal/smbios"
	"github.com/parcproject/parc/pkg/inventory"
)

// These functions map a decoded SMBIOS table to inventory sections. They
// are OS-independent: Linux feeds them /sys/firmware/dmi/tables, Windows
// can feed them GetSystemFirmwareTable('RSMB') through smbios.ParseRSMB.

// smbiosBios fills the bios section (types 0, 1, 2 and 3).
func smbiosBios(info *smbios.Info) *inventory.Bios {
	b := &inventory.Bios{}
	if x := info.BIOS; x != nil {
		b.BManufacturer, b.BVersion, b.BDate = x.Vendor, x.Version, x.Date()
	}
	if x := info.System; x != nil {
		b.SManufacturer, b.SModel, b.SSN, b.SKUNumber = x.Manufacturer, x.Product, x.Serial, x.SKU
	}
	if x := info.Baseboard; x != nil {
		b.MManufacturer, b.MModel, b.MSN = x.Manufacturer, x.Product, x.Serial
		b.AssetTag = x.AssetTag
	}
	if x := info.Chassis; x != nil {
		b.EnclosureSerial = x.Serial
		// GLPI agents take the chassis asset tag first: that is the one
		// the firmware setup lets an administrator set.
		if x.AssetTag != "" {
			b.AssetTag = x.AssetTag
		}
	}
	return b
}

// smbiosMemories lists the slots of the system memory arrays (type 16 use
// 3), filled or empty, in table order; numslots counts from 1.
func smbiosMemories(info *smbios.Info) []inventory.Memory {
	var out []inventory.Memory
	for _, d := range info.MemoryDevices {
		arr := info.Array(d.ArrayHandle)
		if arr != nil && arr.Use != 3 {
			continue // flash, video or cache memory
		}
		m := inventory.Memory{
			Capacity:     d.SizeMiB,
			Caption:      d.Locator,
			Description:  d.FormFactor,
			Manufacturer: d.Manufacturer,
			SerialNumber: d.Serial,
			Model:        d.PartNumber,
			Type:         d.Type,
			NumSlots:     int64(len(out) + 1),
		}
		if arr != nil {
			m.MemoryCorrection = arr.ErrorCorrection
		}
		if s := firstNonZero(d.Speed, d.ConfiguredSpeed); s > 0 {
			m.Speed = strconv.Itoa(s) + " MT/s"
		}
		if d.SizeMiB == 0 {
			m.Type, m.Manufacturer, m.SerialNumber, m.Model = "", "", "", ""
		}
		out = append(out, m)
	}
	return out
}

func firstNonZero(v ...int) int {
	for _, x := range v {
		if x != 0 {
			return x
		}
	}
	return 0
}

// smbiosProcessors returns the populated sockets.
func smbiosProcessors(info *smbios.Info) []smbios.Processor {
	var out []smbios.Processor
	for _, p := range info.Processors {
		if p.Populated {
			out = append(out, p)
		}
	}
	return out
}

// chassisFromCode names a /sys/class/dmi/id/chassis_type number.
func chassisFromCode(s string) string {
	n, err := strconv.ParseUint(s, 10, 8)
	if err != nil {
		return ""
	}
	return smbios.ChassisTypeName(uint8(n) & 0x7f)
}

// vmFromDMI recognises hypervisors by the system maker and model that
// their virtual firmware reports; "" means no known hypervisor.
func vmFromDMI(maker, product, biosVendor string) string {
	all := fmt.Sprintf("%s|%s|%s", maker, product, biosVendor)
	for _, v := range []struct{ needle, name string }{
		{"VMware", "VMware"}, {"VirtualBox", "VirtualBox"}, {"innotek", "VirtualBox"},
		{"QEMU", "QEMU"}, {"KVM", "KVM"}, {"Bochs", "QEMU"}, {"Xen", "Xen"},
		{"Parallels", "Parallels"}, {"Amazon EC2", "KVM"}, {"Google Compute Engine", "KVM"},
		{"OpenStack", "KVM"}, {"bhyve", "bhyve"},
	} {
		if containsFold(all, v.needle) {
			return v.name
		}
	}
	if containsFold(maker, "Microsoft Corporation") && containsFold(product, "Virtual Machine") {
		return "Hyper-V"
	}
	return ""
}
