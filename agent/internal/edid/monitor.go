package edid

import (
	"strconv"

	"github.com/parcproject/parc/pkg/inventory"
)

// Monitor maps the EDID facts to the inventory's monitor entry the way GLPI
// agents do: caption is the model name, description the build week/year,
// serial the descriptor string with the numeric serial as altserial.
func (i *Info) Monitor() inventory.Monitor {
	m := inventory.Monitor{
		Base64:       i.Base64,
		Caption:      i.Name,
		Name:         i.Name,
		Manufacturer: i.Manufacturer,
		Serial:       i.Serial,
	}
	if i.SerialNumber != 0 {
		if num := strconv.FormatUint(uint64(i.SerialNumber), 10); num != i.Serial {
			m.AltSerial = num
		}
	}
	switch {
	case i.Week > 0:
		m.Description = strconv.Itoa(i.Week) + "/" + strconv.Itoa(i.Year)
	case i.Year > 1990:
		m.Description = strconv.Itoa(i.Year)
	}
	return m
}
