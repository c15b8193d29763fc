package collect

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/parcproject/parc/agent/internal/edid"
	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("monitors", monitorsLinux) }

// monitorsLinux decodes the EDID of every connected DRM connector
// (/sys/class/drm/card0-HDMI-A-1/edid...). The port is the connector name.
func monitorsLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	files, _ := env.Glob("/sys/class/drm/card*-*/edid")
	for _, f := range files {
		b, err := env.ReadFile(f)
		if err != nil || len(b) == 0 {
			continue // a connector with nothing plugged in has an empty edid
		}
		info, err := edid.Parse(b)
		if err != nil {
			env.logger().Debug("bad edid", "file", f, "err", err)
			continue
		}
		m := info.Monitor()
		conn := path.Base(path.Dir(f))
		if _, port, ok := strings.Cut(conn, "-"); ok {
			m.Port = port
		}
		r.Content.Monitors = append(r.Content.Monitors, m)
	}
	if len(r.Content.Monitors) == 0 {
		return fmt.Errorf("no EDID in /sys/class/drm: %w", ErrNoData)
	}
	return nil
}
