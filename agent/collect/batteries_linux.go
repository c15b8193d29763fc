package collect

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("batteries", batteriesLinux) }

// batteriesLinux reads the system batteries of /sys/class/power_supply
// (not those of wireless mice, whose scope is "Device"). Capacities come
// in µWh, or in µAh to be multiplied by the design voltage (µV).
func batteriesLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	entries, _ := env.ReadDir("/sys/class/power_supply")
	for _, e := range entries {
		dir := "/sys/class/power_supply/" + e.Name()
		if sysString(env, dir+"/type") != "Battery" || sysString(env, dir+"/scope") == "Device" {
			continue
		}
		r.Content.Batteries = append(r.Content.Batteries, readBattery(env, dir))
	}
	if len(r.Content.Batteries) == 0 {
		return fmt.Errorf("no battery in /sys/class/power_supply: %w", ErrNoData)
	}
	return nil
}

func readBattery(env *Env, dir string) inventory.Battery {
	b := inventory.Battery{
		Name:         sysString(env, dir+"/model_name"),
		Manufacturer: sysString(env, dir+"/manufacturer"),
		Serial:       sysString(env, dir+"/serial_number"),
		Chemistry:    sysString(env, dir+"/technology"),
	}
	uv, _ := sysInt(env, dir+"/voltage_min_design")
	b.Voltage = uv / 1000
	energy := func(name string) int64 {
		if v, ok := sysInt(env, dir+"/energy_"+name); ok {
			return v / 1000 // µWh -> mWh
		}
		if v, ok := sysInt(env, dir+"/charge_"+name); ok && uv > 0 {
			return v * uv / 1_000_000_000 // µAh × µV -> mWh
		}
		return 0
	}
	b.Capacity, b.RealCapacity = energy("full_design"), energy("full")
	y, _ := sysInt(env, dir+"/manufacture_year")
	m, _ := sysInt(env, dir+"/manufacture_month")
	d, _ := sysInt(env, dir+"/manufacture_day")
	if y > 1990 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
		b.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	}
	return b
}
