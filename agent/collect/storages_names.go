package collect

import "strings"

// diskManufacturer names the maker of a disk from its model prefix, as
// the vendor field of SATA disks is the useless "ATA". The SCSI vendor is
// kept when it is a real name.
func diskManufacturer(model, vendor string) string {
	m := strings.ToUpper(model)
	for _, p := range []struct{ prefix, name string }{
		{"SAMSUNG", "Samsung"}, {"MZ", "Samsung"}, {"WDC", "Western Digital"}, {"WD", "Western Digital"},
		{"ST", "Seagate"}, {"TOSHIBA", "Toshiba"}, {"KXG", "Toshiba"}, {"KIOXIA", "Kioxia"},
		{"HGST", "HGST"}, {"HITACHI", "Hitachi"}, {"INTEL", "Intel"}, {"SSDPE", "Intel"},
		{"CT", "Crucial"}, {"CRUCIAL", "Crucial"}, {"MICRON", "Micron"}, {"MTFD", "Micron"},
		{"KINGSTON", "Kingston"}, {"SANDISK", "SanDisk"}, {"SK HYNIX", "SK Hynix"}, {"HFS", "SK Hynix"},
		{"PC SN", "Western Digital"}, {"LITEON", "Lite-On"}, {"LITE-ON", "Lite-On"}, {"ADATA", "ADATA"},
		{"MAXTOR", "Maxtor"}, {"FUJITSU", "Fujitsu"}, {"APPLE", "Apple"}, {"PLEXTOR", "Plextor"},
		{"TRANSCEND", "Transcend"}, {"VBOX", "VirtualBox"}, {"QEMU", "QEMU"}, {"VMWARE", "VMware"},
	} {
		if strings.HasPrefix(m, p.prefix) {
			return p.name
		}
	}
	if v := strings.TrimSpace(vendor); v != "" && !strings.EqualFold(v, "ATA") {
		return v
	}
	return ""
}

// pciVendorName names the PCI vendors of NVMe controllers.
func pciVendorName(id string) string {
	return map[string]string{
		"144d": "Samsung", "15b7": "SanDisk", "1c5c": "SK Hynix", "1e0f": "Kioxia",
		"1179": "Toshiba", "8086": "Intel", "c0a9": "Micron", "1344": "Micron",
		"126f": "Silicon Motion", "1987": "Phison", "1cc1": "ADATA", "2646": "Kingston",
		"1e4b": "Maxio", "1d97": "Shenzhen Longsys", "106b": "Apple", "1b4b": "Marvell",
		"1bb1": "Seagate", "1c58": "HGST", "1b36": "QEMU", "1af4": "Red Hat, Inc. (virtio)", "10de": "NVIDIA", "1022": "AMD",
	}[id]
}

// mmcVendor names the JEDEC manufacturer of an eMMC or SD card.
func mmcVendor(id string) string {
	return map[string]string{
		"000015": "Samsung", "000090": "SK Hynix", "000013": "Micron", "000011": "Toshiba",
		"000045": "SanDisk", "000003": "SanDisk", "000070": "Kingston", "000088": "Foresee",
	}[id]
}
