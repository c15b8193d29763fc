package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qDiskDrive    = "SELECT DeviceID, FirmwareRevision, Index, InterfaceType, MediaType, Model, SCSIBus, SCSILogicalUnit, SCSIPort, SCSITargetId, SerialNumber, Size FROM Win32_DiskDrive"
	qPhysicalDisk = "SELECT BusType, DeviceId, FirmwareVersion, Manufacturer, MediaType, SerialNumber FROM MSFT_PhysicalDisk"
)

// windowsStorages lists physical disks. Win32_DiskDrive says NVMe disks are
// "SCSI" and never tells SSD from HDD, so the Storage Management API's
// MSFT_PhysicalDisk (Windows 8 and later) supplies the bus and media type
// when it answers.
func windowsStorages(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	disks, err := winQuery(ctx, env, nsCIMV2, qDiskDrive)
	if err != nil {
		return fmt.Errorf("disk drives: %w", err)
	}
	if len(disks) == 0 {
		return fmt.Errorf("Win32_DiskDrive has no instance: %w", ErrNoData)
	}
	phys := map[string]wrow{}
	if rows, err := winQuery(ctx, env, nsStorage, qPhysicalDisk); err == nil {
		for _, p := range rows {
			phys[wStr(p, "DeviceId")] = p
		}
	} else {
		env.logger().Debug("MSFT_PhysicalDisk unavailable", "err", err)
	}
	for _, d := range disks {
		r.Content.Storages = append(r.Content.Storages, winStorage(d, phys[wStr(d, "Index")]))
	}
	return nil
}

func winStorage(d, p wrow) inventory.Storage {
	s := inventory.Storage{
		Name:      wStr(d, "DeviceID"),
		Model:     wStr(d, "Model"),
		DiskSize:  wNum0(d, "Size") / 1_000_000,
		Firmware:  wStr(d, "FirmwareRevision"),
		Interface: wStr(d, "InterfaceType"),
		Serial:    winDiskSerial(wStr(d, "SerialNumber")),
		Type:      "disk",
		SCSICoID:  wStr(d, "SCSIPort"),
		SCSIChID:  wStr(d, "SCSIBus"),
		SCSIUnID:  wStr(d, "SCSITargetId"),
		SCSILun:   wStr(d, "SCSILogicalUnit"),
	}
	if m := strings.ToLower(wStr(d, "MediaType")); strings.Contains(m, "removable") || strings.Contains(m, "external") {
		s.Type = "removable"
	}
	if p != nil {
		if bus := winBusType(wNum0(p, "BusType")); bus != "" {
			s.Interface = bus
		}
		switch wNum0(p, "MediaType") {
		case 3:
			s.Description = "HDD"
		case 4:
			s.Description = "SSD"
		case 5:
			s.Description = "SCM"
		}
		if serial := winDiskSerial(wStr(p, "SerialNumber")); serial != "" {
			s.Serial = serial
		}
		if fw := wStr(p, "FirmwareVersion"); fw != "" {
			s.Firmware = fw
		}
		s.Manufacturer = winClean(wStr(p, "Manufacturer"))
	}
	if s.Manufacturer == "" {
		s.Manufacturer = winDiskMaker(s.Model)
	}
	return s
}

// winDiskSerial trims the padding and the trailing "." Windows appends to
// NVMe serials built from the EUI-64 ("0025_38B2_21B4_5E12.").
func winDiskSerial(s string) string {
	return winClean(strings.TrimRight(strings.TrimSpace(s), "."))
}

// winBusType names MSFT_PhysicalDisk.BusType (STORAGE_BUS_TYPE).
func winBusType(code int64) string {
	names := map[int64]string{
		1: "SCSI", 2: "ATAPI", 3: "ATA", 4: "IEEE 1394", 5: "SSA", 6: "Fibre Channel",
		7: "USB", 8: "RAID", 9: "iSCSI", 10: "SAS", 11: "SATA", 12: "SD", 13: "MMC",
		14: "Virtual", 15: "File Backed Virtual", 16: "Storage Spaces", 17: "NVMe", 18: "SCM", 19: "UFS",
	}
	return names[code]
}

// winDiskMaker guesses the maker from the model string, which is all
// Windows knows for most disks (Win32_DiskDrive.Manufacturer is
// "(Standard disk drives)").
func winDiskMaker(model string) string {
	m := strings.ToUpper(model)
	fields := strings.Fields(m)
	first := ""
	if len(fields) > 0 {
		first = fields[0]
		if first == "NVME" && len(fields) > 1 {
			first = fields[1]
		}
	}
	switch {
	case strings.Contains(m, "SAMSUNG"):
		return "Samsung"
	case first == "WDC" || first == "WD" || strings.Contains(m, "WESTERN DIGITAL") || strings.Contains(m, " WD "):
		return "Western Digital"
	case strings.HasPrefix(first, "ST") && len(first) > 2 && first[2] >= '0' && first[2] <= '9':
		return "Seagate"
	case strings.Contains(m, "SEAGATE"):
		return "Seagate"
	case strings.Contains(m, "KIOXIA"):
		return "Kioxia"
	case strings.Contains(m, "TOSHIBA"):
		return "Toshiba"
	case strings.Contains(m, "INTEL"):
		return "Intel"
	case strings.Contains(m, "MICRON") || strings.HasPrefix(first, "MTFD"):
		return "Micron"
	case strings.Contains(m, "CRUCIAL") || strings.HasPrefix(first, "CT") && strings.ContainsAny(first[2:], "0123456789"):
		return "Crucial"
	case strings.Contains(m, "KINGSTON"):
		return "Kingston"
	case strings.Contains(m, "SANDISK"):
		return "SanDisk"
	case strings.Contains(m, "HYNIX"):
		return "SK Hynix"
	case strings.Contains(m, "HGST") || strings.Contains(m, "HITACHI"):
		return "HGST"
	case strings.Contains(m, "VMWARE"):
		return "VMware"
	case strings.HasPrefix(first, "MSFT") || strings.Contains(m, "MICROSOFT"):
		return "Microsoft"
	case strings.Contains(m, "QEMU"):
		return "QEMU"
	}
	return ""
}
