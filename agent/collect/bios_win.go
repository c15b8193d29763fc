package collect

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qBIOS      = "SELECT Manufacturer, ReleaseDate, SerialNumber, SMBIOSBIOSVersion FROM Win32_BIOS"
	qBaseBoard = "SELECT Manufacturer, Product, SerialNumber FROM Win32_BaseBoard"
)

// windowsBios fills the bios section from the SMBIOS facts WMI exposes:
// BIOS (type 0), system (1), board (2) and enclosure (3).
func windowsBios(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	bios, err := winQueryFirst(ctx, env, nsCIMV2, qBIOS)
	if err != nil {
		return fmt.Errorf("bios: %w", err)
	}
	b := &inventory.Bios{
		BManufacturer: winClean(wStr(bios, "Manufacturer")),
		BVersion:      wStr(bios, "SMBIOSBIOSVersion"),
		BDate:         cimDate(wStr(bios, "ReleaseDate")),
		BiosSerial:    winClean(wStr(bios, "SerialNumber")),
	}
	if cs, err := winQueryFirst(ctx, env, nsCIMV2, qComputerSystem); err == nil {
		b.SManufacturer = winClean(wStr(cs, "Manufacturer"))
		b.SModel = winClean(wStr(cs, "Model"))
		b.SKUNumber = winClean(wStr(cs, "SystemSKUNumber"))
	}
	if p, err := winQueryFirst(ctx, env, nsCIMV2, qProduct); err == nil {
		b.SSN = winClean(wStr(p, "IdentifyingNumber"))
		if b.SManufacturer == "" {
			b.SManufacturer = winClean(wStr(p, "Vendor"))
		}
		if b.SModel == "" {
			b.SModel = winClean(wStr(p, "Name"))
		}
	}
	if b.SSN == "" {
		b.SSN = b.BiosSerial
	}
	if bb, err := winQueryFirst(ctx, env, nsCIMV2, qBaseBoard); err == nil {
		b.MManufacturer = winClean(wStr(bb, "Manufacturer"))
		b.MModel = winClean(wStr(bb, "Product"))
		b.MSN = winClean(wStr(bb, "SerialNumber"))
	}
	if e, err := winQueryFirst(ctx, env, nsCIMV2, qEnclosure); err == nil {
		b.AssetTag = winClean(wStr(e, "SMBIOSAssetTag"))
		b.EnclosureSerial = winClean(wStr(e, "SerialNumber"))
	}
	b.SecureBoot = winSecureBoot(env)
	r.Content.Bios = b
	return nil
}

// winSecureBoot reads the firmware's Secure Boot state as Windows recorded
// it at boot. The key exists only on UEFI machines; "" when it cannot be
// read.
func winSecureBoot(env *Env) string {
	v, err := winReg(env, "HKLM", `SYSTEM\CurrentControlSet\Control\SecureBoot\State`)
	if err != nil {
		return ""
	}
	n, ok := wNum(v, "UEFISecureBootEnabled")
	switch {
	case !ok:
		return "unsupported"
	case n == 0:
		return "disabled"
	}
	return "enabled"
}
