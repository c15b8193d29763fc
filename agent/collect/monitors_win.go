package collect

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/parcproject/parc/agent/internal/edid"
	"github.com/parcproject/parc/pkg/inventory"
)

const (
	regDisplayEnum = `SYSTEM\CurrentControlSet\Enum\DISPLAY`
	qMonitorID     = "SELECT Active, InstanceName FROM WmiMonitorID"
)

var reInstanceSuffix = regexp.MustCompile(`_\d+$`)

// windowsMonitors decodes the EDID Windows stores for each display device.
// The registry remembers every monitor ever plugged in, so only those
// WmiMonitorID lists as active are kept; when that class does not answer,
// a device counts as present if PnP gave it the volatile "Control" subkey
// it holds only while the device is there.
func windowsMonitors(ctx context.Context, env *Env, r *inventory.Report) error {
	if env.Registry == nil {
		return fmt.Errorf("no registry on this system: %w", ErrNoData)
	}
	var present map[string]bool
	if rows, err := winQuery(ctx, env, nsWMI, qMonitorID); err == nil {
		present = map[string]bool{}
		for _, m := range rows {
			if _, ok := m["Active"]; ok && !wBool(m, "Active") {
				continue
			}
			present[strings.ToUpper(reInstanceSuffix.ReplaceAllString(wStr(m, "InstanceName"), ""))] = true
		}
	} else {
		env.logger().Debug("WmiMonitorID unavailable, using PnP presence", "err", err)
	}
	models, err := winSubKeys(env, "HKLM", regDisplayEnum)
	if err != nil {
		return fmt.Errorf("list display devices: %w", err)
	}
	seen := map[string]bool{}
	for _, model := range models {
		instances, err := winSubKeys(env, "HKLM", regDisplayEnum+`\`+model)
		if err != nil {
			continue
		}
		for _, inst := range instances {
			key := regDisplayEnum + `\` + model + `\` + inst
			if !winDisplayPresent(env, present, `DISPLAY\`+model+`\`+inst, key) {
				continue
			}
			m, ok := winMonitor(env, key)
			if !ok {
				continue
			}
			id := m.Manufacturer + "|" + m.Caption + "|" + m.Serial + "|" + m.AltSerial
			if seen[id] {
				continue
			}
			seen[id] = true
			r.Content.Monitors = append(r.Content.Monitors, m)
		}
	}
	if len(r.Content.Monitors) == 0 {
		return fmt.Errorf("no monitor with an EDID: %w", ErrNoData)
	}
	return nil
}

func winDisplayPresent(env *Env, present map[string]bool, instance, key string) bool {
	if present != nil {
		return present[strings.ToUpper(instance)]
	}
	sub, err := winSubKeys(env, "HKLM", key)
	if err != nil {
		return false
	}
	for _, s := range sub {
		if strings.EqualFold(s, "Control") {
			return true
		}
	}
	return false
}

func winMonitor(env *Env, key string) (inventory.Monitor, bool) {
	params, err := winReg(env, "HKLM", key+`\Device Parameters`)
	if err != nil {
		return inventory.Monitor{}, false
	}
	raw, ok := params["EDID"].([]byte)
	if !ok {
		return inventory.Monitor{}, false
	}
	info, err := edid.Parse(raw)
	if err != nil {
		env.logger().Debug("bad EDID", "key", key, "err", err)
		return inventory.Monitor{}, false
	}
	return info.Monitor(), true
}
