package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// installed is one program on a machine.
type installed struct {
	p       *program
	version int // index in p.Versions
	date    time.Time
}

// kbPool are cumulative and servicing updates a Windows PC lists through
// Win32_QuickFixEngineering; each PC has a subset.
var kbPool = func() []string {
	var out []string
	for _, n := range []int{5011048, 5012170, 5015684, 5018506, 5020372, 5022834, 5025315, 5027397, 5028853,
		5030216, 5031539, 5032907, 5033052, 5034441, 5034439, 5035942, 5036892, 5037591, 5037853, 5039212,
		5039299, 5040442, 5041585, 5042352, 5043080, 5043935, 5044284, 5036620, 5031988, 5029709, 5031356, 5032189, 5034122, 5034763, 5035853, 5036893, 5037771, 5039211, 5040427, 5041580} {
		out = append(out, fmt.Sprintf("KB%d", n))
	}
	return out
}()

// wants says whether a machine gets a program of this kind.
func (m *Machine) wants(r *rand.Rand, kind string) bool {
	switch {
	case kind == "base":
		return true
	case kind == "common":
		return r.IntN(100) < 90
	case kind == "optional":
		return r.IntN(100) < 40
	case kind == "laptop":
		return m.model.Laptop
	case strings.HasPrefix(kind, "svc:"):
		return kind[4:] == services[m.slot.Service].Code
	case strings.HasPrefix(kind, "vendor:"):
		return strings.HasPrefix(m.model.Vendor, kind[7:])
	}
	return false
}

// installSoftware chooses the machine's programs: about 150 entries, by
// kind on Windows (plus updates), a third of the packages on Debian.
func (m *Machine) installSoftware(r *rand.Rand, since time.Time) {
	day := func() time.Time {
		span := int(epoch.Sub(since).Hours()/24) + 1
		return since.AddDate(0, 0, r.IntN(span))
	}
	if !m.Windows {
		for k := range m.cat.debian {
			p := &m.cat.debian[k]
			keep := r.IntN(100) < 29
			if p.Category == "web" || p.Category == "editors" || p.Category == "mail" || p.Category == "gnome" {
				keep = r.IntN(100) < 90
			}
			if keep {
				m.sw = append(m.sw, installed{p: p, date: day()})
			}
		}
		return
	}
	for k := range m.cat.windows {
		p := &m.cat.windows[k]
		if m.wants(r, p.Kind) {
			m.sw = append(m.sw, installed{p: p, version: r.IntN(len(p.Versions)), date: day()})
		}
	}
	for _, kb := range kbPool {
		if r.IntN(100) < 70 {
			m.kbs = append(m.kbs, kb)
		}
	}
}

// softwares renders the installed programs as the agent reports them,
// sorted by name as the collectors sort them. The small records are
// sorted, not the large Software values.
func (m *Machine) softwares() []inventory.Software {
	slices.SortFunc(m.sw, func(a, b installed) int { return strings.Compare(a.p.Name, b.p.Name) })
	slices.Sort(m.kbs)
	out := make([]inventory.Software, 0, len(m.sw)+len(m.kbs))
	i, k := 0, 0
	for i < len(m.sw) || k < len(m.kbs) {
		if k == len(m.kbs) || i < len(m.sw) && m.sw[i].p.Name < m.kbs[k] {
			out = append(out, m.program(m.sw[i]))
			i++
			continue
		}
		out = append(out, inventory.Software{Name: m.kbs[k], Publisher: "Microsoft Corporation", From: "WMI",
			Arch: "x86_64", Comments: "Security Update", ReleaseType: "Security Update", SystemCategory: "system_component"})
		k++
	}
	return out
}

// program renders one installed program.
func (m *Machine) program(s installed) inventory.Software {
	e := inventory.Software{Name: s.p.Name, Version: s.p.Versions[s.version], Publisher: s.p.Publisher,
		FileSize: s.p.SizeKiB * 1024, InstallDate: s.date.Format("2006-01-02")}
	if !m.Windows {
		e.From, e.Arch, e.SystemCategory, e.Comments = "deb", s.p.Arch, s.p.Category, s.p.Comment
		return e
	}
	e.From, e.Arch = "registry", s.p.Arch
	e.SystemCategory = "application"
	if s.p.Arch == "x86" {
		e.SystemCategory = "application32"
	}
	e.GUID = s.p.GUID
	e.UninstallString = "MsiExec.exe /X" + e.GUID
	return e
}

// uuidFromName is a stable product code for a program name, so every PC
// lists the same GUID for it, as MSI product codes are.
func uuidFromName(name string) string {
	var h uint64 = 14695981039346656037
	for _, b := range []byte(name) {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return randomUUID(rand.New(rand.NewPCG(h, h>>7)))
}

// changeSoftware applies one to three software changes, as a week of a
// PC's life brings: an upgrade to the next version, a new update, an
// optional program installed or removed. It reports whether anything
// changed.
func (m *Machine) changeSoftware(at time.Time) bool {
	changed := false
	for range 1 + m.rnd.IntN(3) {
		switch k := m.rnd.IntN(10); {
		case k < 6: // upgrade
			i := m.rnd.IntN(len(m.sw))
			if s := &m.sw[i]; s.version+1 < len(s.p.Versions) {
				s.version++
				s.date = at
				changed = true
			} else if !m.Windows {
				s.p = m.bumpDebian(s.p)
				s.date, changed = at, true
			}
		case k < 8 && m.Windows: // a new update
			for _, kb := range kbPool {
				if !slices.Contains(m.kbs, kb) {
					m.kbs = append(m.kbs, kb)
					changed = true
					break
				}
			}
		default: // install or remove an optional program
			changed = m.toggleOptional(at) || changed
		}
	}
	return changed
}

// bumpDebian returns a copy of p with a Debian security update's version
// ("+deb12u1" appended or increased).
func (m *Machine) bumpDebian(p *program) *program {
	c := *p
	v := p.Versions[0]
	if i := strings.LastIndex(v, "+deb12u"); i >= 0 {
		var n int
		fmt.Sscanf(v[i+len("+deb12u"):], "%d", &n)
		v = fmt.Sprintf("%s+deb12u%d", v[:i], n+1)
	} else {
		v += "+deb12u1"
	}
	c.Versions = []string{v}
	return &c
}

// toggleOptional removes an installed optional program or installs a
// missing one.
func (m *Machine) toggleOptional(at time.Time) bool {
	progs := m.cat.windows
	if !m.Windows {
		progs = m.cat.debian
	}
	p := &progs[m.rnd.IntN(len(progs))]
	if p.Kind != "optional" && m.Windows {
		return false
	}
	for i, s := range m.sw {
		if s.p.Name == p.Name {
			m.sw = slices.Delete(m.sw, i, i+1)
			return true
		}
	}
	m.sw = append(m.sw, installed{p: p, version: len(p.Versions) - 1, date: at})
	return true
}
