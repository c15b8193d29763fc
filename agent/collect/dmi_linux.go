package collect

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/parcproject/parc/agent/internal/smbios"
)

// readDMI decodes the raw SMBIOS table the kernel exposes (root only). As
// an unprivileged user it falls back to /sys/class/dmi/id, which gives the
// BIOS, system, board and chassis facts except some serials and the UUID,
// but no processors or memory modules. A machine without DMI (containers,
// most ARM boards) gives ErrNoData.
func readDMI(env *Env) (*smbios.Info, error) {
	table, err := env.ReadFile("/sys/firmware/dmi/tables/DMI")
	if err == nil {
		v := smbios.Version{Major: 2, Minor: 0}
		if ep, err := env.ReadFile("/sys/firmware/dmi/tables/smbios_entry_point"); err == nil {
			if pv, err := smbios.ParseEntryPoint(ep); err == nil {
				v = pv
			}
		}
		info, err := smbios.Decode(table, v)
		if info != nil {
			if err != nil {
				env.logger().Debug("smbios table partly decoded", "err", err)
			}
			return info, nil
		}
		return nil, fmt.Errorf("decode smbios table: %w", err)
	}
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
		return nil, fmt.Errorf("read smbios table: %w", err)
	}
	info := dmiFromSysfs(env)
	if info == nil {
		return nil, fmt.Errorf("no DMI table nor /sys/class/dmi/id: %w", ErrNoData)
	}
	return info, nil
}

// dmiFromSysfs builds the structures /sys/class/dmi/id describes; unset
// and unreadable (root-only) files are left empty.
func dmiFromSysfs(env *Env) *smbios.Info {
	if !env.Exists("/sys/class/dmi/id") {
		return nil
	}
	id := func(name string) string { return cleanDMI(sysString(env, "/sys/class/dmi/id/"+name)) }
	info := &smbios.Info{
		BIOS: &smbios.BIOS{Vendor: id("bios_vendor"), Version: id("bios_version"), ReleaseDate: id("bios_date")},
		System: &smbios.System{
			Manufacturer: id("sys_vendor"), Product: id("product_name"), Version: id("product_version"),
			Serial: id("product_serial"), UUID: strings.ToUpper(id("product_uuid")),
			SKU: id("product_sku"), Family: id("product_family"),
		},
		Baseboard: &smbios.Baseboard{
			Manufacturer: id("board_vendor"), Product: id("board_name"), Version: id("board_version"),
			Serial: id("board_serial"), AssetTag: id("board_asset_tag"),
		},
		Chassis: &smbios.Chassis{
			Manufacturer: id("chassis_vendor"), Type: chassisFromCode(id("chassis_type")),
			Version: id("chassis_version"), Serial: id("chassis_serial"), AssetTag: id("chassis_asset_tag"),
		},
	}
	if *info.System == (smbios.System{}) && *info.BIOS == (smbios.BIOS{}) {
		return nil
	}
	return info
}

// cleanDMI drops bytes that are not printable ASCII, as the raw decoder
// does, so both paths give the same strings.
func cleanDMI(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f {
			return -1
		}
		return r
	}, s))
}

// readLink reads a symbolic link below Root.
func readLink(env *Env, p string) (string, error) {
	return os.Readlink(env.Path(p))
}
