package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// applyPrinter stores a printer's page counters and supplies of the day:
// one row per day, the day's latest report winning.
func (n *netWriter) applyPrinter(ctx context.Context) error {
	day := n.now.UTC().Format(time.DateOnly)
	if pc := n.rep.Content.PageCounters; pc != nil && *pc != (inventory.PageCounters{}) {
		rv := pc.RectoVerso
		if rv == 0 {
			rv = pc.Duplex
		}
		err := n.net.PutPrinterCounters(ctx, store.PrinterCounters{AssetID: n.asset.ID, Day: day, At: n.now,
			Total: pc.Total, Black: pc.Black, Color: pc.Color, PrintTotal: pc.PrintTotal, PrintBlack: pc.PrintBlack,
			PrintColor: pc.PrintColor, CopyTotal: pc.CopyTotal, CopyBlack: pc.CopyBlack, CopyColor: pc.CopyColor,
			Scanned: pc.Scanned, FaxTotal: pc.FaxTotal, RectoVerso: rv})
		if err != nil {
			return err
		}
	}
	supplies, ok, err := suppliesOf(&n.rep.Content)
	if err != nil {
		n.in.log.Warn("printer cartridges ignored", "asset_id", n.asset.ID, "err", err)
		return nil
	}
	if !ok {
		return nil
	}
	return n.net.ApplyPrinterSupplies(ctx, n.asset.ID, day, supplies)
}

// suppliesOf reads a report's supplies: Parc's detailed list when present,
// else GLPI's cartridges. ok is false when the report has neither.
func suppliesOf(c *inventory.Content) ([]store.PrinterSupply, bool, error) {
	if c.Parc != nil && len(c.Parc.Supplies) > 0 {
		return parcSupplies(c.Parc.Supplies), true, nil
	}
	if len(c.Cartridges) == 0 {
		return nil, false, nil
	}
	m, err := cartridgeValues(c.Cartridges)
	if err != nil {
		return nil, false, err
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]store.PrinterSupply, 0, len(names))
	for _, name := range names {
		s := store.PrinterSupply{Name: name, Level: -1, MaxCapacity: 0}
		s.Kind, s.Color = splitSupplyKey(name)
		if p, err := strconv.Atoi(strings.TrimSuffix(m[name], "%")); err == nil && p >= 0 && p <= 100 {
			s.Level = p
		} else {
			s.State = m[name]
		}
		out = append(out, s)
	}
	return out, true, nil
}

// parcSupplies keys each supply by GLPI's name, or by its table index
// when GLPI has no name for it or two supplies share one.
func parcSupplies(in []inventory.Supply) []store.PrinterSupply {
	used := map[string]bool{}
	out := make([]store.PrinterSupply, 0, len(in))
	for _, x := range in {
		name := x.Key
		if name == "" || used[name] {
			name = "supply-" + firstOf(x.Index, strconv.Itoa(len(out)+1))
		}
		if used[name] {
			continue
		}
		used[name] = true
		s := store.PrinterSupply{Name: name, Description: x.Description, Level: x.Percent}
		s.Kind, s.Color = splitSupplyKey(x.Key)
		if x.Percent < 0 {
			s.Level, s.State = -1, firstOf(x.Value, "unknown")
		}
		if x.Max > 0 {
			s.MaxCapacity = x.Max
		}
		out = append(out, s)
	}
	return out
}

// supplyKinds are GLPI's cartridge name prefixes; the rest of a name is
// the colour ("tonercyan").
var supplyKinds = []string{"wastetoner", "maintenancekit", "transferkit", "fuserkit", "cartridge", "developer",
	"staples", "toner", "drum", "ink"}

func splitSupplyKey(key string) (kind, color string) {
	for _, k := range supplyKinds {
		if strings.HasPrefix(key, k) {
			return k, strings.TrimPrefix(key, k)
		}
	}
	return key, ""
}

// cartridgeValues flattens GLPI's cartridges, sent as an object
// ({"tonerblack":"71"}), a list of such objects, or a list of
// {"name":...,"value":...}.
func cartridgeValues(raw json.RawMessage) (map[string]string, error) {
	raw = bytes.TrimSpace(raw)
	var objs []map[string]any
	if len(raw) > 0 && raw[0] == '{' {
		var o map[string]any
		if err := json.Unmarshal(raw, &o); err != nil {
			return nil, fmt.Errorf("cartridges: %w", err)
		}
		objs = []map[string]any{o}
	} else if err := json.Unmarshal(raw, &objs); err != nil {
		return nil, fmt.Errorf("cartridges: %w", err)
	}
	out := map[string]string{}
	for _, o := range objs {
		if name, ok := o["name"].(string); ok && len(o) <= 2 {
			if v, ok := o["value"]; ok {
				out[strings.ToLower(name)] = fmt.Sprint(v)
				continue
			}
		}
		for k, v := range o {
			out[strings.ToLower(k)] = fmt.Sprint(v)
		}
	}
	return out, nil
}
