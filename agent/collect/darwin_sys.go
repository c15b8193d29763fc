package collect

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// These types carry what gopsutil reads on a Mac into the mapping code,
// which has no build constraint (it is tested on Linux) and so does not
// import gopsutil: the Linux and Windows agents do not link it.

// macCPUInfo is sysctl's machdep.cpu facts.
type macCPUInfo struct {
	Model, Vendor, Family, ModelNumber string
	Stepping, Cores                    int
	Mhz                                float64
}

// macMount is one mounted file system and its usage.
type macMount struct {
	Device, Mountpoint, Fstype string
	Opts                       []string
	Total, Free                uint64 // bytes; 0 when unknown
}

// macSession is one utmpx user process record.
type macSession struct {
	User    string
	Started int64 // Unix seconds
}

// macCPUs maps sysctl's processor facts (through gopsutil) to the one
// processor package of a Mac. Apple silicon has no "machdep.cpu.vendor"
// and no fixed nominal clock in sysctl: gopsutil reads the performance
// cores' top frequency from IOKit.
func macCPUs(i macCPUInfo, physical, logical int, arch string) []inventory.CPU {
	c := inventory.CPU{
		Name:         strings.Join(strings.Fields(i.Model), " "),
		Arch:         arch,
		Core:         int64(physical),
		CoreCount:    int64(physical),
		Speed:        int64(math.Round(i.Mhz)),
		FamilyNumber: i.Family,
		Model:        i.ModelNumber,
		Stepping:     int64(i.Stepping),
	}
	if c.Core == 0 {
		c.Core, c.CoreCount = int64(i.Cores), int64(i.Cores)
	}
	if c.Core > 0 && logical > 0 {
		c.Thread = int64(logical) / c.Core
	}
	switch v := i.Vendor; {
	case v == "GenuineIntel" || strings.Contains(c.Name, "Intel"):
		c.Manufacturer = "Intel"
	case v == "AuthenticAMD":
		c.Manufacturer = "AMD"
	case strings.HasPrefix(c.Name, "Apple") || arch == "arm64":
		c.Manufacturer = "Apple"
		// Apple silicon has no x86 family, model or stepping.
		c.FamilyNumber, c.Model, c.Stepping = "", "", 0
	}
	if c.FamilyNumber == "0" {
		c.FamilyNumber = ""
	}
	if c.Model == "0" {
		c.Model = ""
	}
	if c.Name == "" {
		return nil
	}
	return []inventory.CPU{c}
}

// macSkipMount says whether a mounted file system is a synthetic one of
// macOS rather than a volume a user knows: devfs, autofs maps, and the
// APFS system volumes (VM, Preboot, Update, xarts, iSCPreboot, Hardware)
// that macOS mounts under /System/Volumes and hides from Finder. The Data
// volume is kept: it is where the users' files are.
func macSkipMount(p macMount) bool {
	switch p.Fstype {
	case "devfs", "autofs", "nullfs", "lifs", "fdesc":
		return true
	}
	if rest, ok := strings.CutPrefix(p.Mountpoint, "/System/Volumes/"); ok {
		return rest != "Data"
	}
	if strings.HasPrefix(p.Mountpoint, "/Library/Developer/CoreSimulator/") || strings.HasPrefix(p.Mountpoint, "/private/var/") {
		return true // simulator runtimes and app sandboxes' disk images
	}
	return slices.Contains(p.Opts, "nobrowse") && p.Mountpoint != "/"
}

// macDrive maps a mounted volume and its usage to a drive entry.
func macDrive(p macMount) inventory.Drive {
	d := inventory.Drive{
		Type:       p.Mountpoint,
		Volumn:     p.Device,
		FileSystem: p.Fstype,
	}
	if label, ok := strings.CutPrefix(p.Mountpoint, "/Volumes/"); ok {
		d.Label = label
	}
	d.Total = int64(p.Total >> 20)
	d.Free = int64(p.Free >> 20)
	return d
}

// macUsers lists the users with a session now (utmpx) and the most
// recent login, for hardware.lastloggeduser.
func macUsers(stats []macSession, loc *time.Location) ([]inventory.User, *inventory.Hardware) {
	var users []inventory.User
	var last *macSession
	for i, s := range stats {
		if s.User == "" {
			continue
		}
		if !slices.ContainsFunc(users, func(u inventory.User) bool { return u.Login == s.User }) {
			users = append(users, inventory.User{Login: s.User})
		}
		if last == nil || s.Started > last.Started {
			last = &stats[i]
		}
	}
	if last == nil {
		return users, nil
	}
	return users, &inventory.Hardware{
		LastLoggedUser:     last.User,
		DateLastLoggedUser: time.Unix(last.Started, 0).In(loc).Format("Mon Jan 2 15:04"),
	}
}
