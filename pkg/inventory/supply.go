package inventory

import (
	"fmt"
	"regexp"
)

// Supply is one consumable of a printer as the printer describes it
// (Printer-MIB prtMarkerSuppliesTable), in content.parc.supplies: every
// supply with its description and capacity, where GLPI's cartridges map
// keeps only a name and a value.
type Supply struct {
	Index       string `json:"index,omitempty"`       // table suffix, e.g. "1.2"
	Description string `json:"description,omitempty"` // e.g. "Black Toner Cartridge HP 89A"
	// Key is GLPI's cartridge name, e.g. "tonerblack", "drumcyan",
	// "wastetoner", "fuserkit"; "" when GLPI has none for the supply.
	Key   string `json:"key,omitempty"`
	Type  int64  `json:"type,omitempty"`  // PrtMarkerSuppliesTypeTC: 3 toner, 9 drum, 15 fuser...
	Class int64  `json:"class,omitempty"` // 3 consumed, 4 receptacle filled (waste)
	Unit  int64  `json:"unit,omitempty"`  // PrtMarkerSuppliesSupplyUnitTC: 7 impressions, 19 percent...
	Max   int64  `json:"max"`             // capacity in Unit; -1 no limit, -2 unknown
	Level int64  `json:"level"`           // level in Unit; -3 some remaining, -2 unknown
	// Percent is the level in percent (0..100), -1 when the device gives
	// only a state.
	Percent int `json:"percent"`
	// Value is GLPI's value: "71", "OK", "unknown", "250sheets".
	Value string `json:"value,omitempty"`
}

// maxSupplies bounds content.parc.supplies: a printer has a few dozen.
const maxSupplies = 256

var reSupplyKey = regexp.MustCompile(`^[a-z0-9_]*$`)

func (x *ParcExtension) validate(c *checker, p string) {
	validateComponentRevisions(c, p+".components", x.Components)
	if len(x.Supplies) > maxSupplies {
		c.add(p+".supplies", "must hold at most %d supplies, got %d", maxSupplies, len(x.Supplies))
		return
	}
	for i, s := range x.Supplies {
		f := fmt.Sprintf("%s.supplies[%d]", p, i)
		if s.Percent < -1 || s.Percent > 100 {
			c.add(f+".percent", "must be between -1 and 100, got %d", s.Percent)
		}
		c.match(f+".key", s.Key, reSupplyKey, "lower-case letters and digits such as tonerblack")
		if len(s.Description) > 1024 {
			c.add(f+".description", "must be at most 1024 bytes, got %d", len(s.Description))
		}
		if len(s.Value) > 64 {
			c.add(f+".value", "must be at most 64 bytes, got %d", len(s.Value))
		}
	}
}
