package snmp

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// Printer-MIB prtMarkerSuppliesTable and prtMarkerColorantTable.
const (
	oidSuppliesEntry  = ".1.3.6.1.2.1.43.11.1.1"
	oidColorantValue  = ".1.3.6.1.2.1.43.12.1.1.4"
	colSupplyColorant = "3"
	colSupplyClass    = "4"
	colSupplyType     = "5"
	colSupplyDescr    = "6"
	colSupplyUnit     = "7"
	colSupplyMax      = "8"
	colSupplyLevel    = "9"
)

// Supply is one consumable of a printer, as prtMarkerSuppliesTable
// describes it.
type Supply struct {
	Index       string `json:"index"`       // table suffix, e.g. "1.2"
	Description string `json:"description"` // e.g. "Black Toner Cartridge"
	Type        int64  `json:"type"`        // PrtMarkerSuppliesTypeTC: 3 toner, 9 opc (drum), 15 fuser...
	Class       int64  `json:"class"`       // 3 consumed, 4 receptacle filled (waste)
	Unit        int64  `json:"unit"`        // PrtMarkerSuppliesSupplyUnitTC: 7 impressions, 19 percent...
	Max         int64  `json:"max"`         // max capacity; -1 no limit, -2 unknown
	Level       int64  `json:"level"`       // current level; -3 some remaining, -2 unknown
	// Key is GLPI's cartridge name ("tonerblack", "drumcyan", "wastetoner",
	// "fuserkit", "maintenancekit"...), "" for supplies GLPI has no name for.
	Key string `json:"key,omitempty"`
	// Value is what GLPI stores: a percentage "0".."100", "OK" (some
	// remaining), "unknown", or a level with its unit ("250sheets").
	Value string `json:"value"`
	// Percent is the level in percent, or -1 when the device gives none.
	Percent int `json:"percent"`
}

// supplyKinds maps PrtMarkerSuppliesTypeTC to GLPI's cartridge kinds.
var supplyKinds = map[int64]string{
	3: "toner", 4: "wastetoner", 5: "cartridge", 6: "cartridge", 8: "wastetoner", 9: "drum",
	10: "developer", 12: "cartridge", 15: "fuserkit", 18: "maintenancekit", 20: "transferkit",
	21: "toner", 32: "staples",
}

// kindsWithColor take the colour in their name ("tonercyan").
var kindsWithColor = map[string]bool{"toner": true, "drum": true, "cartridge": true, "developer": true}

// descrKinds guesses the kind from the description when the type is
// "other", "unknown" or missing (some captures lack the type column).
var descrKinds = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`(?i)maintenance`), "maintenancekit"},
	{regexp.MustCompile(`(?i)fuser|fixing`), "fuserkit"},
	{regexp.MustCompile(`(?i)waste|collect|used toner`), "wastetoner"},
	{regexp.MustCompile(`(?i)transfer|belt`), "transferkit"},
	{regexp.MustCompile(`(?i)drum|opc|photoconductor|imaging unit`), "drum"},
	{regexp.MustCompile(`(?i)developer`), "developer"},
	{regexp.MustCompile(`(?i)toner`), "toner"},
	{regexp.MustCompile(`(?i)ink|cartridge`), "cartridge"},
	{regexp.MustCompile(`(?i)staple`), "staples"},
}

var descrColors = []struct {
	re    *regexp.Regexp
	color string
}{
	{regexp.MustCompile(`(?i)cyan`), "cyan"},
	{regexp.MustCompile(`(?i)magenta`), "magenta"},
	{regexp.MustCompile(`(?i)yellow|jaune`), "yellow"},
	{regexp.MustCompile(`(?i)black|noir|schwarz|\bK\b`), "black"},
}

// ReadSupplies reads every supply of a printer.
func ReadSupplies(ctx context.Context, r Reader) ([]Supply, error) {
	entry, err := walkColumn(ctx, r, oidSuppliesEntry)
	if err != nil {
		return nil, fmt.Errorf("read supplies: %w", err)
	}
	colors, err := walkColumn(ctx, r, oidColorantValue)
	if err != nil {
		return nil, fmt.Errorf("read colorants: %w", err)
	}
	return buildSupplies(entry, colors), nil
}

