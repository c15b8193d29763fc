package snmp

import (
	"context"
	"fmt"
	"strings"
)

// Identity is what identification learns about a device: enough for a
// netdiscovery report and to choose how to inventory it.
type Identity struct {
	SysObjectID  string
	Description  string // sysDescr
	Name         string // sysName, or the vendor's host name
	Location     string
	Contact      string
	Uptime       string // "25 days, 4:16:37.35"
	Type         string // network_device.type: Networking, Printer, Power...; "" when unknown
	Kind         Kind
	Manufacturer string
	Model        string
	Serial       string
	Firmware     string
	MAC          string
	IPs          []string
	// Source says what decided the type: "sysobjectid", "sysdescr", "mib".
	Source string
}

// probeOIDs are read with the system group in one request: their presence
// tells the device's type when sysObjectID and sysDescr do not.
var probeOIDs = []string{
	oidSysDescr, oidSysObjectID, oidSysUpTime, oidSysContact, oidSysName, oidSysLocation,
	oidPrtGeneralPrinterName, oidPrtMarkerSuppliesDesc1, oidHrDeviceType1, oidHrDeviceDescr1,
	oidPrtInputVendorName11, oidPpmPrinterName1,
	oidDot1dBaseBridgeAddress, oidDot1dBaseNumPorts, oidIPForwarding,
	oidUpsIdentManufacturer, oidUpsIdentModel, oidDot11StationID1,
}

// Identify reads the system group and a few probe OIDs and works out the
// device's manufacturer, type, model, serial, firmware, MAC and addresses:
// sysObjectID against db first, then sysDescr rules, then MIB probing, then
// vendor-specific OIDs. It fails only when the device does not answer.
func Identify(ctx context.Context, r Reader, db *SysObjectDB) (*Identity, error) {
	v, err := r.Get(ctx, probeOIDs...)
	if err != nil {
		return nil, fmt.Errorf("identify: %w", err)
	}
	id := newIdentity(v, db)
	return id, id.details(ctx, r, v)
}

// newIdentity works out what the system group and the probe OIDs in v
// tell: names, manufacturer, type and kind.
func newIdentity(v Vars, db *SysObjectDB) *Identity {
	id := &Identity{
		SysObjectID: pduString(v[oidSysObjectID]),
		Description: cleanText(pduString(v[oidSysDescr])),
		Name:        cleanText(pduString(v[oidSysName])),
		Location:    cleanText(pduString(v[oidSysLocation])),
		Contact:     cleanText(pduString(v[oidSysContact])),
		Uptime:      pduTicks(v[oidSysUpTime]),
	}
	if id.Name == "" {
		id.Name = cleanText(pduString(v[oidPpmPrinterName1]))
	}
	// net-snmp's placeholder texts are not a location or a contact.
	if strings.Contains(id.Location, "edit /etc") && strings.Contains(id.Location, "snmp") {
		id.Location = ""
	}
	if strings.Contains(id.Contact, "configure /etc") && strings.Contains(id.Contact, "snmp") {
		id.Contact = ""
	}
	if e, ok := db.Lookup(id.SysObjectID); ok {
		id.Manufacturer, id.Type, id.Model = e.Manufacturer, e.Type, e.Model
		if id.Type != "" {
			id.Source = "sysobjectid"
		}
	}
	m, t, kind := matchSysDescr(id.Description)
	if id.Manufacturer == "" {
		id.Manufacturer = m
	}
	if id.Type == "" && t != "" {
		id.Type, id.Source = t, "sysdescr"
	}
	if id.Type == "" {
		id.Type = probeType(v)
		if id.Type != "" {
			id.Source = "mib"
		}
	}
	id.Kind = classify(id, kind, v)
	return id
}

// details reads the vendor's model, serial and firmware OIDs and the
// device's addresses.
func (id *Identity) details(ctx context.Context, r Reader, v Vars) error {
	if err := id.vendorDetails(ctx, r, v); err != nil {
		return err
	}
	return id.addresses(ctx, r, v)
}

// probeType looks for MIBs only one kind of device implements.
func probeType(v Vars) string {
	if _, ok := v[oidPrtGeneralPrinterName]; ok {
		return TypePrinter
	}
	if _, ok := v[oidPrtMarkerSuppliesDesc1]; ok {
		return TypePrinter
	}
	if pduString(v[oidHrDeviceType1]) == oidHrDevicePrinter {
		return TypePrinter
	}
	if _, ok := v[oidUpsIdentModel]; ok {
		return TypePower
	}
	if _, ok := v[oidDot11StationID1]; ok {
		return TypeNetworking
	}
	// A bridge with a handful of ports is a switch; hosts bridging a VM or
	// two have fewer.
	if n, ok := pduInt(v[oidDot1dBaseNumPorts]); ok && n >= 4 {
		return TypeNetworking
	}
	return ""
}

// classify picks Parc's kind from the type and what sysDescr, the model
// and the probes say.
func classify(id *Identity, descrKind Kind, v Vars) Kind {
	switch id.Type {
	case TypePrinter:
		return KindPrinter
	case TypePower:
		return KindUPS
	case TypeStorage:
		return KindStorage
	case TypePhone:
		return KindPhone
	case TypeNetworking:
	default:
		return KindOther
	}
	if descrKind == KindAP || descrKind == KindSwitch || descrKind == KindRouter {
		return descrKind
	}
	if _, ok := v[oidDot11StationID1]; ok {
		return KindAP
	}
	if m, _, k := matchSysDescr(id.Model); m == "" && k != "" && k != KindPrinter {
		return k
	}
	if n, ok := pduInt(v[oidDot1dBaseNumPorts]); ok && n >= 4 {
		return KindSwitch
	}
	if f, ok := pduInt(v[oidIPForwarding]); ok && f == 1 {
		return KindRouter
	}
	return KindSwitch
}

// cleanText trims a device string, drops the stray quote some agents
// wrap values in (as GLPI Agent does), and keeps the line breaks of
// multi-line sysDescr values.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	s = strings.TrimSpace(strings.Join(lines, "\n"))
	s = strings.TrimPrefix(strings.TrimPrefix(s, `\"`), `"`)
	s = strings.TrimSuffix(strings.TrimSuffix(s, `"`), `\`)
	return strings.TrimSpace(s)
}
