package snmp

import (
	"regexp"
	"strings"
)

// vendorHints says where a vendor keeps what the standard MIBs lack. A
// device uses the hints whose prefix starts its sysObjectID, or whose
// probe OID it answers. Each OID list is tried in order; the first
// non-empty value wins and overrides the generic result.
type vendorHints struct {
	name         string
	prefix       string // sysObjectID prefix, e.g. ".1.3.6.1.4.1.9."
	probe        string // or: an OID whose presence selects the hints
	manufacturer string // set when identification found none
	model        []string
	modelFirst   []string // columns whose first non-empty row is the model
	serial       []string
	firmware     []string
	hostname     []string
	// modelFix rewrites the model found (strip the brand, parse a status line).
	modelFix func(model string) string
}

var vendors = []vendorHints{
	{name: "cisco", prefix: ".1.3.6.1.4.1.9.", modelFirst: []string{oidEntPhysicalModel},
		hostname: []string{".1.3.6.1.4.1.9.2.1.3.0"}}, // OLD-CISCO-SYS hostName
	{name: "hp-etherswitch", prefix: ".1.3.6.1.4.1.11.2.3.7.11.",
		firmware: []string{".1.3.6.1.4.1.11.2.36.1.1.2.8.0"}, // hpHttpMgROMVersion
		serial:   []string{".1.3.6.1.4.1.11.2.36.1.1.2.9.0"}},
	{name: "hp-printer", prefix: ".1.3.6.1.4.1.11.2.3.9.", manufacturer: "Hewlett-Packard",
		model:    []string{".1.3.6.1.4.1.11.2.3.9.1.1.7.0", ".1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.2.0"},
		serial:   []string{".1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.3.0"},
		firmware: []string{".1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.6.0"},
		modelFix: hpStatusModel},
	{name: "hp-office", prefix: ".1.3.6.1.4.1.29999.", manufacturer: "Hewlett-Packard"},
	{name: "hp-laserjet-pro", prefix: ".1.3.6.1.4.1.26696.1.", manufacturer: "Hewlett-Packard"},
	{name: "ricoh", prefix: ".1.3.6.1.4.1.367.1.1", model: []string{oidPrtGeneralPrinterName},
		serial:   []string{".1.3.6.1.4.1.367.3.2.1.2.1.4.0"},
		hostname: []string{".1.3.6.1.4.1.367.3.2.1.6.1.1.7.1"}},
	{name: "kyocera", prefix: ".1.3.6.1.4.1.1347.", hostname: []string{".1.3.6.1.4.1.1347.40.10.1.1.5.1"}},
	{name: "canon", prefix: ".1.3.6.1.4.1.1602.", serial: []string{".1.3.6.1.4.1.1602.1.2.1.8.1.3.1.1", ".1.3.6.1.4.1.1602.1.2.1.4.0"},
		firmware: []string{".1.3.6.1.4.1.1602.1.1.1.4.0"}},
	{name: "brother", prefix: ".1.3.6.1.4.1.2435.", manufacturer: "Brother",
		serial:   []string{".1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.1.0"},
		firmware: []string{".1.3.6.1.4.1.2435.2.4.3.1240.1.4.0", ".1.3.6.1.4.1.2435.2.4.3.1240.6.5.0"},
		hostname: []string{".1.3.6.1.4.1.2435.2.4.3.1240.1.1.0"}},
	{name: "epson", prefix: ".1.3.6.1.4.1.1248.", model: []string{".1.3.6.1.4.1.1248.1.2.2.1.1.1.2.1"},
		serial: []string{".1.3.6.1.4.1.1248.1.2.2.1.1.1.5.1"}},
	{name: "lexmark", prefix: ".1.3.6.1.4.1.641.",
		model:    []string{".1.3.6.1.4.1.641.6.2.3.1.4.1", ".1.3.6.1.4.1.641.2.1.2.1.2.1"},
		serial:   []string{oidPrtGeneralSerialNumber + ".1", ".1.3.6.1.4.1.641.6.2.3.1.5.1", ".1.3.6.1.4.1.641.2.1.2.1.6.1"},
		firmware: []string{".1.3.6.1.4.1.641.6.3.3.1.7.1.1", ".1.3.6.1.4.1.641.2.1.2.1.4.1"},
		modelFix: stripBrand("Lexmark")},
	{name: "samsung", prefix: ".1.3.6.1.4.1.236.", manufacturer: "Samsung",
		model: []string{".1.3.6.1.4.1.236.11.5.11.53.31.1.4.0"}},
	{name: "xerox", prefix: ".1.3.6.1.4.1.253.", serial: []string{".1.3.6.1.4.1.253.8.53.3.2.1.3.1"}},
	{name: "juniper", prefix: ".1.3.6.1.4.1.2636.", serial: []string{".1.3.6.1.4.1.2636.3.1.3.0"},
		firmware: []string{".1.3.6.1.4.1.2636.3.40.1.4.1.1.1.5.0"}},
	{name: "force10", prefix: ".1.3.6.1.4.1.6027.", serial: []string{".1.3.6.1.4.1.6027.3.10.1.2.2.1.12.1", ".1.3.6.1.4.1.6027.3.8.1.1.5.0"}},
	{name: "apc", prefix: ".1.3.6.1.4.1.318.", serial: []string{".1.3.6.1.4.1.318.1.1.1.1.2.3.0", ".1.3.6.1.4.1.318.1.1.4.1.5.0"},
		model: []string{".1.3.6.1.4.1.318.1.1.1.1.1.1.0"}, firmware: []string{".1.3.6.1.4.1.318.1.1.1.1.2.1.0"}},
}

