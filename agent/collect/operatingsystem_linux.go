package collect

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/parcproject/parc/agent/internal/osrelease"
	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("operatingsystem", operatingSystemLinux) }

// operatingSystemLinux fills the operatingsystem section from os-release,
// /proc and /etc.
func operatingSystemLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	b, err := env.ReadFile("/etc/os-release")
	if err != nil {
		b, err = env.ReadFile("/usr/lib/os-release")
	}
	if err != nil {
		return fmt.Errorf("read os-release: %w", ErrNoData)
	}
	rel := osrelease.Parse(b)
	o := &inventory.OperatingSystem{
		Name:          firstOf(rel.Name, "Linux"),
		Version:       osVersion(env, rel),
		FullName:      firstOf(rel.PrettyName, strings.TrimSpace(rel.Name+" "+rel.Version)),
		KernelName:    "linux",
		KernelVersion: sysString(env, "/proc/sys/kernel/osrelease"),
		Arch:          kernelArch(env),
	}
	host := hostName(env)
	o.FQDN = fqdn(env, host, readResolvConf(env))
	_, o.DNSDomain, _ = strings.Cut(o.FQDN, ".")
	loc, tz := timezone(env)
	o.Timezone = tz
	if sb, err := env.ReadFile("/proc/stat"); err == nil {
		if bt, ok := parseBtime(sb); ok {
			o.BootTime = time.Unix(bt, 0).In(loc).Format(time.DateTime)
		}
	}
	if t, ok := installTime(env); ok {
		o.InstallDate = t.In(loc).Format(time.DateTime)
	}
	o.HostID = hostID(env)
	o.SSHKey = sshHostKey(env)
	r.Content.OperatingSystem = o
	return nil
}

// osVersion is VERSION_ID, or Debian's point release ("12.5") from
// /etc/debian_version, which GLPI shows for Debian.
func osVersion(env *Env, rel *osrelease.Info) string {
	if rel.ID == "debian" {
		if v := sysString(env, "/etc/debian_version"); v != "" && v[0] >= '0' && v[0] <= '9' {
			return v
		}
	}
	return firstOf(rel.VersionID, rel.BuildID)
}

// kernelArch is uname's machine: /proc/sys/kernel/arch on recent kernels,
// else the architecture the agent was built for.
func kernelArch(env *Env) string {
	if a := sysString(env, "/proc/sys/kernel/arch"); a != "" {
		return a
	}
	return map[string]string{
		"amd64": "x86_64", "arm64": "aarch64", "386": "i686", "arm": "armv7l",
		"ppc64le": "ppc64le", "riscv64": "riscv64", "s390x": "s390x", "loong64": "loongarch64",
	}[runtime.GOARCH]
}

// timezone names the system time zone (Debian's /etc/timezone, else the
// /etc/localtime symlink) with its current offset. On the real machine
// the offset is that of time.Local; below a test Root, of the named zone.
func timezone(env *Env) (*time.Location, *inventory.Timezone) {
	name := sysString(env, "/etc/timezone")
	if name == "" {
		if l, err := readLink(env, "/etc/localtime"); err == nil {
			if _, after, ok := strings.Cut(l, "zoneinfo/"); ok {
				name = after
			}
		}
	}
	loc := time.Local
	if env.Root != "" && env.Root != "/" {
		loc = time.UTC
		if l, err := time.LoadLocation(name); err == nil && name != "" {
			loc = l
		}
	}
	now := env.Clock().In(loc)
	if name == "" {
		name, _ = now.Zone()
	}
	return loc, &inventory.Timezone{Name: name, Offset: now.Format("-0700")}
}

// installTime estimates when the system was installed: the birth time
// of / on the real machine (ext4, xfs and btrfs record it), else the
// time /etc/machine-id was written, at first boot.
func installTime(env *Env) (time.Time, bool) {
	if env.Root == "" || env.Root == "/" {
		if t, ok := birthTime("/"); ok {
			return t, true
		}
	}
	fi, err := os.Stat(env.Path("/etc/machine-id"))
	if err != nil {
		return time.Time{}, false
	}
	return fi.ModTime(), true
}

// hostID reads /etc/hostid (4 bytes, native order) as hostid(1) prints it.
func hostID(env *Env) string {
	b, err := env.ReadFile("/etc/hostid")
	if err != nil || len(b) < 4 {
		return ""
	}
	return fmt.Sprintf("%08x", binary.LittleEndian.Uint32(b))
}

// sshHostKey returns the host's public SSH key, type and key only.
func sshHostKey(env *Env) string {
	for _, k := range []string{"ed25519", "ecdsa", "rsa"} {
		b, err := env.ReadFile("/etc/ssh/ssh_host_" + k + "_key.pub")
		if err != nil {
			continue
		}
		if f := strings.Fields(string(b)); len(f) >= 2 {
			return f[0] + " " + f[1]
		}
	}
	return ""
}

// birthTime asks statx for the creation time of a path.
func birthTime(p string) (time.Time, bool) {
	var st unix.Statx_t
	err := unix.Statx(unix.AT_FDCWD, p, 0, unix.STATX_BTIME, &st)
	if err != nil || st.Mask&unix.STATX_BTIME == 0 || st.Btime.Sec == 0 {
		return time.Time{}, false
	}
	return time.Unix(st.Btime.Sec, int64(st.Btime.Nsec)), true
}
