package inventory

import (
	"fmt"
	"regexp"
	"strings"
)

// FieldError is one problem found by Validate: the JSON path of the field
// and why it is wrong.
type FieldError struct {
	Field  string // JSON path, e.g. "content.softwares[12].name"
	Reason string // e.g. "is required", `must match YYYY-MM-DD, got "12/03/2021"`
}

func (e FieldError) Error() string { return e.Field + ": " + e.Reason }

// ValidationError lists every FieldError of a report.
type ValidationError struct {
	Errors []FieldError
}

func (e *ValidationError) Error() string {
	const max = 5
	parts := make([]string, 0, max+1)
	for i, fe := range e.Errors {
		if i == max {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Errors)-max))
			break
		}
		parts = append(parts, fe.Error())
	}
	return "invalid inventory: " + strings.Join(parts, "; ")
}

var (
	reDate           = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	reDateTime       = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}[ |T][0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+|-][0-9]{2}:[0-9]{2}:[0-9]{2})?$`)
	reDateOrDateTime = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}([ |T][0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+|-][0-9]{2}:[0-9]{2}:[0-9]{2})?)?$`)
	reCPUArch        = regexp.MustCompile(`^(mips|mips64|alpha|sparc|sparc64|m68k|i\d86|x86_64|powerpc|powerpc64|arm.*|aarch64)$`)
	reNetStatus      = regexp.MustCompile(`^(up|down|dormant|notpresent|lowerlayerdown|unknown|testing)$`)
	reNetType        = regexp.MustCompile(`^(ethernet|wifi|infiniband|aggregate|alias|dialup|loopback|bridge|fibrechannel|bluetooth)$`)
	reTZOffset       = regexp.MustCompile(`^[+-][0-9]{4}$`)
	reSecureBoot     = regexp.MustCompile(`^(enabled|disabled|unsupported)$`)
	reVMStatus       = regexp.MustCompile(`^(running|blocked|idle|paused|shutdown|crashed|dying|off)$`)
	reDeviceType     = regexp.MustCompile(`^(Unmanaged|Computer|Networking|Printer|Storage|Power|Phone|Video|KVM)$`)
)

type checker struct{ errs []FieldError }

func (c *checker) add(field, format string, args ...any) {
	c.errs = append(c.errs, FieldError{Field: field, Reason: fmt.Sprintf(format, args...)})
}

func (c *checker) required(field, v string) {
	if strings.TrimSpace(v) == "" {
		c.add(field, "is required")
	}
}

func (c *checker) match(field, v string, re *regexp.Regexp, want string) {
	if v != "" && !re.MatchString(v) {
		c.add(field, "must be %s, got %q", want, v)
	}
}

func (c *checker) between(field string, v, lo, hi int64) {
	if v != 0 && (v < lo || v > hi) {
		c.add(field, "must be between %d and %d, got %d", lo, hi, v)
	}
}

func (c *checker) nonNegative(field string, v int64) {
	if v < 0 {
		c.add(field, "must not be negative, got %d", v)
	}
}

const (
	wantDate     = "a date YYYY-MM-DD"
	wantDateTime = "a date and time YYYY-MM-DD hh:mm:ss"
	wantDateOr   = "a date YYYY-MM-DD, optionally with a time hh:mm:ss"
)

// Validate checks the report against the rules of the GLPI inventory schema
// (required keys, patterns of dates, enumerations) and returns a
// *ValidationError naming every wrong field, or nil.
func (r *Report) Validate() error {
	c := &checker{}
	c.required("deviceid", r.DeviceID)
	switch r.Action {
	case "", ActionInventory, ActionNetDiscovery, ActionNetInventory:
	default:
		c.add("action", "must be one of inventory, netdiscovery, netinventory, got %q", r.Action)
	}
	r.Content.validate(c, "content")
	if len(c.errs) > 0 {
		return &ValidationError{Errors: c.errs}
	}
	return nil
}

