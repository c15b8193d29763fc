package park

import (
	"strconv"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// Field is an asset field the inventory writes and a person can lock by
// editing it.
type Field struct {
	Name  string // column and history name, e.g. "os_name"
	Label string // English label, e.g. "Operating system"
	// from extracts the inventoried value; ok is false when the report does
	// not carry the field's section (a partial report), so it is left alone.
	from func(c *inventory.Content, n *Normaliser) (v string, ok bool)
	get  func(a *store.Asset) string
	set  func(a *store.Asset, v string)
	// check validates a person's value; nil accepts any text.
	check func(v string) error
}

// Check validates a value typed by a person.
func (f Field) Check(v string) error {
	if f.check == nil {
		return nil
	}
	return f.check(v)
}

// Get returns the field's value on a.
func (f Field) Get(a *store.Asset) string { return f.get(a) }

// Set writes v into the field of a.
func (f Field) Set(a *store.Asset, v string) { f.set(a, v) }

// From returns the field's value in a report, and false when the report
// does not carry it.
func (f Field) From(c *inventory.Content, n *Normaliser) (string, bool) { return f.from(c, n) }

// Fields are the inventoried fields, in display order.
var Fields = []Field{
	inv("name", "Name", hwOrDev(func(h *inventory.Hardware) string { return h.Name }, func(d *inventory.NetworkDevice) string { return d.Name }),
		func(a *store.Asset) string { return a.Name }, func(a *store.Asset, v string) { a.Name = v }),
	inv("uuid", "UUID", hw(func(h *inventory.Hardware) string { return h.UUID }),
		func(a *store.Asset) string { return a.UUID }, func(a *store.Asset, v string) { a.UUID = v }),
	inv("serial", "Serial number", biosOrDev(func(b *inventory.Bios) string { return b.SSN }, func(d *inventory.NetworkDevice) string { return d.Serial }),
		func(a *store.Asset) string { return a.Serial }, func(a *store.Asset, v string) { a.Serial = v }),
	inv("manufacturer", "Manufacturer", manufacturer,
		func(a *store.Asset) string { return a.Manufacturer }, func(a *store.Asset, v string) { a.Manufacturer = v }),
	inv("model", "Model", biosOrDev(func(b *inventory.Bios) string { return b.SModel }, func(d *inventory.NetworkDevice) string { return d.Model }),
		func(a *store.Asset) string { return a.Model }, func(a *store.Asset, v string) { a.Model = v }),
	inv("chassis", "Chassis", hw(func(h *inventory.Hardware) string { return h.ChassisType }),
		func(a *store.Asset) string { return a.Chassis }, func(a *store.Asset, v string) { a.Chassis = v }),
	inv("os_name", "Operating system", osf(func(o *inventory.OperatingSystem) string { return first(o.FullName, o.Name) }),
		func(a *store.Asset) string { return a.OSName }, func(a *store.Asset, v string) { a.OSName = v }),
	inv("os_version", "OS version", osf(func(o *inventory.OperatingSystem) string { return o.Version }),
		func(a *store.Asset) string { return a.OSVersion }, func(a *store.Asset, v string) { a.OSVersion = v }),
	inv("os_arch", "OS architecture", osf(func(o *inventory.OperatingSystem) string { return o.Arch }),
		func(a *store.Asset) string { return a.OSArch }, func(a *store.Asset, v string) { a.OSArch = v }),
	inv("os_kernel", "Kernel", osf(func(o *inventory.OperatingSystem) string { return o.KernelVersion }),
		func(a *store.Asset) string { return a.OSKernel }, func(a *store.Asset, v string) { a.OSKernel = v }),
	inv("domain", "Domain or workgroup", hw(func(h *inventory.Hardware) string { return h.Workgroup }),
		func(a *store.Asset) string { return a.Domain }, func(a *store.Asset, v string) { a.Domain = v }),
	inv("last_user", "Last user", hw(func(h *inventory.Hardware) string { return h.LastLoggedUser }),
		func(a *store.Asset) string { return a.LastUser }, func(a *store.Asset, v string) { a.LastUser = v }),
	inv("cpu", "Processor", cpu,
		func(a *store.Asset) string { return a.CPU }, func(a *store.Asset, v string) { a.CPU = v }),
	inv("memory_mb", "Memory (MiB)", memory,
		func(a *store.Asset) string { return itoa(a.MemoryMB) }, func(a *store.Asset, v string) { a.MemoryMB, _ = strconv.ParseInt(v, 10, 64) }),
	inv("firmware", "Firmware", biosOrDev(func(b *inventory.Bios) string { return b.BVersion }, func(d *inventory.NetworkDevice) string { return d.Firmware }),
		func(a *store.Asset) string { return a.Firmware }, func(a *store.Asset, v string) { a.Firmware = v }),
	inv("ip", "IP address", ip,
		func(a *store.Asset) string { return a.IP }, func(a *store.Asset, v string) { a.IP = v }),
	inv("inventory_number", "Inventory number", inventoryNumber,
		func(a *store.Asset) string { return a.InventoryNumber }, func(a *store.Asset, v string) { a.InventoryNumber = v }),
}

func inv(name, label string, from fromFunc, get func(*store.Asset) string, set func(*store.Asset, string)) Field {
	return Field{Name: name, Label: label, from: from, get: get, set: set}
}

// FieldByName finds an inventoried field.
func FieldByName(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

func itoa(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
