package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qLogicalDisk       = "SELECT DeviceID, DriveType, FileSystem, FreeSpace, ProviderName, Size, VolumeName, VolumeSerialNumber FROM Win32_LogicalDisk"
	qEncryptableVolume = "SELECT ConversionStatus, DriveLetter, EncryptionMethod, ProtectionStatus FROM Win32_EncryptableVolume"
)

// windowsDrives lists the volumes that have a drive letter, with their
// BitLocker state when the agent may read it (the namespace requires
// administrator rights and exists only on editions with BitLocker).
func windowsDrives(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	disks, err := winQuery(ctx, env, nsCIMV2, qLogicalDisk)
	if err != nil {
		return fmt.Errorf("logical disks: %w", err)
	}
	system := ""
	if cv, err := winReg(env, "HKLM", regCurrentVersion); err == nil {
		if root := wStr(cv, "SystemRoot"); len(root) >= 2 && root[1] == ':' {
			system = strings.ToUpper(root[:2])
		}
	}
	bitlocker := map[string]wrow{}
	if vols, err := winQuery(ctx, env, nsBitLock, qEncryptableVolume); err == nil {
		for _, v := range vols {
			if l := strings.ToUpper(wStr(v, "DriveLetter")); l != "" {
				bitlocker[l] = v
			}
		}
	} else {
		env.logger().Debug("BitLocker state unavailable", "err", err)
	}
	for _, ld := range disks {
		kind := winDriveType(wNum0(ld, "DriveType"))
		if kind == "" {
			continue
		}
		letter := strings.ToUpper(wStr(ld, "DeviceID"))
		isSystem := letter != "" && letter == system
		d := inventory.Drive{
			Letter:      letter,
			Description: kind,
			FileSystem:  wStr(ld, "FileSystem"),
			Total:       winMiB(wNum0(ld, "Size")),
			Free:        winMiB(wNum0(ld, "FreeSpace")),
			Label:       wStr(ld, "VolumeName"),
			Serial:      wStr(ld, "VolumeSerialNumber"),
			Volumn:      wStr(ld, "ProviderName"),
			SystemDrive: &isSystem,
		}
		if v, ok := bitlocker[letter]; ok {
			winBitLocker(&d, v)
		}
		r.Content.Drives = append(r.Content.Drives, d)
	}
	if len(r.Content.Drives) == 0 {
		return fmt.Errorf("no volume with a drive letter: %w", ErrNoData)
	}
	return nil
}

// winDriveType names Win32_LogicalDisk.DriveType in English whatever the
// system language, so a park's drives compare across machines; "" for
// the types that are not volumes (0 unknown, 1 no root directory).
func winDriveType(t int64) string {
	switch t {
	case 2:
		return "Removable Disk"
	case 3:
		return "Local Fixed Disk"
	case 4:
		return "Network Connection"
	case 5:
		return "Compact Disc"
	case 6:
		return "RAM Disk"
	}
	return ""
}

// winBitLocker copies a Win32_EncryptableVolume state: ConversionStatus
// says how much of the volume is encrypted, EncryptionMethod with what, and
// ProtectionStatus whether the key is protected. "Yes" means encrypted and
// protected; a fully encrypted volume whose protection is suspended (key
// stored in clear, as during a BIOS update or on Home editions before
// sign-in) or a conversion under way is "Partially".
func winBitLocker(d *inventory.Drive, v wrow) {
	d.EncryptName = "BitLocker"
	switch wNum0(v, "ConversionStatus") {
	case 0:
		d.EncryptStat = "No"
		return
	case 1:
		d.EncryptStat = "Yes"
		if wNum0(v, "ProtectionStatus") != 1 {
			d.EncryptStat = "Partially"
		}
	default: // encrypting, decrypting, or paused in either
		d.EncryptStat = "Partially"
	}
	method := wNum0(v, "EncryptionMethod")
	algos := map[int64]string{
		1: "AES_128_WITH_DIFFUSER", 2: "AES_256_WITH_DIFFUSER", 3: "AES_128", 4: "AES_256",
		5: "HARDWARE_ENCRYPTION", 6: "XTS_AES_128", 7: "XTS_AES_256",
	}
	d.EncryptAlgo = algos[method]
	d.EncryptType = "software"
	if method == 5 {
		d.EncryptType = "hardware"
	}
}
