package collect

import (
	"bytes"
	"context"
	"fmt"
	"net/netip"
	"strings"

	"github.com/parcproject/parc/agent/internal/smbios"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() { Register("hardware", hardwareLinux) }

// hardwareLinux fills the hardware section: host name, SMBIOS UUID and
// chassis, RAM and swap, DNS domain, resolvers, default gateway and the
// kind of (virtual) machine. The last logged user comes from "users".
func hardwareLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	host := hostName(env)
	if host == "" {
		return fmt.Errorf("read host name: %w", ErrNoData)
	}
	h := &inventory.Hardware{Name: shortHost(host)}
	dmi, err := readDMI(env)
	if err != nil {
		env.logger().Debug("no dmi for hardware", "err", err)
	}
	if dmi != nil && dmi.System != nil {
		h.UUID = dmi.System.UUID
	}
	if dmi != nil && dmi.Chassis != nil {
		h.ChassisType = dmi.Chassis.Type
	}
	if b, err := env.ReadFile("/proc/meminfo"); err == nil {
		mi := parseMeminfo(b)
		h.Memory = mi["MemTotal"] / 1024
		h.Swap = mi["SwapTotal"] / 1024
	}
	rc := readResolvConf(env)
	h.DNS = strings.Join(rc.Nameservers, "/")
	h.Workgroup = dnsDomain(env, host, rc)
	if b, err := env.ReadFile("/proc/net/route"); err == nil {
		if gw := defaultGateway(parseRoutes(b)); gw.IsValid() {
			h.DefaultGateway = gw.String()
		}
	}
	h.VMSystem = vmSystem(env, dmiVM(dmi))
	r.Content.Hardware = h
	return nil
}

// hostName is the kernel's host name, else /etc/hostname.
func hostName(env *Env) string {
	if h := sysString(env, "/proc/sys/kernel/hostname"); h != "" && h != "(none)" {
		return h
	}
	return sysString(env, "/etc/hostname")
}

func shortHost(h string) string {
	name, _, _ := strings.Cut(h, ".")
	return name
}

func readResolvConf(env *Env) resolvConf {
	b, err := env.ReadFile("/etc/resolv.conf")
	if err != nil {
		return resolvConf{}
	}
	return parseResolvConf(b)
}

// fqdn finds the fully qualified name without any DNS query (the agent
// touches no network to inventory): the host name if it has a dot, the
// canonical name /etc/hosts gives it, else host name + resolv.conf domain.
func fqdn(env *Env, host string, rc resolvConf) string {
	if strings.Contains(host, ".") {
		return host
	}
	if b, err := env.ReadFile("/etc/hosts"); err == nil {
		if n := parseHosts(b, host); n != "" {
			return n
		}
	}
	if rc.Domain != "" {
		return host + "." + rc.Domain
	}
	return host
}

func dnsDomain(env *Env, host string, rc resolvConf) string {
	_, dom, _ := strings.Cut(fqdn(env, host, rc), ".")
	return dom
}

// defaultGateway is the gateway of the default route with the lowest
// metric.
func defaultGateway(routes []ipv4Route) (gw netip.Addr) {
	best := -1
	for _, r := range routes {
		if r.Dest.Bits() == 0 && r.Gateway.IsValid() && (best < 0 || r.Metric < best) {
			gw, best = r.Gateway, r.Metric
		}
	}
	return gw
}

// dmiVM names the hypervisor the firmware reveals, "" if none.
func dmiVM(dmi *smbios.Info) string {
	if dmi == nil || dmi.System == nil {
		return ""
	}
	var vendor string
	if dmi.BIOS != nil {
		vendor = dmi.BIOS.Vendor
	}
	return vmFromDMI(dmi.System.Manufacturer, dmi.System.Product, vendor)
}

// vmSystem says whether this is a container, a virtual machine (and
// which), or "Physical". Containers come first: a Docker container on a
// KVM guest is inventoried as Docker.
func vmSystem(env *Env, dmiVM string) string {
	switch {
	case env.Exists("/.dockerenv"):
		return "Docker"
	case env.Exists("/run/.containerenv"):
		return "Podman"
	}
	if b, err := env.ReadFile("/proc/1/environ"); err == nil {
		for _, kv := range bytes.Split(b, []byte{0}) {
			if v, ok := bytes.CutPrefix(kv, []byte("container=")); ok && len(v) > 0 {
				return string(v)
			}
		}
	}
	if b, err := env.ReadFile("/proc/1/cgroup"); err == nil {
		switch s := string(b); {
		case strings.Contains(s, "/docker"):
			return "Docker"
		case strings.Contains(s, "/lxc"):
			return "lxc"
		}
	}
	if dmiVM != "" {
		return dmiVM
	}
	if t := sysString(env, "/sys/hypervisor/type"); t == "xen" {
		return "Xen"
	}
	if b, err := env.ReadFile("/proc/cpuinfo"); err == nil && bytes.Contains(b, []byte(" hypervisor")) {
		return "Virtual Machine"
	}
	return "Physical"
}
