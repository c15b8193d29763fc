package collect

import (
	"context"
	"fmt"

	"github.com/shirou/gopsutil/v4/disk"

	"github.com/parcproject/parc/pkg/inventory"
)

// drivesDarwin lists the mounted volumes (getfsstat) with their size and
// free space (statfs), leaving out macOS's synthetic system volumes.
func drivesDarwin(ctx context.Context, env *Env, r *inventory.Report) error {
	parts, err := disk.PartitionsWithContext(ctx, false)
	if err != nil {
		return fmt.Errorf("list mounts: %w", err)
	}
	for _, p := range parts {
		m := macMount{Device: p.Device, Mountpoint: p.Mountpoint, Fstype: p.Fstype, Opts: p.Opts}
		if macSkipMount(m) {
			continue
		}
		if u, err := disk.UsageWithContext(ctx, p.Mountpoint); err == nil {
			m.Total, m.Free = u.Total, u.Free
		}
		r.Content.Drives = append(r.Content.Drives, macDrive(m))
	}
	if len(r.Content.Drives) == 0 {
		return fmt.Errorf("no mounted volume: %w", ErrNoData)
	}
	return nil
}
