package collect

import (
	"context"
	"fmt"

	"github.com/parcproject/parc/agent/internal/smbios"
	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("cpus", cpusLinux) }

// cpusLinux lists one entry per physical processor: /proc/cpuinfo gives
// the name, family, model and topology; SMBIOS type 4, when readable, adds
// the family name, CPUID bytes, bus clock and nominal speed.
func cpusLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	b, err := env.ReadFile("/proc/cpuinfo")
	if err != nil {
		return fmt.Errorf("read cpuinfo: %w", ErrNoData)
	}
	sockets := parseCPUInfo(b)
	if len(sockets) == 0 {
		return fmt.Errorf("no processor in cpuinfo: %w", ErrNoData)
	}
	var procs []smbios.Processor
	if dmi, err := readDMI(env); err == nil {
		procs = smbiosProcessors(dmi)
	}
	arch := kernelArch(env)
	for i, s := range sockets {
		c := inventory.CPU{
			Arch:         arch,
			Name:         s.ModelName,
			Manufacturer: cpuVendorName(s.Vendor),
			FamilyNumber: s.Family,
			Model:        s.Model,
			Stepping:     s.Stepping,
			Core:         s.Cores,
			CoreCount:    s.Cores,
			Speed:        speedFromName(s.ModelName),
		}
		if c.Core == 0 {
			c.Core, c.CoreCount = s.Logical, s.Logical // ARM: one thread per core
		}
		threads := s.Siblings
		if threads == 0 {
			threads = s.Logical
		}
		if c.Core > 0 {
			c.Thread = threads / c.Core
		}
		if i < len(procs) {
			mergeSMBIOSCPU(&c, procs[i])
		}
		if c.Speed == 0 {
			c.Speed = int64(s.MHz + 0.5)
		}
		r.Content.CPUs = append(r.Content.CPUs, c)
	}
	return nil
}

func mergeSMBIOSCPU(c *inventory.CPU, p smbios.Processor) {
	c.FamilyName = p.Family
	c.ID = p.ID
	c.ExternalClock = int64(p.ExternalClock)
	c.Serial = p.Serial
	if c.Name == "" {
		c.Name = p.Version
	}
	if c.Speed == 0 {
		c.Speed = int64(firstNonZero(p.MaxSpeed, p.CurrentSpeed))
	}
	if p.CoreCount > 0 {
		c.CoreCount = int64(p.CoreCount)
	}
	if p.CoreEnabled > 0 {
		c.Core = int64(p.CoreEnabled)
	}
}
