package collect

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/agent/internal/smbios"
	"github.com/parcproject/parc/pkg/inventory"
)

const qProcessor = "SELECT Architecture, Description, ExternalClock, Family, Manufacturer, MaxClockSpeed, Name, NumberOfCores, NumberOfEnabledCore, NumberOfLogicalProcessors, ProcessorId, SerialNumber FROM Win32_Processor"

var reCPUDescription = regexp.MustCompile(`Family (\d+) Model (\d+) Stepping (\d+)`)

// windowsCPUs lists one entry per processor socket from Win32_Processor.
func windowsCPUs(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	rows, err := winQuery(ctx, env, nsCIMV2, qProcessor)
	if err != nil {
		return fmt.Errorf("processors: %w", err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("Win32_Processor has no instance: %w", ErrNoData)
	}
	for _, p := range rows {
		r.Content.CPUs = append(r.Content.CPUs, winCPU(p))
	}
	return nil
}

func winCPU(p wrow) inventory.CPU {
	c := inventory.CPU{
		Name:          wStr(p, "Name"),
		Description:   wStr(p, "Description"),
		Manufacturer:  winCPUMaker(wStr(p, "Manufacturer")),
		Arch:          winCPUArch(wNum0(p, "Architecture")),
		Speed:         wNum0(p, "MaxClockSpeed"),
		ExternalClock: wNum0(p, "ExternalClock"),
		CoreCount:     wNum0(p, "NumberOfCores"),
		Core:          wNum0(p, "NumberOfEnabledCore"),
		Serial:        winClean(wStr(p, "SerialNumber")),
		ID:            winCPUID(wStr(p, "ProcessorId")),
	}
	if f := wNum0(p, "Family"); f > 0 && f < 0xffff {
		c.FamilyName = smbios.ProcessorFamilyName(uint16(f), c.Manufacturer)
	}
	if c.Core == 0 {
		c.Core = c.CoreCount
	}
	if threads := wNum0(p, "NumberOfLogicalProcessors"); c.CoreCount > 0 && threads >= c.CoreCount {
		c.Thread = threads / c.CoreCount
	}
	if m := reCPUDescription.FindStringSubmatch(c.Description); m != nil {
		c.FamilyNumber = m[1]
		c.Model = m[2]
		c.Stepping, _ = strconv.ParseInt(m[3], 10, 64)
	}
	return c
}

// winCPUID turns WMI's ProcessorId, the CPUID EDX:EAX pair as 16 hex
// digits ("BFEBFBFF000806C1"), into the byte order dmidecode prints and
// GLPI stores: "C1 06 08 00 FF FB EB BF".
func winCPUID(s string) string {
	s = strings.TrimSpace(s)
	if len(s) != 16 {
		return ""
	}
	if _, err := strconv.ParseUint(s, 16, 64); err != nil {
		return ""
	}
	parts := make([]string, 0, 8)
	for i := 14; i >= 0; i -= 2 {
		parts = append(parts, strings.ToUpper(s[i:i+2]))
	}
	return strings.Join(parts, " ")
}

func winCPUMaker(s string) string {
	switch s {
	case "GenuineIntel":
		return "Intel"
	case "AuthenticAMD":
		return "AMD"
	case "CentaurHauls":
		return "VIA"
	}
	if strings.Contains(strings.ToLower(s), "qualcomm") {
		return "Qualcomm"
	}
	return s
}

// winCPUArch maps Win32_Processor.Architecture.
func winCPUArch(a int64) string {
	switch a {
	case 0:
		return "i686"
	case 5:
		return "arm"
	case 9:
		return "x86_64"
	case 12:
		return "aarch64"
	}
	return ""
}
