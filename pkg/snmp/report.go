package snmp

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// Meta is what a report says about who made it.
type Meta struct {
	// DeviceID is the id of the agent or collector running the task,
	// e.g. "parc-collector-01-2026-11-23-10-04-12"; required by the format.
	DeviceID string
	// VersionClient names the program, e.g. "Parc-Collector_v0.1.0".
	VersionClient string
	// JobID ties the report to the job that asked for it.
	JobID int64
	// Tag is the administrator's label.
	Tag string
	// Now stamps accesslog.logdate; time.Now when nil.
	Now func() time.Time
}

func (m Meta) base(action, itemType string) *inventory.Report {
	now := time.Now
	if m.Now != nil {
		now = m.Now
	}
	vc := m.VersionClient
	if vc == "" {
		vc = "Parc-SNMP"
	}
	id := m.DeviceID
	if id == "" {
		id = "parc-snmp-" + now().Format("2006-01-02-15-04-05")
	}
	return &inventory.Report{
		Action: action, DeviceID: id, ItemType: itemType, JobID: m.JobID, Tag: m.Tag,
		Content: inventory.Content{
			VersionClient: vc,
			AccessLog:     &inventory.AccessLog{LogDate: now().Format("2006-01-02 15:04:05")},
		},
	}
}

// networkDevice turns an identity into the network_device section.
func (id *Identity) networkDevice(credID int64) *inventory.NetworkDevice {
	typ := id.Type
	if typ == "" {
		typ = TypeUnmanaged
	}
	return &inventory.NetworkDevice{
		Type: typ, Description: id.Description, Firmware: id.Firmware, IPs: slices.Clone(id.IPs),
		Location: id.Location, MAC: id.MAC, Model: id.Model, Name: id.Name, Serial: id.Serial,
		Uptime: id.Uptime, Manufacturer: id.Manufacturer, Contact: id.Contact, Credentials: credID,
	}
}

// DiscoveryReport is the netdiscovery report of an identified device.
func (id *Identity) DiscoveryReport(m Meta, credID int64) *inventory.Report {
	typ := id.Type
	r := m.base(inventory.ActionNetDiscovery, ItemType(typ))
	r.Content.NetworkDevice = id.networkDevice(credID)
	return r
}

// UnmanagedReport is the netdiscovery report of a host that answers no
// SNMP but was seen on the network.
func UnmanagedReport(m Meta, ip, mac, how string) *inventory.Report {
	r := m.base(inventory.ActionNetDiscovery, "Unmanaged")
	r.Content.NetworkDevice = &inventory.NetworkDevice{Type: TypeUnmanaged, IPs: []string{ip}, MAC: mac,
		Description: "seen by " + how + ", no SNMP answer"}
	return r
}

// CartridgesJSON renders GLPI's cartridges section: one object of
// name -> value in a list, as GLPI Agent sends it ([{"tonerblack":"71"}]).
func CartridgesJSON(c map[string]string) json.RawMessage {
	if len(c) == 0 {
		return nil
	}
	// A map marshals with sorted keys, so the output is stable.
	b, _ := json.Marshal([]map[string]string{c})
	return b
}
