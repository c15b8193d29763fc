package i18n

// enNetwork is the network devices' part of the English catalogue
// (switch ports, printer counters and supplies, unmanaged hosts), merged
// into en at start-up.
var enNetwork = map[string]string{
	"type.unmanaged": "Unmanaged device",

	"net.network":        "Network",
	"net.switch":         "Switch",
	"net.port":           "port",
	"net.vlan":           "VLAN",
	"net.import":         "Import this device",
	"net.import_help":    "A network discovery saw this device but could not identify it. Import it as the kind of device it is; its history is kept and its next inventory updates it.",
	"net.import_as":      "Import as",
	"net.import_invalid": "Only an unmanaged device can be imported, as a printer, a network device, a computer, a phone or a peripheral.",

	"net.printer":          "Printer",
	"net.low_count":        "%d supplies low",
	"net.supplies":         "Supplies",
	"net.low_under":        "low under %d %%",
	"net.low":              "Low",
	"net.counters":         "Page counters",
	"net.day":              "Day",
	"net.c_total":          "Total",
	"net.c_black":          "Black and white",
	"net.c_color":          "Colour",
	"net.c_print":          "Printed (b&w/colour)",
	"net.c_copy":           "Copied (b&w/colour)",
	"net.c_scan":           "Scanned",
	"net.c_fax":            "Fax",
	"net.c_duplex":         "Recto-verso",
	"net.pages_per_month":  "Pages per month",
	"net.month":            "Month",
	"net.pages":            "Pages",
	"net.levels_over_time": "Supply levels over time (%)",

	"net.ports":       "Ports",
	"net.vlans":       "VLANs",
	"net.status":      "Status",
	"net.speed":       "Speed",
	"net.connected":   "Connected",
	"net.disabled":    "Disabled",
	"net.up":          "Up",
	"net.down":        "Down",
	"net.trunk":       "Trunk",
	"net.aggregate":   "Aggregate",
	"net.uplink":      "Uplink",
	"net.full_duplex": "full duplex",
	"net.half_duplex": "half duplex",
	"net.tagged":      "tagged",
	"net.neighbour":   "Neighbour",
	"net.more_macs":   "and %d more MAC addresses",

	"net.supplies_settings": "Printer supplies",
	"net.saved":             "Saved.",
	"net.threshold":         "A supply is low under (%)",
	"net.low_printers":      "%d printers have a low supply",
	"net.error_percent":     "Give the threshold as a whole number of percent from 1 to 99.",
	"net.low_supplies_card": "printers low on supplies",
	"net.filter_low":        "Low supplies only",
}

func init() {
	for k, v := range enNetwork {
		en[k] = v
	}
}
