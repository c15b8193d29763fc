package snmp

import (
	"context"
	"fmt"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// counterOIDs are single-value page counters, tried in order per field;
// the first integer wins. Kyocera's come first because its generic
// prtMarkerLifeCount also counts misfeeds.
var counterOIDs = map[string][]string{
	"total": {".1.3.6.1.4.1.1347.43.10.1.1.12.1.1", oidPrtMarkerLifeCount11},
	"black": {".1.3.6.1.4.1.1347.42.2.2.1.1.3.1.1"},
	"color": {".1.3.6.1.4.1.1347.42.2.1.1.1.8.1.1"},
	// Kyocera MFP counters.
	"scanned":    {".1.3.6.1.4.1.1347.46.10.1.1.5.3"},
	"printtotal": {".1.3.6.1.4.1.1347.42.3.1.1.1.1.1"},
	"printblack": {".1.3.6.1.4.1.1347.42.3.1.2.1.1.1.1"},
	"printcolor": {".1.3.6.1.4.1.1347.42.3.1.2.1.1.1.3"},
	"copytotal":  {".1.3.6.1.4.1.1347.42.3.1.1.1.1.2"},
	"copyblack":  {".1.3.6.1.4.1.1347.42.3.1.2.1.1.2.1"},
	"copycolor":  {".1.3.6.1.4.1.1347.42.3.1.2.1.1.2.3"},
	"faxtotal":   {".1.3.6.1.4.1.1347.42.3.1.1.1.1.4"},
}

// vendorCounterOIDs are read for devices of one vendor only and override
// the generic values.
var vendorCounterOIDs = []struct {
	prefix string
	oids   map[string][]string
}{
	{".1.3.6.1.4.1.11.", map[string][]string{ // HP netPML status-prt-engine
		"total":  {".1.3.6.1.4.1.11.2.3.9.4.2.1.4.1.2.5.0"},
		"color":  {".1.3.6.1.4.1.11.2.3.9.4.2.1.4.1.2.7.0"},
		"duplex": {".1.3.6.1.4.1.11.2.3.9.4.2.1.4.1.2.22.0"},
	}},
	{".1.3.6.1.4.1.253.8.", map[string][]string{ // Xerox xcmHrDevDetail
		"printtotal": {".1.3.6.1.4.1.253.8.53.13.2.1.6.1.20.1"},
		"printcolor": {".1.3.6.1.4.1.253.8.53.13.2.1.6.1.20.33"},
		"printblack": {".1.3.6.1.4.1.253.8.53.13.2.1.6.1.20.34"},
		"copycolor":  {".1.3.6.1.4.1.253.8.53.13.2.1.6.11.20.25"},
		"copyblack":  {".1.3.6.1.4.1.253.8.53.13.2.1.6.11.20.3"},
	}},
	{".1.3.6.1.4.1.2435.", map[string][]string{ // Brother brScanCountCounter
		"scanned": {".1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.54.2.2.1.3.3"},
	}},
}

// xeroxScanOIDs are summed: scans sent by e-mail and saved to the network.
var xeroxScanOIDs = []string{".1.3.6.1.4.1.253.8.53.13.2.1.6.10.20.11", ".1.3.6.1.4.1.253.8.53.13.2.1.6.10.20.12"}

// ReadPageCounters reads a printer's page counters: the Printer-MIB life
// count, and the vendor counters of HP, Kyocera, Ricoh, Xerox, Canon and
// Brother that split it by colour and function. It returns nil when the
// device has none.
func ReadPageCounters(ctx context.Context, r Reader, sysObjectID string) (*inventory.PageCounters, error) {
	vals := map[string]int64{}
	if err := readCounterOIDs(ctx, r, counterOIDs, vals); err != nil {
		return nil, err
	}
	oid := normOID(sysObjectID) + "."
	for _, v := range vendorCounterOIDs {
		if strings.HasPrefix(oid, v.prefix) {
			if err := readCounterOIDs(ctx, r, v.oids, vals); err != nil {
				return nil, err
			}
		}
	}
	if strings.HasPrefix(oid, ".1.3.6.1.4.1.253.8.") {
		if err := xeroxTotals(ctx, r, vals); err != nil {
			return nil, err
		}
	}
	if strings.HasPrefix(oid, ".1.3.6.1.4.1.367.") {
		if err := ricohCounters(ctx, r, vals); err != nil {
			return nil, err
		}
	}
	if strings.HasPrefix(oid, ".1.3.6.1.4.1.1602.") {
		if err := canonCounters(ctx, r, vals); err != nil {
			return nil, err
		}
	}
	return pageCounters(vals), nil
}

func readCounterOIDs(ctx context.Context, r Reader, m map[string][]string, vals map[string]int64) error {
	var oids []string
	for _, list := range m {
		oids = append(oids, list...)
	}
	v, err := r.Get(ctx, oids...)
	if err != nil {
		return fmt.Errorf("read page counters: %w", err)
	}
	for field, list := range m {
		for _, o := range list {
			if n, ok := pduInt(v[o]); ok && n >= 0 {
				vals[field] = n
				break
			}
		}
	}
	return nil
}

func xeroxTotals(ctx context.Context, r Reader, vals map[string]int64) error {
	v, err := r.Get(ctx, xeroxScanOIDs...)
	if err != nil {
		return fmt.Errorf("read xerox scan counters: %w", err)
	}
	var scans int64
	for _, o := range xeroxScanOIDs {
		if n, ok := pduInt(v[o]); ok && n > 0 {
			scans += n
		}
	}
	if scans > 0 {
		vals["scanned"] = scans
	}
	if vals["copyblack"] > 0 || vals["copycolor"] > 0 {
		vals["copytotal"] = vals["copyblack"] + vals["copycolor"]
	}
	return nil
}

// pageCounters builds the section, or nil when nothing was read.
func pageCounters(vals map[string]int64) *inventory.PageCounters {
	if len(vals) == 0 {
		return nil
	}
	return &inventory.PageCounters{
		Total: vals["total"], Black: vals["black"], Color: vals["color"], RectoVerso: vals["rectoverso"],
		Scanned: vals["scanned"], PrintTotal: vals["printtotal"], PrintBlack: vals["printblack"],
		PrintColor: vals["printcolor"], CopyTotal: vals["copytotal"], CopyBlack: vals["copyblack"],
		CopyColor: vals["copycolor"], FaxTotal: vals["faxtotal"], Duplex: vals["duplex"],
	}
}
