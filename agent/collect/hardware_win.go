package collect

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/agent/internal/smbios"
	"github.com/parcproject/parc/pkg/inventory"
)

const (
	regCurrentVersion = `SOFTWARE\Microsoft\Windows NT\CurrentVersion`
	qPageFile         = "SELECT AllocatedBaseSize FROM Win32_PageFileUsage"
)

// windowsHardware fills the hardware section: the machine's name, identity,
// memory, domain and the registration facts Windows keeps in CurrentVersion.
func windowsHardware(ctx context.Context, env *Env, r *inventory.Report) error {
	if err := winNeed(env); err != nil {
		return err
	}
	cs, err := winQueryFirst(ctx, env, nsCIMV2, qComputerSystem)
	if err != nil {
		return fmt.Errorf("computer system: %w", err)
	}
	h := &inventory.Hardware{
		Name:     wStr(cs, "Name"),
		Memory:   winMiB(wNum0(cs, "TotalPhysicalMemory")),
		VMSystem: winVMSystem(wStr(cs, "Manufacturer"), wStr(cs, "Model")),
	}
	if wBool(cs, "PartOfDomain") {
		h.Workgroup = wStr(cs, "Domain")
	} else {
		h.Workgroup = wStr(cs, "Workgroup")
	}
	// The rest is optional: a failing query leaves its fields empty.
	if p, err := winQueryFirst(ctx, env, nsCIMV2, qProduct); err == nil {
		h.UUID = winUUID(wStr(p, "UUID"))
	}
	if e, err := winQueryFirst(ctx, env, nsCIMV2, qEnclosure); err == nil {
		if types := wNums(e, "ChassisTypes"); len(types) > 0 && types[0] > 0 && types[0] < 256 {
			h.ChassisType = smbios.ChassisTypeName(uint8(types[0]))
		}
	}
	if pf, err := winQuery(ctx, env, nsCIMV2, qPageFile); err == nil {
		for _, f := range pf {
			h.Swap += wNum0(f, "AllocatedBaseSize") // MiB already
		}
	}
	if os, err := winQueryFirst(ctx, env, nsCIMV2, qOperatingSystem); err == nil {
		h.Description = wStr(os, "Description")
		h.WinLang = wStr(os, "OSLanguage")
	}
	cv, err := winReg(env, "HKLM", regCurrentVersion)
	if err != nil {
		return fmt.Errorf("read CurrentVersion: %w", err)
	}
	h.WinProdID = wStr(cv, "ProductId")
	h.WinOwner = wStr(cv, "RegisteredOwner")
	h.WinCompany = wStr(cv, "RegisteredOrganization")
	if b, ok := cv["DigitalProductId"].([]byte); ok {
		h.WinProdKey = decodeProductKey(b)
	}
	h.LastLoggedUser, h.DateLastLoggedUser = winLastUser(env)
	r.Content.Hardware = h
	return nil
}

// winUUID cleans the SMBIOS UUID WMI gives: all-zero and all-F UUIDs are
// what boards without one report.
func winUUID(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if strings.Trim(s, "0-") == "" || strings.Trim(s, "F-") == "" {
		return ""
	}
	return s
}

// winVMSystem names the hypervisor from the SMBIOS system maker and model,
// which every hypervisor sets to its own name; "Physical" otherwise.
func winVMSystem(maker, model string) string {
	m := strings.ToLower(maker + " " + model)
	switch {
	case strings.Contains(m, "vmware"):
		return "VMware"
	case strings.Contains(m, "virtualbox") || strings.Contains(m, "innotek"):
		return "VirtualBox"
	case strings.Contains(m, "microsoft corporation virtual machine"):
		return "Hyper-V"
	case strings.Contains(m, "qemu"):
		return "QEMU"
	case strings.Contains(m, "kvm") || strings.Contains(m, "red hat") || strings.Contains(m, "nutanix"):
		return "KVM"
	case strings.Contains(m, "xen"):
		return "Xen"
	case strings.Contains(m, "parallels"):
		return "Parallels"
	case strings.Contains(m, "amazon ec2"):
		return "KVM"
	case strings.Contains(m, "google compute engine"):
		return "KVM"
	}
	return "Physical"
}

// winLastUser reads who last opened a session at the logon screen, as GLPI
// agents report it: the login without its domain, and when that user's
// profile was last loaded.
func winLastUser(env *Env) (user, date string) {
	ui, err := winReg(env, "HKLM", `SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI`)
	if err != nil {
		return "", ""
	}
	user = wStr(ui, "LastLoggedOnSAMUser")
	if user == "" {
		user = wStr(ui, "LastLoggedOnUser")
	}
	if i := strings.LastIndexAny(user, `\/`); i >= 0 {
		user = user[i+1:]
	}
	if i := strings.IndexByte(user, '@'); i > 0 { // AzureAD\jdupont@mairie.fr
		user = user[:i]
	}
	sid := wStr(ui, "LastLoggedOnUserSID")
	if user == "" || sid == "" {
		return user, ""
	}
	p, err := winReg(env, "HKLM", regProfileList+`\`+sid)
	if err != nil {
		return user, ""
	}
	hi, okHi := wNum(p, "LocalProfileLoadTimeHigh")
	lo, okLo := wNum(p, "LocalProfileLoadTimeLow")
	if !okHi || !okLo {
		return user, ""
	}
	t, ok := winFileTime(uint64(hi)<<32 | uint64(uint32(lo)))
	if !ok {
		return user, ""
	}
	return user, t.In(env.Clock().Location()).Format("Mon Jan 2 15:04")
}

const regProfileList = `SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList`
