package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("storages", storagesLinux) }

// storagesLinux lists the physical disks of /sys/block: SATA/SAS/USB (sd),
// NVMe namespaces, virtio (vd), Xen (xvd), MMC and optical drives. Virtual
// block devices (loop, ram, zram, device-mapper, md) are volumes, not
// disks, and are skipped.
func storagesLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	entries, err := env.ReadDir("/sys/block")
	if err != nil {
		return fmt.Errorf("read /sys/block: %w", ErrNoData)
	}
	for _, e := range entries {
		name := e.Name()
		if !isPhysicalDisk(name) {
			continue
		}
		r.Content.Storages = append(r.Content.Storages, readDisk(env, name))
	}
	if len(r.Content.Storages) == 0 {
		return fmt.Errorf("no physical disk in /sys/block: %w", ErrNoData)
	}
	return nil
}

func isPhysicalDisk(name string) bool {
	for _, p := range []string{"sd", "nvme", "vd", "xvd", "hd", "mmcblk", "sr"} {
		if strings.HasPrefix(name, p) {
			// mmcblk0boot0/rpmb are hardware partitions of the same chip.
			return !strings.Contains(name, "boot") && !strings.HasSuffix(name, "rpmb")
		}
	}
	return false
}

func readDisk(env *Env, name string) inventory.Storage {
	dir := "/sys/block/" + name
	dev := dir + "/device"
	s := inventory.Storage{
		Name:     name,
		Model:    sysString(env, dev+"/model"),
		Serial:   firstOf(sysString(env, dev+"/serial"), vpdSerial(env, dev)),
		Firmware: firstOf(sysString(env, dev+"/firmware_rev"), sysString(env, dev+"/rev"), sysString(env, dev+"/fwrev")),
		WWN:      diskWWN(env, dir),
		Type:     "disk",
	}
	if n, ok := sysInt(env, dir+"/size"); ok { // 512-byte sectors, whatever the real sector size
		s.DiskSize = n * 512 / 1_000_000
	}
	if strings.HasPrefix(name, "mmcblk") {
		s.Model = sysString(env, dev+"/name")
		s.Manufacturer = mmcVendor(sysHex(env, dev+"/manfid"))
	}
	link, _ := readLink(env, dir)
	s.Interface = diskInterface(name, link)
	rotational, _ := sysInt(env, dir+"/queue/rotational")
	switch {
	case strings.HasPrefix(name, "sr"):
		s.Type, s.Description = "cdrom", "CD/DVD"
	case rotational == 1:
		s.Description = "HDD"
	default:
		s.Description = "SSD"
	}
	if rm, _ := sysInt(env, dir+"/removable"); rm == 1 && s.Type == "disk" {
		s.Type = "removable"
	}
	if s.Manufacturer == "" {
		vendor := sysString(env, dev+"/vendor")
		if strings.HasPrefix(vendor, "0x") { // virtio gives a PCI vendor ID
			vendor = pciVendorName(strings.TrimPrefix(vendor, "0x"))
		}
		if strings.HasPrefix(name, "nvme") {
			vendor = pciVendorName(sysHex(env, dev+"/device/vendor"))
		}
		s.Manufacturer = diskManufacturer(s.Model, vendor)
	}
	return s
}

// vpdSerial reads the unit serial number page (0x80) of a SCSI device:
// 4 header bytes then ASCII.
func vpdSerial(env *Env, dev string) string {
	b, err := env.ReadFile(dev + "/vpd_pg80")
	if err != nil || len(b) <= 4 {
		return ""
	}
	return cleanDMI(string(b[4:]))
}

// diskWWN reads the world wide name ("naa.5002538e40a1b2c3", or NVMe's
// "eui."/"nvme." identifiers) as sysfs gives it.
func diskWWN(env *Env, dir string) string {
	return firstOf(sysString(env, dir+"/wwid"), sysString(env, dir+"/device/wwid"))
}

// diskInterface deduces the bus from the name and the device path the
// /sys/block link points to, e.g. ".../ata1/host0/..." or ".../usb2/...".
func diskInterface(name, link string) string {
	switch {
	case strings.HasPrefix(name, "nvme"):
		return "NVMe"
	case strings.HasPrefix(name, "mmcblk"):
		return "MMC"
	case strings.HasPrefix(name, "vd"):
		return "virtio"
	case strings.HasPrefix(name, "xvd"):
		return "Xen"
	case strings.HasPrefix(name, "hd"):
		return "IDE"
	case strings.Contains(link, "/usb"):
		return "USB"
	case strings.Contains(link, "/ata"):
		return "SATA"
	case strings.Contains(link, "/virtio"):
		return "virtio"
	}
	return "SCSI"
}
