package snmp

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/parcproject/parc/pkg/inventory"
)

// entPhysicalClass values, as GLPI names them.
var entityClasses = map[int64]string{
	1: "other", 2: "unknown", 3: "chassis", 4: "backplane", 5: "container", 6: "powerSupply",
	7: "fan", 8: "sensor", 9: "module", 10: "port", 11: "stack", 12: "cpu",
}

// ReadComponents reads ENTITY-MIB's physical entities (chassis, stack
// members, modules, power supplies, ports...) and, on Dell/Force10
// S-series stacks, the stack units of their own chassis MIB.
func ReadComponents(ctx context.Context, r Reader) ([]inventory.NetworkComponent, error) {
	out, _, err := readComponents(ctx, r)
	return out, err
}

// readComponents is ReadComponents with the revisions and versions GLPI's
// format has no field for.
func readComponents(ctx context.Context, r Reader) ([]inventory.NetworkComponent, []inventory.ComponentRevision, error) {
	// Only the columns buildComponents reads: a walk of the whole entry
	// would also fetch the vendor types, aliases, asset IDs, dates and
	// URIs of every entity.
	t, err := readColumns(ctx, r, oidEntPhysical, entityColumns...)
	if err != nil {
		return nil, nil, fmt.Errorf("read entity-mib: %w", err)
	}
	out, revs := buildComponents(t), componentRevisions(t)
	f10, err := readForce10Stack(ctx, r)
	if err != nil {
		return out, revs, err
	}
	return append(out, f10...), revs, nil
}

// entityColumns are the entPhysicalTable columns buildComponents and
// componentRevisions read.
var entityColumns = []string{"2", "4", "5", "7", "8", "9", "10", "11", "12", "13", "16"}

// componentRevisions lists the entities' hardware revisions (column 8)
// and software versions (column 10), for content.parc.components.
func componentRevisions(t Table) []inventory.ComponentRevision {
	var out []inventory.ComponentRevision
	seen := map[int64]int{}
	for _, s := range t.Suffixes() {
		col, idx, ok := strings.Cut(s, ".")
		if !ok || (col != "8" && col != "10") || strings.Contains(idx, ".") {
			continue
		}
		v := cleanText(t.String(s))
		n, err := strconv.ParseInt(idx, 10, 64)
		if err != nil || v == "" {
			continue
		}
		i, ok := seen[n]
		if !ok {
			i = len(out)
			seen[n] = i
			out = append(out, inventory.ComponentRevision{Index: n})
		}
		if col == "8" {
			out[i].Revision = v
		} else {
			out[i].Version = v
		}
	}
	return out
}

// buildComponents decodes entPhysicalTable; separate for fuzzing.
func buildComponents(t Table) []inventory.NetworkComponent {
	byIndex := map[string]map[string]string{}
	var order []string
	for _, s := range t.Suffixes() {
		col, idx, ok := strings.Cut(s, ".")
		if !ok || strings.Contains(idx, ".") {
			continue
		}
		if byIndex[idx] == nil {
			byIndex[idx] = map[string]string{}
			order = append(order, idx)
		}
		byIndex[idx][col] = s
	}
	var out []inventory.NetworkComponent
	for _, idx := range order {
		n, err := strconv.ParseInt(idx, 10, 64)
		if err != nil {
			continue
		}
		cols := byIndex[idx]
		str := func(c string) string { return cleanText(t.String(cols[c])) }
		c := inventory.NetworkComponent{
			Index:        n,
			Description:  str("2"),
			Name:         str("7"),
			Firmware:     str("9"),
			Serial:       cleanSerial(str("11")),
			Manufacturer: str("12"),
			Model:        str("13"),
		}
		c.ContainedIndex, _ = t.Int(cols["4"])
		if cls, ok := t.Int(cols["5"]); ok {
			c.Type = entityClasses[cls]
		}
		c.FRU, _ = t.Int(cols["16"])
		if c.Firmware == "" {
			c.Firmware = str("10") // entPhysicalSoftwareRev
		}
		out = append(out, c)
	}
	return out
}

// Dell/Force10 S-series chassis MIB.
const (
	oidF10StackUnitEntry = ".1.3.6.1.4.1.6027.3.10.1.2.2.1"
	oidF10SysPortIfIndex = ".1.3.6.1.4.1.6027.3.10.1.2.5.1.5"
)

// readForce10Stack lists the units of a Force10 S-series stack as
// chassis under a "stack" root (index -1), and their ports.
func readForce10Stack(ctx context.Context, r Reader) ([]inventory.NetworkComponent, error) {
	units, err := walkColumn(ctx, r, oidF10StackUnitEntry)
	if err != nil || len(units) == 0 {
		return nil, err
	}
	ports, err := walkColumn(ctx, r, oidF10SysPortIfIndex)
	if err != nil {
		return nil, err
	}
	return buildForce10(units, ports), nil
}

func buildForce10(units, ports Table) []inventory.NetworkComponent {
	var out []inventory.NetworkComponent
	for _, s := range units.Suffixes() {
		col, idx, ok := strings.Cut(s, ".")
		if !ok || col != "2" {
			continue
		}
		num, ok := units.Int(s)
		if !ok {
			continue
		}
		str := func(c string) string { return cleanText(units.String(c + "." + idx)) }
		out = append(out, inventory.NetworkComponent{
			Index: num, ContainedIndex: -1, Type: "chassis",
			// Interface names count units from zero (Gi0/1).
			Name:        strconv.FormatInt(num-1, 10),
			Model:       str("7"),
			Description: str("9"),
			Firmware:    str("10"),
			Serial:      cleanSerial(str("12")),
			StackNumber: num,
		})
	}
	for _, s := range ports.Suffixes() {
		unit, ok1 := arcAt(s, -2)
		ifIndex, ok2 := ports.Int(s)
		if ok1 && ok2 {
			out = append(out, inventory.NetworkComponent{Index: ifIndex, ContainedIndex: int64(unit), Type: "port"})
		}
	}
	if len(out) > 0 {
		out = append(out, inventory.NetworkComponent{Index: -1, Type: "stack", Name: "Force10 S-series Stack"})
	}
	return out
}
