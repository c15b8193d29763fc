package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// epoch is the simulated date of the first report. Reports carry dates
// derived from it rather than from the clock, so a seed always gives the
// same bytes.
var epoch = time.Date(2024, 9, 2, 8, 0, 0, 0, time.FixedZone("CEST", 2*3600))

// Machine is one simulated PC: its current full inventory and the random
// source that drives its changes between reports.
type Machine struct {
	Index    int
	Host     string
	DeviceID string
	Windows  bool
	// Full is the machine's current full report; Partial reports are cut
	// from it after a change.
	Full *inventory.Report

	slot    slot
	model   machineModel
	seed    uint64
	rnd     *rand.Rand
	cat     *catalogue
	user    string
	sw      []installed
	kbs     []string
	reports int               // reports made so far, to date them
	sums    map[string]string // section checksums of the last report
}

// newMachine builds machine i of the park planned with seed.
func newMachine(cat *catalogue, seed uint64, i int, sl slot) *Machine {
	r := machineRand(seed, i, 1)
	m := &Machine{Index: i, Host: sl.Host(), slot: sl, seed: seed, rnd: machineRand(seed, i, 2), cat: cat}
	m.model = pickModel(r, sl.Laptop)
	m.Windows = r.IntN(100) >= services[sl.Service].Linux
	first, last := pick(r, firstNames), pick(r, lastNames)
	m.user = strings.ToLower(asciiFold(first)[:1] + asciiFold(last))
	bought := time.Date(m.model.Year+r.IntN(2), time.Month(1+r.IntN(12)), 1+r.IntN(28), 9, 0, 0, 0, epoch.Location())
	if bought.After(epoch) {
		bought = epoch.AddDate(0, -1-r.IntN(6), 0)
	}
	m.DeviceID = m.Host + "-" + bought.Add(time.Duration(r.IntN(3600*8))*time.Second).Format("2006-01-02-15-04-05")

	rep := &inventory.Report{Action: "inventory", DeviceID: m.DeviceID, ItemType: "Computer"}
	c := &rep.Content
	c.VersionClient = "Parc-Agent_v0.1.0"
	c.VersionProvider = &inventory.VersionProvider{Name: "Parc-Agent", Version: "0.1.0", Program: "parc-agent", ETime: 3,
		Comments: []string{"Go: go1.26.0"}}
	m.hardware(r, c, bought)
	m.devices(r, c)
	m.network(r, c)
	m.volumes(r, c)
	m.monitors(r, c, bought)
	m.installSoftware(r, bought)
	c.Softwares = m.softwares()
	m.Full = rep
	return m
}

// pickModel draws a model of the right kind by purchase share.
func pickModel(r *rand.Rand, laptop bool) machineModel {
	total := 0
	for _, e := range models {
		if e.m.Laptop == laptop {
			total += e.weight
		}
	}
	w := r.IntN(total)
	for _, e := range models {
		if e.m.Laptop != laptop {
			continue
		}
		if w < e.weight {
			return e.m
		}
		w -= e.weight
	}
	panic("unreachable: weights cover every model")
}

// serial is the machine's maker serial: a Dell service tag, an HP serial
// ("CZC..." desktops, "5CG..." laptops) or a Lenovo one ("PF..." laptops,
// "MJ0..." desktops).
func (m *Machine) serial() string {
	switch {
	case m.model.Vendor == "Dell Inc.":
		return uniqueSerial("", m.seed, m.Index, 0, 7)
	case m.model.Vendor == "HP" && m.model.Laptop:
		return uniqueSerial("5CG", m.seed, m.Index, 0, 7)
	case m.model.Vendor == "HP":
		return uniqueSerial("CZC", m.seed, m.Index, 0, 7)
	case m.model.Laptop:
		return uniqueSerial("PF", m.seed, m.Index, 0, 6)
	}
	return uniqueSerial("MJ0", m.seed, m.Index, 0, 5)
}

