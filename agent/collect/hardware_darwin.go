package collect

import (
	"context"

	"github.com/shirou/gopsutil/v4/mem"

	"github.com/parcproject/parc/pkg/inventory"
)

// hardwareDarwin reads RAM (hw.memsize) and swap (vm.swapusage) through
// gopsutil's sysctl calls, then fills the rest as hardwareMacOS does.
func hardwareDarwin(ctx context.Context, env *Env, r *inventory.Report) error {
	var memTotal, swapTotal uint64
	if vm, err := mem.VirtualMemoryWithContext(ctx); err == nil {
		memTotal = vm.Total
	} else {
		env.logger().Debug("no memory size", "err", err)
	}
	if sw, err := mem.SwapMemoryWithContext(ctx); err == nil {
		swapTotal = sw.Total
	}
	return hardwareMacOS(ctx, env, r, macHostFacts(ctx), memTotal, swapTotal)
}
