package edid

// pnpNames maps the PNP IDs of common monitor and laptop panel makers to
// the names GLPI and Windows show. The full registry (UEFI PNP ID list) has
// thousands of entries; these cover what a town hall's park holds.
var pnpNames = map[string]string{
	"AAC": "AcerView",
	"ACI": "Asus Computer Inc",
	"ACR": "Acer Technologies",
	"AOC": "AOC",
	"APP": "Apple Computer Inc",
	"AUO": "AU Optronics",
	"AUS": "ASUSTek Computer Inc",
	"BNQ": "BenQ Corporation",
	"BOE": "BOE Technology",
	"CMN": "Chimei Innolux Corporation",
	"CMO": "Chi Mei Optoelectronics",
	"CPQ": "Compaq Computer Company",
	"DEL": "Dell Inc.",
	"ENC": "EIZO Corporation",
	"EIZ": "EIZO Corporation",
	"FUS": "Fujitsu Siemens Computers GmbH",
	"GSM": "LG Electronics",
	"GWY": "Gateway 2000",
	"HKC": "HKC Overseas Ltd",
	"HPN": "HP Inc.",
	"HSD": "HannStar Display Corp",
	"HWP": "Hewlett Packard",
	"IBM": "IBM",
	"ICL": "Fujitsu ICL",
	"IVM": "Iiyama North America",
	"IVO": "InfoVision Optoelectronics",
	"LEN": "Lenovo Group Limited",
	"LGD": "LG Display",
	"LPL": "LG Philips",
	"MAX": "Belinea",
	"MEI": "Panasonic Industry Company",
	"MSI": "Microstep",
	"NEC": "NEC Corporation",
	"PHL": "Philips Consumer Electronics Company",
	"QDS": "Quanta Display Inc.",
	"RHT": "Red Hat, Inc.",
	"SAM": "Samsung Electric Company",
	"SDC": "Samsung Display Corp",
	"SEC": "Seiko Epson Corporation",
	"SHP": "Sharp Corporation",
	"SNY": "Sony",
	"STN": "Samtron",
	"TOS": "Toshiba Corporation",
	"TSB": "Toshiba America Info Systems Inc",
	"VSC": "ViewSonic Corporation",
	"XMI": "Xiaomi",
}

// ManufacturerName returns the maker's name for a 3-letter PNP ID, or the ID
// itself when it is not in the table.
func ManufacturerName(id string) string {
	if n, ok := pnpNames[id]; ok {
		return n
	}
	return id
}
