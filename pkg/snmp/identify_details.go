package snmp

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
)

// vendorDetails fills model, manufacturer, serial, firmware and host name
// from the vendor hints and the generic MIBs, in GLPI Agent's order of
// preference.
func (id *Identity) vendorDetails(ctx context.Context, r Reader, v Vars) error {
	hints := vendorFor(id.SysObjectID)
	var oids []string
	for _, h := range hints {
		oids = append(oids, h.model...)
		oids = append(oids, h.serial...)
		oids = append(oids, h.firmware...)
		oids = append(oids, h.hostname...)
	}
	var vv Vars
	var err error
	if len(oids) > 0 {
		if vv, err = r.Get(ctx, oids...); err != nil {
			return err
		}
	}
	firstOf := func(list []string) string {
		for _, o := range list {
			if s := cleanText(pduString(vv[o])); s != "" {
				return s
			}
		}
		return ""
	}
	if id.Model == "" {
		switch id.Type {
		case TypePrinter:
			id.Model = cleanText(pduString(v[oidHrDeviceDescr1]))
		case TypePower:
			id.Model = cleanText(pduString(v[oidUpsIdentModel]))
		}
	}
	if id.Model == "" {
		if id.Model, err = firstRow(ctx, r, oidEntPhysicalModel); err != nil {
			return err
		}
	}
	if id.Manufacturer == "" {
		id.Manufacturer = cleanText(pduString(v[oidPrtInputVendorName11]))
	}
	if id.Manufacturer == "" && id.Type == TypePower {
		id.Manufacturer = cleanText(pduString(v[oidUpsIdentManufacturer]))
	}
	for _, h := range hints {
		if m := firstOf(h.model); m != "" {
			id.Model = m
		}
		if len(h.modelFirst) > 0 {
			m, err := firstRow(ctx, r, h.modelFirst[0])
			if err != nil {
				return err
			}
			if m != "" {
				id.Model = m
			}
		}
		if h.modelFix != nil && id.Model != "" {
			id.Model = h.modelFix(id.Model)
		}
		if id.Manufacturer == "" {
			id.Manufacturer = h.manufacturer
		}
		if n := firstOf(h.hostname); n != "" && !strings.EqualFold(n, "RICOH "+id.Model) {
			id.Name = n
		}
		if id.Serial == "" {
			id.Serial = cleanSerial(firstOf(h.serial))
		}
		if id.Firmware == "" {
			id.Firmware = strings.TrimPrefix(firstOf(h.firmware), "Firmware Ver.")
		}
	}
	if id.Model == "" {
		id.Model = epsonModelFromOID(id.SysObjectID)
	}
	if first, _, _ := strings.Cut(id.Model, " "); strings.EqualFold(first, "dell") {
		id.Manufacturer = "Dell"
	}
	if err := id.genericSerialFirmware(ctx, r); err != nil {
		return err
	}
	return nil
}

// genericSerialFirmware fills serial and firmware from ENTITY-MIB, the
// Printer-MIB and known vendor OIDs when the vendor hints gave none.
func (id *Identity) genericSerialFirmware(ctx context.Context, r Reader) error {
	var err error
	for _, col := range []string{oidEntPhysicalSerial, oidPrtGeneralSerialNumber} {
		if id.Serial != "" {
			break
		}
		var s string
		if s, err = firstRow(ctx, r, col); err != nil {
			return err
		}
		id.Serial = cleanSerial(s)
	}
	for _, col := range []string{oidEntPhysicalSoftware, oidEntPhysicalFirmware} {
		if id.Firmware != "" {
			break
		}
		if id.Firmware, err = firstRow(ctx, r, col); err != nil {
			return err
		}
	}
	// The generic scalars of both, when needed, in one request.
	var oids []string
	if id.Serial == "" {
		oids = append(oids, genericSerialOIDs...)
	}
	if id.Firmware == "" {
		oids = append(oids, genericFirmwareOIDs...)
	}
	if len(oids) == 0 {
		return nil
	}
	v, err := r.Get(ctx, oids...)
	if err != nil {
		return err
	}
	for _, o := range genericSerialOIDs {
		if s := cleanSerial(pduString(v[o])); s != "" && id.Serial == "" {
			id.Serial = s
		}
	}
	for _, o := range genericFirmwareOIDs {
		if s := cleanText(pduString(v[o])); s != "" && id.Firmware == "" {
			id.Firmware = s
		}
	}
	return nil
}

// genericFirmwareOIDs are tried, in order, when no vendor hint or
// ENTITY-MIB gave the firmware: Cisco's image version, Hirschmann's.
var genericFirmwareOIDs = []string{".1.3.6.1.4.1.9.9.25.1.1.1.2.5", ".1.3.6.1.4.1.248.14.1.1.2.0"}

// firstRow walks a column and returns its first non-empty value in OID
// order. A device that does not have the column gives "".
func firstRow(ctx context.Context, r Reader, column string) (string, error) {
	t, err := r.Walk(ctx, column)
	if err != nil && !errors.Is(err, ErrTableTooLarge) && !errors.Is(err, ErrWalkLoop) {
		return "", err
	}
	for _, s := range t.Suffixes() {
		if v := cleanText(t.String(s)); v != "" && !strings.HasPrefix(v, "0x") {
			return v, nil
		}
	}
	return "", nil
}

var reOnlyX = regexp.MustCompile(`^X+$`)

// cleanSerial drops what is not a serial number: non-printable bytes,
// dots runs, placeholder values such as "XXXXXXXX".
func cleanSerial(s string) string {
	if strings.HasPrefix(s, "0x") {
		return ""
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	s = regexp.MustCompile(`\.{2,}`).ReplaceAllString(strings.TrimSpace(s), "")
	if reOnlyX.MatchString(s) {
		return ""
	}
	return s
}

// addresses fills the base MAC and the device's IPv4 addresses.
func (id *Identity) addresses(ctx context.Context, r Reader, v Vars) error {
	ips, err := r.Walk(ctx, oidIPAdEntAddr)
	if err != nil && !errors.Is(err, ErrTableTooLarge) {
		return err
	}
	for _, s := range ips.Suffixes() {
		if ip := pduString(ips[s]); ip != "" && ip != "0.0.0.0" {
			id.IPs = append(id.IPs, ip)
		}
	}
	slices.Sort(id.IPs)
	id.IPs = slices.Compact(id.IPs)
	if mac := pduMAC(v[oidDot1dBaseBridgeAddress]); validMAC(mac) {
		id.MAC = mac
		return nil
	}
	phys, err := r.Walk(ctx, oidIfPhysAddress)
	if err != nil && !errors.Is(err, ErrTableTooLarge) {
		return err
	}
	ifOfIP, err := r.Walk(ctx, oidIPAdEntIfIndex)
	if err != nil && !errors.Is(err, ErrTableTooLarge) {
		return err
	}
	speeds, err := r.Walk(ctx, oidIfSpeed)
	if err != nil && !errors.Is(err, ErrTableTooLarge) {
		return err
	}
	id.MAC = pickBaseMAC(phys, ifOfIP, speeds)
	return nil
}
