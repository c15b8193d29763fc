package collect

import (
	"context"
	"fmt"

	"github.com/shirou/gopsutil/v4/cpu"

	"github.com/parcproject/parc/pkg/inventory"
)

// cpusDarwin reads machdep.cpu and hw.physicalcpu/hw.logicalcpu through
// gopsutil; on Apple silicon the clock comes from IOKit, which gopsutil
// opens through purego, without cgo.
func cpusDarwin(ctx context.Context, env *Env, r *inventory.Report) error {
	infos, err := cpu.InfoWithContext(ctx)
	if err != nil || len(infos) == 0 {
		return fmt.Errorf("read sysctl machdep.cpu: %v: %w", err, ErrNoData)
	}
	i := infos[0]
	physical, _ := cpu.CountsWithContext(ctx, false)
	logical, _ := cpu.CountsWithContext(ctx, true)
	info := macCPUInfo{
		Model: i.ModelName, Vendor: i.VendorID, Family: i.Family, ModelNumber: i.Model,
		Stepping: int(i.Stepping), Cores: int(i.Cores), Mhz: i.Mhz,
	}
	cpus := macCPUs(info, physical, logical, macHostFacts(ctx).Arch)
	if len(cpus) == 0 {
		return fmt.Errorf("sysctl gives no processor name: %w", ErrNoData)
	}
	r.Content.CPUs = cpus
	return nil
}