func (ct *Content) validate(c *checker, p string) {
	c.required(p+".versionclient", ct.VersionClient)
	if ct.AccessLog != nil {
		c.required(p+".accesslog.logdate", ct.AccessLog.LogDate)
		c.match(p+".accesslog.logdate", ct.AccessLog.LogDate, reDateTime, wantDateTime)
	}
	if h := ct.Hardware; h != nil {
		c.nonNegative(p+".hardware.memory", h.Memory)
		c.nonNegative(p+".hardware.swap", h.Swap)
	}
	if b := ct.Bios; b != nil {
		c.match(p+".bios.bdate", b.BDate, reDateOrDateTime, wantDateOr)
		c.match(p+".bios.secure_boot", b.SecureBoot, reSecureBoot, "enabled, disabled or unsupported")
	}
	if o := ct.OperatingSystem; o != nil {
		o.validate(c, p+".operatingsystem")
	}
	for i, x := range ct.CPUs {
		f := fmt.Sprintf("%s.cpus[%d]", p, i)
		c.match(f+".arch", x.Arch, reCPUArch, "a CPU architecture such as x86_64 or aarch64")
	}
	for i, x := range ct.Memories {
		c.nonNegative(fmt.Sprintf("%s.memories[%d].capacity", p, i), x.Capacity)
	}
	for i, x := range ct.Drives {
		f := fmt.Sprintf("%s.drives[%d]", p, i)
		c.nonNegative(f+".total", x.Total)
		c.nonNegative(f+".free", x.Free)
	}
	for i, x := range ct.Networks {
		f := fmt.Sprintf("%s.networks[%d]", p, i)
		c.required(f+".description", x.Description)
		c.match(f+".status", x.Status, reNetStatus, "one of up, down, dormant, notpresent, lowerlayerdown, unknown, testing")
		c.match(f+".type", x.Type, reNetType, "one of ethernet, wifi, infiniband, aggregate, alias, dialup, loopback, bridge, fibrechannel, bluetooth")
	}
	for i, x := range ct.Softwares {
		f := fmt.Sprintf("%s.softwares[%d]", p, i)
		c.required(f+".name", x.Name)
		c.match(f+".install_date", x.InstallDate, reDateOrDateTime, wantDateOr)
		c.nonNegative(f+".filesize", x.FileSize)
	}
	for i, x := range ct.Batteries {
		c.match(fmt.Sprintf("%s.batteries[%d].date", p, i), x.Date, reDate, wantDate)
	}
	for i, x := range ct.Antivirus {
		f := fmt.Sprintf("%s.antivirus[%d]", p, i)
		c.match(f+".expiration", x.Expiration, reDate, wantDate)
		c.match(f+".base_creation", x.BaseCreation, reDate, wantDate)
	}
	for i, x := range ct.LocalUsers {
		c.required(fmt.Sprintf("%s.local_users[%d].id", p, i), x.ID)
	}
	for i, x := range ct.LocalGroups {
		f := fmt.Sprintf("%s.local_groups[%d]", p, i)
		c.required(f+".id", x.ID)
		c.required(f+".name", x.Name)
	}
	for i, x := range ct.Printers {
		c.required(fmt.Sprintf("%s.printers[%d].name", p, i), x.Name)
	}
	for i, x := range ct.Firewalls {
		c.required(fmt.Sprintf("%s.firewalls[%d].status", p, i), x.Status)
	}
	for i, x := range ct.RemoteMgmt {
		f := fmt.Sprintf("%s.remote_mgmt[%d]", p, i)
		c.required(f+".id", x.ID)
		c.required(f+".type", x.Type)
	}
	for i, x := range ct.LicenseInfos {
		c.match(fmt.Sprintf("%s.licenseinfos[%d].activation_date", p, i), x.ActivationDate, reDateTime, wantDateTime)
	}
	for i, x := range ct.VirtualMachines {
		f := fmt.Sprintf("%s.virtualmachines[%d]", p, i)
		c.required(f+".name", x.Name)
		c.match(f+".status", x.Status, reVMStatus, "one of running, blocked, idle, paused, shutdown, crashed, dying, off")
	}
	for i, x := range ct.Firmwares {
		c.match(fmt.Sprintf("%s.firmwares[%d].date", p, i), x.Date, reDate, wantDate)
	}
	if d := ct.NetworkDevice; d != nil {
		c.required(p+".network_device.type", d.Type)
		c.match(p+".network_device.type", d.Type, reDeviceType, "one of Unmanaged, Computer, Networking, Printer, Storage, Power, Phone, Video, KVM")
	}
	for i, x := range ct.NetworkPorts {
		f := fmt.Sprintf("%s.network_ports[%d]", p, i)
		c.between(f+".ifinternalstatus", x.IfInternalStatus, 1, 3)
		c.between(f+".ifportduplex", x.IfPortDuplex, 1, 3)
	}
	if ct.Parc != nil {
		ct.Parc.validate(c, p+".parc")
	}
}

func (o *OperatingSystem) validate(c *checker, p string) {
	c.match(p+".boot_time", o.BootTime, reDateTime, wantDateTime)
	c.match(p+".install_date", o.InstallDate, reDateOrDateTime, wantDateOr)
	if tz := o.Timezone; tz != nil {
		c.required(p+".timezone.name", tz.Name)
		c.required(p+".timezone.offset", tz.Offset)
		c.match(p+".timezone.offset", tz.Offset, reTZOffset, "an offset +HHMM or -HHMM")
	}
}
