package collect

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// windowsOperatingSystem fills the operatingsystem section the way GLPI
// Agent does (name "Windows", kernel "MSWin32", full name from WMI's
// caption, version the feature release such as "23H2"), with the kernel
// version carrying the update build revision ("10.0.22631.4460") because
// that is what tells a patched machine from an unpatched one.
func windowsOperatingSystem(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	os, err := winQueryFirst(ctx, env, nsCIMV2, qOperatingSystem)
	if err != nil {
		return fmt.Errorf("operating system: %w", err)
	}
	o := &inventory.OperatingSystem{
		Name:          "Windows",
		KernelName:    "MSWin32",
		FullName:      wStr(os, "Caption"),
		KernelVersion: wStr(os, "Version"),
		ServicePack:   wStr(os, "CSDVersion"),
		InstallDate:   cimDateTime(wStr(os, "InstallDate")),
		BootTime:      cimDateTime(wStr(os, "LastBootUpTime")),
	}
	cv, err := winReg(env, "HKLM", regCurrentVersion)
	if err != nil {
		return fmt.Errorf("read CurrentVersion: %w", err)
	}
	o.Version = wStr(cv, "DisplayVersion")
	if o.Version == "" {
		o.Version = wStr(cv, "ReleaseId") // before 20H2
	}
	if o.FullName == "" {
		o.FullName = wStr(cv, "ProductName")
	}
	if ubr, ok := wNum(cv, "UBR"); ok && o.KernelVersion != "" {
		o.KernelVersion += fmt.Sprintf(".%d", ubr)
	}
	if o.InstallDate == "" {
		if t, ok := wNum(cv, "InstallDate"); ok && t > 0 { // Unix seconds
			o.InstallDate = winUnixDateTime(env, t)
		}
	}
	if envv, err := winReg(env, "HKLM", `SYSTEM\CurrentControlSet\Control\Session Manager\Environment`); err == nil {
		o.Arch = winArch(wStr(envv, "PROCESSOR_ARCHITECTURE"))
	}
	if tz, err := winReg(env, "HKLM", `SYSTEM\CurrentControlSet\Control\TimeZoneInformation`); err == nil {
		o.Timezone = winTimezone(tz)
	}
	if tcp, err := winReg(env, "HKLM", `SYSTEM\CurrentControlSet\Services\Tcpip\Parameters`); err == nil {
		host, domain := wStr(tcp, "Hostname"), wStr(tcp, "Domain")
		o.DNSDomain = domain
		o.FQDN = host
		if host != "" && domain != "" {
			o.FQDN = host + "." + domain
		}
	}
	r.Content.OperatingSystem = o
	return nil
}

func winUnixDateTime(env *Env, sec int64) string {
	loc := env.Clock().Location()
	return time.Unix(sec, 0).In(loc).Format(time.DateTime)
}

// winArch maps PROCESSOR_ARCHITECTURE to the names the Linux agent and the
// schema's CPU patterns use.
func winArch(a string) string {
	switch strings.ToUpper(a) {
	case "AMD64":
		return "x86_64"
	case "ARM64":
		return "aarch64"
	case "X86":
		return "i686"
	}
	return a
}

// winTimezone reads the time zone's stable (English) key name and its
// current offset. ActiveTimeBias is minutes to add to local time to get
// UTC, stored as an unsigned DWORD, so -60 (Paris in winter) is 0xFFFFFFC4.
func winTimezone(tz wrow) *inventory.Timezone {
	name := wStr(tz, "TimeZoneKeyName")
	bias, ok := wNum(tz, "ActiveTimeBias")
	if !ok {
		bias, ok = wNum(tz, "Bias")
	}
	if name == "" && !ok {
		return nil
	}
	off := -int64(int32(uint32(bias)))
	if off < -14*60 || off > 14*60 { // no zone is further than UTC±14:00
		return nil
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return &inventory.Timezone{Name: name, Offset: fmt.Sprintf("%c%02d%02d", sign, off/60, off%60)}
}