// buildSupplies decodes the walked tables; separate for fuzzing.
func buildSupplies(entry, colors Table) []Supply {
	rows := map[string]map[string]string{} // index -> column -> suffix key in entry
	var order []string
	for _, s := range entry.Suffixes() {
		col, idx, ok := strings.Cut(s, ".")
		if !ok {
			continue
		}
		if rows[idx] == nil {
			rows[idx] = map[string]string{}
			order = append(order, idx)
		}
		rows[idx][col] = s
	}
	var out []Supply
	for _, idx := range order {
		row := rows[idx]
		get := func(col string) (int64, bool) { return entry.Int(row[col]) }
		sup := Supply{Index: idx, Description: cleanText(entry.String(row[colSupplyDescr])), Percent: -1}
		lvl, okL := get(colSupplyLevel)
		max, okM := get(colSupplyMax)
		if !okL || !okM {
			continue // GLPI Agent also needs both to say anything
		}
		sup.Level, sup.Max = lvl, max
		sup.Type, _ = get(colSupplyType)
		sup.Class, _ = get(colSupplyClass)
		sup.Unit, _ = get(colSupplyUnit)
		sup.Key = supplyKey(sup, colorOf(entry, row[colSupplyColorant], idx, colors))
		sup.Value, sup.Percent = supplyValue(sup)
		out = append(out, sup)
	}
	return out
}

// colorOf returns the colorant of a supply, from prtMarkerColorantValue
// ("black", "cyan"...), or "".
func colorOf(entry Table, colSuffix, idx string, colors Table) string {
	ci, ok := entry.Int(colSuffix)
	if !ok || ci <= 0 {
		return ""
	}
	dev, _, _ := strings.Cut(idx, ".")
	c := strings.ToLower(cleanText(colors.String(dev + "." + strconv.FormatInt(ci, 10))))
	c, _, _ = strings.Cut(c, " ")
	return c
}

// supplyKey builds GLPI's cartridge name for a supply.
func supplyKey(s Supply, color string) string {
	kind := supplyKinds[s.Type]
	if kind == "" && (s.Type <= 2) {
		for _, d := range descrKinds {
			if d.re.MatchString(s.Description) {
				kind = d.kind
				break
			}
		}
	}
	if kind == "" || !kindsWithColor[kind] {
		return kind
	}
	if color == "" || strings.HasPrefix(color, "0x") {
		color = "black" // GLPI Agent's default for a colourless description
		for _, d := range descrColors {
			if d.re.MatchString(s.Description) {
				color = d.color
				break
			}
		}
	}
	return kind + color
}

// supplyValue turns a level into GLPI's value and a percentage.
func supplyValue(s Supply) (string, int) {
	switch {
	case s.Level == -3:
		return "OK", -1 // some remaining, amount unknown
	case s.Level == -2 || s.Level < 0:
		return "unknown", -1
	case s.Max > 0:
		// Truncated like GLPI Agent (11501/12000 is 95, not 96).
		p := int(min(100, s.Level*100/s.Max))
		return strconv.Itoa(p), p
	case s.Unit == 19: // the level is already in percent
		p := int(min(100, s.Level))
		return strconv.Itoa(p), p
	}
	return strconv.FormatInt(s.Level, 10) + unitSuffix(s.Unit), -1
}

func unitSuffix(unit int64) string {
	switch unit {
	case 3:
		return "tenthousandthsinches"
	case 4:
		return "micrometers"
	case 7:
		return "impressions"
	case 8:
		return "sheets"
	case 11:
		return "hours"
	case 12:
		return "thousandthsounces"
	case 13:
		return "tenthsgrams"
	case 14:
		return "hundrethsfluidounces"
	case 15:
		return "tenthsml"
	case 16:
		return "feet"
	case 17:
		return "meters"
	case 18:
		return "items"
	}
	return ""
}

// Cartridges returns GLPI's cartridges map of the supplies. When two
// supplies share a name (four drums without colorant), the lowest level
// is kept: a nearly empty unit must not hide behind a full one.
func Cartridges(supplies []Supply) map[string]string {
	out := map[string]string{}
	pct := map[string]int{}
	for _, s := range supplies {
		if s.Key == "" {
			continue
		}
		if old, ok := out[s.Key]; ok {
			if s.Percent < 0 || (pct[s.Key] >= 0 && pct[s.Key] <= s.Percent) || old == "" {
				continue
			}
		}
		out[s.Key], pct[s.Key] = s.Value, s.Percent
	}
	return out
}

// ParcSupplies converts supplies for content.parc.supplies.
func ParcSupplies(ss []Supply) []inventory.Supply {
	out := make([]inventory.Supply, 0, len(ss))
	for _, s := range ss {
		out = append(out, inventory.Supply{Index: s.Index, Description: s.Description, Key: s.Key, Type: s.Type,
			Class: s.Class, Unit: s.Unit, Max: s.Max, Level: s.Level, Percent: s.Percent, Value: s.Value})
	}
	return out
}
