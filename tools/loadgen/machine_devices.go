package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

func ptr[T any](v T) *T { return &v }

// devices fills cpus, memories, storages, videos, batteries, users,
// antivirus and firewalls.
func (m *Machine) devices(r *rand.Rand, c *inventory.Content) {
	cpu := pick(r, m.model.CPUs)
	c.CPUs = []inventory.CPU{{Name: cpu.Name, Manufacturer: cpu.Manufacturer, FamilyName: cpu.Family,
		FamilyNumber: cpu.FamilyNumber, Model: cpu.Model, Stepping: cpu.Stepping, Core: cpu.Cores, CoreCount: cpu.Cores,
		Thread: cpu.Threads, Speed: cpu.SpeedMHz, ExternalClock: 100, ID: cpu.ID, Arch: "x86_64"}}

	mem := pick(r, memoryParts)
	if strings.Contains(cpu.Name, "13th Gen") {
		mem = memoryParts[len(memoryParts)-1]
	}
	modules := int64(2)
	if c.Hardware.Memory < 8000 || r.IntN(3) == 0 {
		modules = 1
	}
	form := "DIMM"
	if m.model.Laptop || m.model.Chassis == "Mini PC" {
		form = "SODIMM"
	}
	for k := int64(1); k <= 2; k++ {
		mod := inventory.Memory{Caption: fmt.Sprintf("DIMM %d", k), NumSlots: k, Description: form, FormFactor: form,
			MemoryCorrection: "None", Type: mem.Type, Speed: mem.Speed}
		if k <= modules {
			mod.Capacity = (c.Hardware.Memory + 200) / modules
			mod.Manufacturer, mod.Model, mod.SerialNumber = mem.Manufacturer, mem.Part, randomHex(r, 8)
		}
		c.Memories = append(c.Memories, mod)
	}

	disk := pick(r, diskModels[:4])
	if !m.model.Laptop && m.model.Year < 2020 && r.IntN(2) == 0 {
		disk = diskModels[4]
	}
	name := `\\.\PHYSICALDRIVE0`
	if !m.Windows {
		name = "nvme0n1"
		if disk.Interface == "SATA" {
			name = "sda"
		}
	}
	c.Storages = []inventory.Storage{{Name: name, Model: disk.Model, Manufacturer: disk.Manufacturer,
		Interface: disk.Interface, DiskSize: disk.SizeMB, Firmware: disk.Firmware, Description: disk.Description,
		Type: "disk", Serial: uniqueSerial("S", m.seed, m.Index, 1, 11)}}

	c.Videos = []inventory.Video{{Name: m.model.Video, Chipset: m.model.Video, Memory: 1024, Resolution: "1920x1080"}}
	if m.model.Laptop {
		c.Batteries = []inventory.Battery{{Name: strings.ToUpper(strings.Fields(m.model.Vendor)[0]) + " " + randomHex(r, 5),
			Manufacturer: pick(r, []string{"SMP", "LGC", "Sunwoda", "BYD"}), Chemistry: "Li-ion",
			Capacity: 54000, RealCapacity: int64(40000 + r.IntN(14000)), Voltage: 11400,
			Serial: fmt.Sprint(1000 + r.IntN(9000)), Date: time.Date(m.model.Year, 1+time.Month(r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")}}
	}
	c.Users = []inventory.User{{Login: m.user, Domain: townDomain}}
	if m.Windows {
		c.Antivirus = []inventory.Antivirus{{Name: "Microsoft Defender Antivirus", Company: "Microsoft Corporation",
			GUID: "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}", Enabled: ptr(true), UpToDate: ptr(true),
			Version: "4.18.24070.5", BaseVersion: "1.417.231.0", BaseCreation: epoch.AddDate(0, 0, -1).Format("2006-01-02")}}
		for _, p := range []string{"DomainProfile", "PublicProfile", "StandardProfile"} {
			c.Firewalls = append(c.Firewalls, inventory.Firewall{Profile: p, Status: "on"})
		}
	}
}

// nicKind is a network adapter of a machine, and the vendor prefix of its MAC.
type nicKind struct {
	oui, linuxName, kind string
}

// network fills networks: the wired and Wi-Fi adapters with MACs unique to
// the machine, the Bluetooth PAN adapter, the loopback on Linux and, on
// laptops, the VPN client's virtual adapter, whose MAC is the same on every
// PC (reconciliation must ignore it).
func (m *Machine) network(r *rand.Rand, c *inventory.Content) {
	subnet := services[m.slot.Service].Subnet
	host := 10 + m.slot.Number%240
	ip := fmt.Sprintf("10.20.%d.%d", subnet+16*(m.slot.Number/240), host)
	up := func(desc string, k nicKind, withIP bool) {
		n := inventory.Network{Description: desc, MAC: uniqueMAC(k.oui, m.seed, m.Index), Type: k.kind,
			Status: "up", Speed: "1000", Manufacturer: strings.Fields(desc)[0]}
		if !m.Windows {
			n.Description = k.linuxName
			n.Driver = map[string]string{"ethernet": "e1000e", "wifi": "iwlwifi"}[k.kind]
		}
		if withIP {
			n.IPAddress, n.IPMask, n.IPSubnet = ip, "255.255.255.0", fmt.Sprintf("10.20.%d.0", subnet)
			n.IPGateway, n.IPDHCP = c.Hardware.DefaultGateway, "10.20.0.10"
		} else {
			n.Status, n.Speed = "down", ""
		}
		c.Networks = append(c.Networks, n)
	}
	wiredUp := !m.model.Laptop || r.IntN(2) == 0
	if m.model.NICWired != "" {
		up(m.model.NICWired, nicKind{"8c:ec:4b", "enp0s31f6", "ethernet"}, wiredUp)
	}
	if m.model.NICWiFi != "" {
		n := len(c.Networks)
		up(m.model.NICWiFi, nicKind{"f4:26:79", "wlp0s20f3", "wifi"}, !wiredUp || m.model.NICWired == "")
		if c.Networks[n].Status == "up" {
			c.Networks[n].WifiSSID, c.Networks[n].Speed = "MAIRIE-AGENTS", "866"
		}
	}
	if m.Windows {
		c.Networks = append(c.Networks, inventory.Network{Description: "Bluetooth Device (Personal Area Network)",
			MAC: uniqueMAC("f4:26:7a", m.seed, m.Index), Type: "bluetooth", Status: "down", VirtualDev: ptr(false)})
	} else {
		c.Networks = append(c.Networks, inventory.Network{Description: "lo", IPAddress: "127.0.0.1",
			IPMask: "255.0.0.0", IPSubnet: "127.0.0.0", Type: "loopback", Status: "up", VirtualDev: ptr(true), MTU: 65536})
	}
	if m.model.Laptop && m.Windows {
		c.Networks = append(c.Networks, inventory.Network{Description: "Fortinet Virtual Ethernet Adapter (NDIS 6.30)",
			MAC: "00:09:0f:aa:00:01", Type: "ethernet", Status: "down", VirtualDev: ptr(true)})
	}
}

// volumes fills drives: C: on Windows; /, /boot/efi and /home on Linux.
func (m *Machine) volumes(r *rand.Rand, c *inventory.Content) {
	disk := c.Storages[0].DiskSize * 1000 * 1000 / (1 << 20) // MB to MiB
	if m.Windows {
		total := disk - 1500
		c.Drives = []inventory.Drive{{Letter: "C:", Description: "Local Fixed Disk", FileSystem: "NTFS",
			Label: "Windows", SystemDrive: ptr(true), Total: total, Free: total * int64(20+r.IntN(60)) / 100,
			Serial: randomHex(r, 8), Volumn: "C:", EncryptName: "BitLocker", EncryptAlgo: "XTS_AES_128",
			EncryptStat: "Yes", EncryptType: "software"}}
		return
	}
	part := "/dev/nvme0n1p"
	if c.Storages[0].Name == "sda" {
		part = "/dev/sda"
	}
	root := int64(60000)
	c.Drives = []inventory.Drive{
		{Type: "/boot/efi", Volumn: part + "1", FileSystem: "vfat", Total: 511, Free: 505, Serial: randomHex(r, 4) + "-" + randomHex(r, 4)},
		{Type: "/", Volumn: part + "2", FileSystem: "ext4", Total: root, Free: root * int64(30+r.IntN(50)) / 100, Serial: strings.ToLower(randomUUID(r))},
		{Type: "/home", Volumn: part + "3", FileSystem: "ext4", Total: disk - root - 2000, Free: (disk - root) * int64(20+r.IntN(70)) / 100, Serial: strings.ToLower(randomUUID(r))},
	}
}

// monitors fills monitors: one or two on a desktop, none to two on a laptop
// (its own panel is not listed, as the agent skips internal panels).
func (m *Machine) monitors(r *rand.Rand, c *inventory.Content, bought time.Time) {
	n := 1
	switch {
	case m.model.Laptop:
		n = []int{0, 0, 1, 1, 1, 2}[r.IntN(6)]
	case r.IntN(10) < 3:
		n = 2
	}
	mm := pick(r, monitorModels)
	for k := range n {
		serial := uniqueSerial(mm.SerialPrefix, m.seed, m.Index, 2+k, 9)
		port := []string{"DisplayPort", "HDMI"}[k%2]
		c.Monitors = append(c.Monitors, inventory.Monitor{Caption: mm.Caption, Name: mm.Caption,
			Manufacturer: mm.Manufacturer, Serial: serial, Port: port, Type: "LCD",
			Description: fmt.Sprintf("%d/%d", 1+r.IntN(52), bought.Year()-r.IntN(2))})
	}
}