// genericSerialOIDs are tried, in order, when neither a vendor hint nor
// ENTITY-MIB nor Printer-MIB gives a serial number.
var genericSerialOIDs = []string{
	".1.3.6.1.4.1.248.14.1.1.9.1.10.1",    // Hirschmann
	".1.3.6.1.4.1.3417.2.11.1.4.0",        // Blue Coat
	".1.3.6.1.4.1.232.2.2.2.1.0",          // HP/Compaq CPQSINFO-MIB
	".1.3.6.1.4.1.318.1.1.4.1.5.0",        // APC MasterSwitch
	".1.3.6.1.4.1.6027.3.8.1.1.5.0",       // Force10 C-series chassis
	".1.3.6.1.4.1.6027.3.10.1.2.2.1.12.1", // Force10 S-series stack unit 1
}

// vendorFor returns the hints that apply to a sysObjectID.
func vendorFor(sysObjectID string) []vendorHints {
	var out []vendorHints
	oid := normOID(sysObjectID)
	for _, v := range vendors {
		if v.prefix != "" && strings.HasPrefix(oid+".", v.prefix) {
			out = append(out, v)
		}
	}
	return out
}

// hpStatusModel reads the model from HP's gdStatusId line
// ("...;MODEL:HP LaserJet M507;..."), or keeps the value as is.
func hpStatusModel(s string) string {
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if m, ok := strings.CutPrefix(part, "MODEL:"); ok {
			return strings.TrimSpace(m)
		}
	}
	if strings.Contains(s, ":") {
		return ""
	}
	return s
}

func stripBrand(brand string) func(string) string {
	re := regexp.MustCompile(`(?i)^` + regexp.QuoteMeta(brand) + `\s+`)
	return func(s string) string { return re.ReplaceAllString(s, "") }
}

// epsonModelFromOID decodes the model name Epson writes into its
// sysObjectID as a length and ASCII codes:
// .1.3.6.1.4.1.1248.1.1.2.1.3.7.65.76.45.67.88.49.49 is "AL-CX11".
func epsonModelFromOID(sysObjectID string) string {
	const prefix = ".1.3.6.1.4.1.1248.1.1.2.1.3."
	oid := normOID(sysObjectID)
	if !strings.HasPrefix(oid, prefix) {
		return ""
	}
	arcs, ok := parseOID(oid[len(prefix):])
	if !ok || len(arcs) < 2 || arcs[0] != uint64(len(arcs)-1) {
		return ""
	}
	b := make([]byte, 0, len(arcs)-1)
	for _, a := range arcs[1:] {
		if a < 0x20 || a > 0x7e {
			return ""
		}
		b = append(b, byte(a))
	}
	return string(b)
}
