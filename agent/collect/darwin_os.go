package collect

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// macHost is what the macOS collectors learn from the kernel (sysctl,
// uname) rather than from files; the _darwin.go files fill it, tests give
// it.
type macHost struct {
	HostName string    // kernel host name, "MacBook-Pro-de-Jean.local"
	Kernel   string    // kern.osrelease, "23.5.0"
	Arch     string    // uname -m, "arm64" or "x86_64"
	Boot     time.Time // kern.boottime
}

// macOperatingSystem fills the operatingsystem section from
// SystemVersion.plist (name, version, build) and the host facts.
func macOperatingSystem(env *Env, h macHost) (*inventory.OperatingSystem, error) {
	var v macSystemVersion
	if err := readPlist(env, "/System/Library/CoreServices/SystemVersion.plist", &v); err != nil {
		return nil, fmt.Errorf("read SystemVersion.plist: %v: %w", err, ErrNoData)
	}
	name := firstOf(v.ProductName, "macOS")
	full := name
	if rel := macRelease(v.ProductVersion); rel != "" {
		full += " " + rel
	}
	full = strings.TrimSpace(full + " " + v.ProductVersion)
	if v.BuildVersion != "" {
		full += " (" + v.BuildVersion + ")"
	}
	loc, tz := macTimezone(env)
	o := &inventory.OperatingSystem{
		Name:          name,
		Version:       v.ProductVersion,
		FullName:      full,
		KernelName:    "darwin",
		KernelVersion: h.Kernel,
		Arch:          h.Arch,
		Timezone:      tz,
	}
	o.FQDN, o.DNSDomain = macFQDN(env, h.HostName)
	if !h.Boot.IsZero() {
		o.BootTime = h.Boot.In(loc).Format(time.DateTime)
	}
	// The sealed system volume is rewritten by every update; the setup
	// assistant's marker is written once, when the Mac was set up.
	if fi, err := os.Stat(env.Path("/var/db/.AppleSetupDone")); err == nil {
		o.InstallDate = fi.ModTime().In(loc).Format(time.DateTime)
	}
	return o, nil
}

// macRelease names a macOS major version as Apple does in "About This Mac".
func macRelease(version string) string {
	major, _, _ := strings.Cut(version, ".")
	return map[string]string{
		"11": "Big Sur", "12": "Monterey", "13": "Ventura", "14": "Sonoma", "15": "Sequoia", "26": "Tahoe",
	}[major]
}

// macFQDN gives the fully qualified name and its DNS domain without any
// DNS query. ".local" is Bonjour's multicast name, not a DNS domain: the
// domain then comes from resolv.conf, as on Linux.
func macFQDN(env *Env, host string) (fqdn, domain string) {
	short := macShortHost(host)
	_, domain, _ = strings.Cut(host, ".")
	if strings.EqualFold(domain, "local") {
		domain = ""
	}
	if domain == "" {
		if b, err := env.ReadFile("/etc/resolv.conf"); err == nil {
			rc := parseResolvConf(b)
			domain = rc.Domain
		}
	}
	if domain == "" || short == "" {
		return short, domain
	}
	return short + "." + domain, domain
}

// macShortHost drops the domain of a host name.
func macShortHost(host string) string {
	name, _, _ := strings.Cut(host, ".")
	return name
}

// macTimezone reads the zone /etc/localtime points to
// ("/var/db/timezone/zoneinfo/Europe/Paris"). On the real machine the
// location is time.Local; below a test Root, the named zone.
func macTimezone(env *Env) (*time.Location, *inventory.Timezone) {
	var name string
	if l, err := os.Readlink(env.Path("/etc/localtime")); err == nil {
		if _, after, ok := strings.Cut(l, "zoneinfo/"); ok {
			name = after
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

func macZone(env *Env) *time.Location {
	loc, _ := macTimezone(env)
	return loc
}

// macHardwareBase fills the host name and DNS facts of the hardware
// section.
func macHardwareBase(env *Env, host string) *inventory.Hardware {
	h := &inventory.Hardware{Name: macShortHost(host)}
	if b, err := env.ReadFile("/etc/resolv.conf"); err == nil {
		rc := parseResolvConf(b)
		h.DNS = strings.Join(rc.Nameservers, "/")
	}
	_, h.Workgroup = macFQDN(env, host)
	return h
}
