package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

const (
	qBattery           = "SELECT Chemistry, DesignVoltage, Name FROM Win32_Battery"
	qBatteryStatic     = "SELECT Chemistry, DesignedCapacity, DeviceName, InstanceName, ManufactureDate, ManufactureName, SerialNumber FROM BatteryStaticData"
	qBatteryFullCharge = "SELECT FullChargedCapacity, InstanceName FROM BatteryFullChargedCapacity"
)

// windowsBatteries lists batteries. Win32_Battery knows little (a name,
// the chemistry, the voltage); the battery driver's classes in root\WMI
// give the maker, serial, design and full-charge capacities. Those need
// administrator rights, so without them the Win32_Battery facts remain.
func windowsBatteries(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	basic, err := winQuery(ctx, env, nsCIMV2, qBattery)
	if err != nil {
		return fmt.Errorf("batteries: %w", err)
	}
	if len(basic) == 0 {
		return fmt.Errorf("no battery: %w", ErrNoData)
	}
	static, err := winQuery(ctx, env, nsWMI, qBatteryStatic)
	if err != nil {
		env.logger().Debug("BatteryStaticData unavailable", "err", err)
		static = nil
	}
	full := map[string]int64{}
	if rows, err := winQuery(ctx, env, nsWMI, qBatteryFullCharge); err == nil {
		for _, f := range rows {
			full[wStr(f, "InstanceName")] = wNum0(f, "FullChargedCapacity")
		}
	}
	n := max(len(basic), len(static))
	for i := range n {
		var b inventory.Battery
		if i < len(basic) {
			w := basic[i]
			b.Name = wStr(w, "Name")
			b.Chemistry = winChemistry(wNum0(w, "Chemistry"))
			b.Voltage = wNum0(w, "DesignVoltage")
		}
		if i < len(static) {
			s := static[i]
			b.Name = winOr(wStr(s, "DeviceName"), b.Name)
			b.Manufacturer = wStr(s, "ManufactureName")
			b.Serial = winClean(wStr(s, "SerialNumber"))
			b.Capacity = wNum0(s, "DesignedCapacity")
			b.RealCapacity = full[wStr(s, "InstanceName")]
			b.Date = cimDate(wStr(s, "ManufactureDate"))
			if c := winChemistryCode(wNum0(s, "Chemistry")); c != "" {
				b.Chemistry = c
			}
		}
		r.Content.Batteries = append(r.Content.Batteries, b)
	}
	return nil
}

func winOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// winChemistry maps Win32_Battery.Chemistry.
func winChemistry(c int64) string {
	names := map[int64]string{3: "Lead Acid", 4: "NiCd", 5: "NiMH", 6: "Li-ion", 7: "Zinc Air", 8: "LiPo"}
	return names[c]
}

// winChemistryCode decodes BatteryStaticData.Chemistry, four ASCII letters
// packed little-endian in a uint32 ("LION", "LiP ", "PbAc").
func winChemistryCode(c int64) string {
	if c <= 0 || c > 0xFFFFFFFF {
		return ""
	}
	var b []byte
	for i := 0; i < 4; i++ {
		ch := byte(c >> (8 * i))
		if ch == 0 {
			break
		}
		if ch < 0x20 || ch > 0x7e {
			return ""
		}
		b = append(b, ch)
	}
	code := strings.ToUpper(strings.TrimSpace(string(b)))
	switch code {
	case "LION", "LI-I", "LI":
		return "Li-ion"
	case "LIP", "LIPO":
		return "LiPo"
	case "PBAC":
		return "Lead Acid"
	case "NICD":
		return "NiCd"
	case "NIMH":
		return "NiMH"
	case "NIZN":
		return "NiZn"
	}
	return code
}
