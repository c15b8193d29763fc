package snmp

import (
	"context"
	"errors"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// HP-HTTP-MG (SEMI MIB) of HP ProCurve/Aruba switches: the version of
// their web management software, which is updated apart from the
// switch's own firmware.
const (
	oidHPEtherSwitch   = ".1.3.6.1.4.1.11.2.3.7.11"
	oidHPHttpMgVersion = ".1.3.6.1.4.1.11.2.36.1.1.2.6.0"
)

// readFirmwares lists the device's firmware and, on HP switches, the web
// management software's version, as GLPI Agent reports them.
func readFirmwares(ctx context.Context, r Reader, id *Identity) ([]inventory.Firmware, error) {
	var out []inventory.Firmware
	if id.Firmware != "" {
		out = append(out, inventory.Firmware{Name: firstNonEmpty(id.Model, "device"), Description: "device firmware",
			Type: "device", Version: id.Firmware, Manufacturer: id.Manufacturer})
	}
	if !strings.HasPrefix(id.SysObjectID+".", oidHPEtherSwitch+".") {
		return out, nil
	}
	v, err := r.Get(ctx, oidHPHttpMgVersion)
	if err != nil && !errors.Is(err, ErrNoResponse) {
		return out, err
	}
	if ver := cleanText(pduString(v[oidHPHttpMgVersion])); ver != "" {
		out = append(out, inventory.Firmware{Name: "HP-HttpMg-Version", Description: "HP Web Management Software version",
			Type: "system", Version: ver, Manufacturer: "HP"})
	}
	return out, nil
}
