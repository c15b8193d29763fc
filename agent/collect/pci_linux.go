package collect

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

func init() {
	Register("controllers", controllersLinux)
	Register("videos", videosLinux)
}

// pciDevice is one device of /sys/bus/pci/devices with its pci.ids names.
type pciDevice struct {
	Slot                string // "0000:00:02.0"
	Class               string // "030000"
	Vendor, Device      string // "8086", "9a49"
	SubVendor, SubDev   string
	Rev, Driver         string
	VendorName, DevName string
	ClassName           string // subclass name, e.g. "VGA compatible controller"
}

func readPCIDevices(env *Env) ([]pciDevice, error) {
	entries, err := env.ReadDir("/sys/bus/pci/devices")
	if err != nil || len(entries) == 0 {
		return nil, fmt.Errorf("read /sys/bus/pci/devices: %w", ErrNoData)
	}
	var devs []pciDevice
	want := map[string]bool{}
	for _, e := range entries {
		dir := "/sys/bus/pci/devices/" + e.Name()
		d := pciDevice{
			Slot: e.Name(), Class: sysHex(env, dir+"/class"),
			Vendor: sysHex(env, dir+"/vendor"), Device: sysHex(env, dir+"/device"),
			SubVendor: sysHex(env, dir+"/subsystem_vendor"), SubDev: sysHex(env, dir+"/subsystem_device"),
			Rev: sysHex(env, dir+"/revision"),
		}
		if l, err := readLink(env, dir+"/driver"); err == nil {
			d.Driver = path.Base(l)
		}
		if len(d.Class) == 6 {
			want[d.Class[:2]], want[d.Class[:4]] = true, true
		}
		want[d.Vendor], want[d.Vendor+":"+d.Device] = true, true
		devs = append(devs, d)
	}
	names := readPCINames(env, want)
	for i := range devs {
		d := &devs[i]
		d.VendorName, d.DevName = names[d.Vendor], names[d.Vendor+":"+d.Device]
		if len(d.Class) == 6 {
			d.ClassName = firstOf(names[d.Class[:4]], names[d.Class[:2]])
		}
	}
	return devs, nil
}

// controllersLinux lists every PCI device, as lspci does.
func controllersLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	devs, err := readPCIDevices(env)
	if err != nil {
		return err
	}
	for _, d := range devs {
		c := inventory.Controller{
			Name: d.DevName, Caption: d.DevName, Manufacturer: d.VendorName, Type: d.ClassName,
			PCISlot: shortPCISlot(d.Slot), VendorID: d.Vendor, ProductID: d.Device,
			Rev: d.Rev, Driver: d.Driver,
		}
		if len(d.Class) >= 4 {
			c.PCIClass = d.Class[:4]
		}
		if d.SubVendor != "" && d.SubVendor != "0000" {
			c.PCISubsystemID = d.SubVendor + ":" + d.SubDev
		}
		if c.Name == "" {
			c.Name = d.Vendor + ":" + d.Device
		}
		r.Content.Controllers = append(r.Content.Controllers, c)
	}
	return nil
}

// videosLinux lists the display controllers (PCI class 03) with the
// resolution of the first connected output of their DRM card.
func videosLinux(ctx context.Context, env *Env, r *inventory.Report) error {
	devs, err := readPCIDevices(env)
	if err != nil {
		return err
	}
	for _, d := range devs {
		if !strings.HasPrefix(d.Class, "03") {
			continue
		}
		v := inventory.Video{
			Name:       strings.TrimSpace(d.VendorName + " " + d.DevName),
			Chipset:    d.DevName,
			PCISlot:    shortPCISlot(d.Slot),
			Resolution: drmResolution(env, d.Slot),
		}
		if v.Name == "" {
			v.Name = d.Vendor + ":" + d.Device
		}
		r.Content.Videos = append(r.Content.Videos, v)
	}
	if len(r.Content.Videos) == 0 {
		return fmt.Errorf("no display controller on the PCI bus: %w", ErrNoData)
	}
	return nil
}

// drmResolution returns the preferred mode (first line of "modes") of the
// first connected connector of the DRM card on that PCI slot.
func drmResolution(env *Env, slot string) string {
	conns, _ := env.Glob("/sys/bus/pci/devices/" + slot + "/drm/card*/card*-*")
	for _, c := range conns {
		if sysString(env, c+"/status") != "connected" {
			continue
		}
		modes := sysString(env, c+"/modes")
		if first, _, _ := strings.Cut(modes, "\n"); first != "" {
			return first
		}
	}
	return ""
}
