package collect

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/pkg/inventory"
)

// The macOS collectors that read only files and system_profiler have no
// build constraint, so the fixture tests run them on Linux;
// register_darwin.go registers them on macOS with the ones that need
// the live kernel (sysctl, getifaddrs, getfsstat).

// macProfileCollector makes a collector of one section of the shared
// system_profiler answer.
func macProfileCollector[T any](section string, list func(*macProfile) []T, set func(*inventory.Content, []T)) Func {
	return func(ctx context.Context, env *Env, r *inventory.Report) error {
		p, err := readMacProfile(ctx, env)
		if err != nil {
			return err
		}
		items := list(p)
		if len(items) == 0 {
			return fmt.Errorf("system_profiler lists no %s: %w", section, ErrNoData)
		}
		set(&r.Content, items)
		return nil
	}
}

var (
	memoriesMacOS = macProfileCollector("memory", macMemories,
		func(c *inventory.Content, v []inventory.Memory) { c.Memories = v })
	videosMacOS = macProfileCollector("GPU", macVideos,
		func(c *inventory.Content, v []inventory.Video) { c.Videos = v })
	monitorsMacOS = macProfileCollector("display", macMonitors,
		func(c *inventory.Content, v []inventory.Monitor) { c.Monitors = v })
	batteriesMacOS = macProfileCollector("battery", macBatteries,
		func(c *inventory.Content, v []inventory.Battery) { c.Batteries = v })
	storagesMacOS = macProfileCollector("disk", macStorages,
		func(c *inventory.Content, v []inventory.Storage) { c.Storages = v })
)

// biosMacOS fills the bios section from SPHardwareDataType.
func biosMacOS(ctx context.Context, env *Env, r *inventory.Report) error {
	p, err := readMacProfile(ctx, env)
	if err != nil {
		return err
	}
	b := macBios(p)
	if b == nil {
		return fmt.Errorf("system_profiler gives no hardware overview: %w", ErrNoData)
	}
	r.Content.Bios = b
	return nil
}

// hardwareMacOS fills the hardware section: the host facts, then what
// system_profiler adds (UUID, chassis, virtualisation). RAM and swap come
// from sysctl when the kernel facts give them (memTotal, swapTotal in
// bytes), else from the profile.
func hardwareMacOS(ctx context.Context, env *Env, r *inventory.Report, h macHost, memTotal, swapTotal uint64) error {
	if h.HostName == "" {
		return fmt.Errorf("no host name: %w", ErrNoData)
	}
	hw := macHardwareBase(env, h.HostName)
	hw.Memory = int64(memTotal >> 20)
	hw.Swap = int64(swapTotal >> 20)
	r.Content.Hardware = hw
	p, err := readMacProfile(ctx, env)
	if err != nil {
		env.logger().Debug("no system_profiler for hardware", "err", err)
		return nil
	}
	if ph := macHardware(p); ph != nil {
		// Fields already set win: sysctl's exact RAM over the profile's "16 GB".
		mergeContent(&r.Content, &inventory.Content{Hardware: ph})
	}
	return nil
}
