package snmp

import (
	"testing"
)

func TestIdentifyWalks(t *testing.T) {
	db := loadDB(t)
	tests := []struct {
		community string
		want      Identity
	}{
		// GLPI Agent's reference has no uptime here only because its walk
		// file names sysUpTime symbolically; the value is there.
		{"snmprec/glpi-agent-sample2", Identity{Type: TypePrinter, Kind: KindPrinter, Manufacturer: "Ricoh", Model: "RICOH Aficio MP", Name: "Aficio MP 171", Location: "C0172", Uptime: "110 days, 1:27:32.00"}},
		// GLPI Agent finds no model for this Epson; Epson spells it in the
		// sysObjectID, so we read it there.
		{"snmprec/glpi-agent-sample3", Identity{Type: TypePrinter, Kind: KindPrinter, Manufacturer: "Epson", Model: "AL-CX11", Name: "AL-CX11-CF9D9F", Uptime: "11 days, 20:03:20.32"}},
		{"snmprec/glpi-agent-sample5", Identity{Type: TypeNetworking, Kind: KindSwitch, Manufacturer: "H3C", Model: "S5500-52C-EI", Uptime: "23 days, 0:54:58.04"}},
		{"librenms/brother", Identity{Type: TypePrinter, Kind: KindPrinter, Manufacturer: "Brother", Model: "Brother MFC-L2710DW series",
			Serial: "000A5J431816", MAC: "3c:2a:f4:bf:f5:1b", Name: "<private>", Location: "<private>", Contact: "<private>", Uptime: "25 days, 4:16:37.35"}},
		{"librenms/xerox", Identity{Type: TypePrinter, Kind: KindPrinter, Manufacturer: "Xerox", Uptime: "11:53:24.23",
			Name: "<private>", Location: "<private>", Contact: "<private>"}},
		{"snmpsim-data/cisco-c3560", Identity{Type: TypeNetworking, Kind: KindSwitch, Manufacturer: "Cisco", Model: "WS-C3560G-48TS-E",
			Serial: "FOC1408Z61U", Firmware: "12.2(55)SE3", MAC: "e8:04:62:78:f2:00", Name: "ShiTang", Uptime: "56 days, 23:54:24.81"}},
		{"snmpsim-data/hpe-procurve-516733-b21", Identity{Type: TypeNetworking, Kind: KindSwitch, Manufacturer: "Hewlett-Packard", Model: "ProCurve 6120XG (516733-B21)",
			Serial: "3C421900TX", Firmware: "Z.14.09", MAC: "ac:16:2d:92:7d:21", Name: "DUMSYS-64", Uptime: "360 days, 0:49:38.28"}},
		{"snmpsim-data/juniper-mx960-12-3r6-6", Identity{Type: TypeNetworking, Kind: KindRouter, Manufacturer: "Juniper", Model: "MX960",
			Serial: "JN11FCEC5AFA", MAC: "a8:d0:e5:f6:17:d0", Name: "DUMSYS-17", Location: "YT-IDC", Uptime: "100 days, 2:42:47.62"}},
	}
	for _, tt := range tests {
		t.Run(tt.community, func(t *testing.T) {
			s := dialWalk(t, tt.community)
			got, err := Identify(ctxT(t), s, db)
			if err != nil {
				t.Fatal(err)
			}
			w := tt.want
			check := func(field, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s: got %q; want %q", field, got, want)
				}
			}
			check("type", got.Type, w.Type)
			check("kind", string(got.Kind), string(w.Kind))
			check("manufacturer", got.Manufacturer, w.Manufacturer)
			check("model", got.Model, w.Model)
			check("serial", got.Serial, w.Serial)
			check("mac", got.MAC, w.MAC)
			check("name", got.Name, w.Name)
			check("location", got.Location, w.Location)
			check("contact", got.Contact, w.Contact)
			check("uptime", got.Uptime, w.Uptime)
			if w.Firmware != "" {
				check("firmware", got.Firmware, w.Firmware)
			}
		})
	}
}