// hardware fills hardware, bios and operatingsystem.
func (m *Machine) hardware(r *rand.Rand, c *inventory.Content, bought time.Time) {
	md := m.model
	ram := pick(r, md.RAMGiB)
	sn := m.serial()
	c.Hardware = &inventory.Hardware{Name: m.Host, UUID: randomUUID(r), ChassisType: md.Chassis,
		Memory: ram*1024 - 200, Workgroup: townDNS, LastLoggedUser: m.user, VMSystem: "Physical",
		DefaultGateway: fmt.Sprintf("10.20.%d.1", services[m.slot.Service].Subnet), DNS: "10.20.0.10/10.20.0.11"}
	biosIdx := r.IntN(len(md.BIOSVers))
	c.Bios = &inventory.Bios{BManufacturer: md.BIOSVendor, BVersion: md.BIOSVers[biosIdx],
		BDate:         bought.AddDate(0, -2-r.IntN(6)+biosIdx*5, 0).Format("2006-01-02"),
		SManufacturer: md.Vendor, SModel: md.Name, SSN: sn, SKUNumber: md.SKU,
		MManufacturer: md.Vendor, MModel: md.Board, MSN: "/" + sn + "/CNFCW00" + randomHex(r, 5) + "/",
		EnclosureSerial: sn, AssetTag: fmt.Sprintf("MSA-%d-%04d", bought.Year(), 1+m.Index%10000)}
	installed := bought.Add(time.Duration(2+r.IntN(48)) * time.Hour)
	boot := epoch.Add(-time.Duration(1+r.IntN(72*60)) * time.Minute)
	if m.Windows {
		c.Hardware.Workgroup = townDomain
		c.Hardware.WinOwner, c.Hardware.WinCompany, c.Hardware.WinLang = "Mairie", townName, "1036"
		c.Hardware.WinProdID = fmt.Sprintf("00330-%05d-%05d-AA%03d", r.IntN(100000), r.IntN(100000), r.IntN(1000))
		c.Hardware.Swap = ram * 1024 / 4
		name, version, kernel := "Microsoft Windows 11 Professionnel", "23H2", "10.0.22631"
		if md.Year < 2021 && r.IntN(100) < 70 {
			name, version, kernel = "Microsoft Windows 10 Professionnel", "22H2", "10.0.19045"
		}
		c.OperatingSystem = &inventory.OperatingSystem{Name: "Windows", FullName: name, Version: version,
			KernelName: "MSWin32", KernelVersion: kernel, Arch: "64-bit", ServicePack: version,
			InstallDate: installed.Format("2006-01-02 15:04:05"), BootTime: boot.Format("2006-01-02 15:04:05"),
			DNSDomain: townDNS, FQDN: strings.ToLower(m.Host) + "." + townDNS,
			Timezone: &inventory.Timezone{Name: "Paris, Madrid", Offset: "+0200"}}
		return
	}
	c.Hardware.Swap = 975
	c.Hardware.Description = "x86_64/00-" + fmt.Sprintf("%02d %02d:%02d:%02d", r.IntN(30), r.IntN(24), r.IntN(60), r.IntN(60))
	c.OperatingSystem = &inventory.OperatingSystem{Name: "Debian", FullName: "Debian GNU/Linux 12 (bookworm)",
		Version: "12.6", KernelName: "linux", KernelVersion: "6.1.0-23-amd64", Arch: "x86_64",
		InstallDate: installed.Format("2006-01-02 15:04:05"), BootTime: boot.Format("2006-01-02 15:04:05"),
		DNSDomain: townDNS, FQDN: strings.ToLower(m.Host) + "." + townDNS, HostID: randomHex(r, 8),
		SSHKey:   "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + randomHex(r, 43),
		Timezone: &inventory.Timezone{Name: "Europe/Paris", Offset: "+0200"}}
}

// asciiFold drops French accents, for logins.
func asciiFold(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "É", "E", "à", "a", "ç", "c", "ô", "o", "î", "i").Replace(s)
}
