package snmp

import (
	"regexp"
	"strings"
)

// sysDescrVendor maps the first word of sysDescr to a manufacturer and,
// when the word says it, a type. It is used only when sysObjectID did not
// identify the device.
var sysDescrVendor = map[string]struct{ manufacturer, typ string }{
	"3com":           {"3Com", TypeNetworking},
	"alcatel-lucent": {"Alcatel-Lucent", TypeNetworking},
	"allied":         {"Allied", TypeNetworking},
	"apc":            {"APC", TypePower},
	"aruba":          {"Aruba", TypeNetworking},
	"axis":           {"Axis", TypeNetworking},
	"baystack":       {"Nortel", TypeNetworking},
	"brocade":        {"Brocade", TypeNetworking},
	"brother":        {"Brother", TypePrinter},
	"canon":          {"Canon", TypePrinter},
	"cisco":          {"Cisco", TypeNetworking},
	"d-link":         {"D-Link", TypeNetworking},
	"dell":           {"Dell", ""},
	"designjet":      {"Hewlett-Packard", TypePrinter},
	"deskjet":        {"Hewlett-Packard", TypePrinter},
	"eaton":          {"Eaton", TypePower},
	"emc":            {"EMC", TypeStorage},
	"epson":          {"Epson", TypePrinter},
	"extreme":        {"Extreme", TypeNetworking},
	"force10":        {"Force10", TypeNetworking},
	"fortinet":       {"Fortinet", TypeNetworking},
	"h3c":            {"H3C", TypeNetworking},
	"hp":             {"Hewlett-Packard", ""},
	"huawei":         {"Huawei", TypeNetworking},
	"juniper":        {"Juniper", TypeNetworking},
	"konica":         {"Konica Minolta", TypePrinter},
	"kyocera":        {"Kyocera", TypePrinter},
	"lancom":         {"Lancom", TypeNetworking},
	"lexmark":        {"Lexmark", TypePrinter},
	"mikrotik":       {"MikroTik", TypeNetworking},
	"netapp":         {"NetApp", TypeStorage},
	"netgear":        {"NetGear", TypeNetworking},
	"nortel":         {"Nortel", TypeNetworking},
	"officejet":      {"Hewlett-Packard", TypePrinter},
	"oki":            {"OKI", TypePrinter},
	"procurve":       {"Hewlett-Packard", TypeNetworking},
	"ricoh":          {"Ricoh", TypePrinter},
	"routeros":       {"MikroTik", TypeNetworking},
	"samsung":        {"Samsung", TypePrinter},
	"sharp":          {"Sharp", TypePrinter},
	"synology":       {"Synology", TypeStorage},
	"toshiba":        {"Toshiba", TypePrinter},
	"ubiquiti":       {"Ubiquiti", TypeNetworking},
	"xerox":          {"Xerox", TypePrinter},
	"zebranet":       {"Zebra", TypePrinter},
	"zyxel":          {"ZyXEL", TypeNetworking},
}

// sysDescrRule matches the whole sysDescr.
type sysDescrRule struct {
	re           *regexp.Regexp
	manufacturer string
	typ          string
	kind         Kind
}

var sysDescrRules = []sysDescrRule{
	{re: regexp.MustCompile(`(?i)\b(access point|aironet|unifi ap|wireless ap)\b|\bAP\d{3}`), typ: TypeNetworking, kind: KindAP},
	{re: regexp.MustCompile(`(?i)\bswitch\b|catalyst|procurve|\bWS-C\d`), typ: TypeNetworking, kind: KindSwitch},
	{re: regexp.MustCompile(`(?i)\brouter\b|\bISR\d|\bASR\d`), typ: TypeNetworking, kind: KindRouter},
	{re: regexp.MustCompile(`JETDIRECT|(?i)print server|\bprinter\b|laserjet`), typ: TypePrinter, kind: KindPrinter},
	{re: regexp.MustCompile(`(?i)\bUPS\b|smart-ups|powerware`), typ: TypePower, kind: KindUPS},
	{re: regexp.MustCompile(`Linux TS-\d+`), manufacturer: "Qnap", typ: TypeStorage, kind: KindStorage},
	{re: regexp.MustCompile(`(?i)\b(NAS|storage|diskstation)\b`), typ: TypeStorage, kind: KindStorage},
	{re: regexp.MustCompile(`(?i)\b(IP phone|SIP phone|VoIP phone)\b|^(Yealink|Polycom|Snom|Grandstream)`), typ: TypePhone, kind: KindPhone},
}

// matchSysDescr returns what sysDescr says about the device.
func matchSysDescr(descr string) (manufacturer, typ string, kind Kind) {
	first, _, _ := strings.Cut(strings.TrimSpace(descr), " ")
	first = strings.TrimRight(strings.ToLower(first), ",;:")
	if v, ok := sysDescrVendor[first]; ok {
		manufacturer, typ = v.manufacturer, v.typ
	}
	for _, r := range sysDescrRules {
		if r.re.MatchString(descr) {
			if manufacturer == "" {
				manufacturer = r.manufacturer
			}
			if typ == "" {
				typ = r.typ
			}
			kind = r.kind
			break
		}
	}
	return manufacturer, typ, kind
}
