package snmp

import (
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

// An HP ProCurve reports its web management software's version
// (HP-HTTP-MG hpHttpMgVersion) beside its own firmware; other devices do
// not get the GET.
func TestFirmwaresHPWebManagement(t *testing.T) {
	t.Parallel()
	db := loadDB(t)
	for _, c := range []struct {
		walk string
		want []inventory.Firmware
	}{
		{"snmpsim-data/hpe-procurve-516733-b21", []inventory.Firmware{
			{Name: "ProCurve 6120XG (516733-B21)", Description: "device firmware", Type: "device", Version: "Z.14.09", Manufacturer: "Hewlett-Packard"},
			{Name: "HP-HttpMg-Version", Description: "HP Web Management Software version", Type: "system", Version: "Z.14.31", Manufacturer: "HP"},
		}},
		{"snmpsim-data/cisco-c3560", []inventory.Firmware{
			{Name: "WS-C3560G-48TS-E", Description: "device firmware", Type: "device", Version: "12.2(55)SE3", Manufacturer: "Cisco"},
		}},
	} {
		s := dialWalk(t, c.walk)
		id, err := Identify(ctxT(t), s, db)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readFirmwares(ctxT(t), s, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(c.want) {
			t.Fatalf("%s: firmwares %+v, want %+v", c.walk, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: firmware %d = %+v, want %+v", c.walk, i, got[i], c.want[i])
			}
		}
	}
}
