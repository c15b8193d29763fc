package snmp

import (
	"context"
	"fmt"
	"strings"
)

// Ricoh's engine counter table lists (type, value) rows.
const (
	oidRicohCounterType  = ".1.3.6.1.4.1.367.3.2.1.2.19.5.1.2"
	oidRicohCounterValue = ".1.3.6.1.4.1.367.3.2.1.2.19.5.1.9"
)

// ricohTypes maps Ricoh counter types to fields; the listed types that
// share a field (full colour and single colour...) are added up.
var ricohTypes = map[int64]string{
	10: "total", 200: "copytotal", 201: "copyblack", 202: "copycolor", 203: "copycolor",
	300: "faxtotal", 400: "printtotal", 401: "printblack", 402: "printcolor", 403: "printcolor",
	870: "scanned", 871: "scanned",
}

func ricohCounters(ctx context.Context, r Reader, vals map[string]int64) error {
	types, err := walkColumn(ctx, r, oidRicohCounterType)
	if err != nil || len(types) == 0 {
		return err
	}
	counts, err := walkColumn(ctx, r, oidRicohCounterValue)
	if err != nil {
		return fmt.Errorf("read ricoh counters: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range types.Suffixes() {
		typ, _ := types.Int(s)
		field := ricohTypes[typ]
		n, ok := counts.Int(s)
		if field == "" || !ok || n <= 0 {
			continue
		}
		if seen[field] {
			vals[field] += n
		} else {
			vals[field] = n
		}
		seen[field] = true
	}
	return nil
}

// Canon keeps counters in one of two tables, by model family.
const (
	oidCanonCountersC55XX  = ".1.3.6.1.4.1.1602.1.11.1.3.1.4"
	oidCanonTypesLBP76XX   = ".1.3.6.1.4.1.1602.1.11.2.1.1.2"
	oidCanonCountersLBP76X = ".1.3.6.1.4.1.1602.1.11.2.1.1.3"
)

var canonC55XX = map[string]string{
	"101": "copytotal", "112": "copyblack", "113": "copyblack", "122": "copycolor", "123": "copycolor",
	"301": "printtotal", "501": "scanned",
}

var canonLBP = map[string]string{
	"Total 1": "total", "Total (Black 1)": "printblack", "Total (Black/Large)": "printblack",
	"Total (Black/Small)": "printblack", "Total (Full Color + Single Color/Large)": "printcolor",
	"Total (Full Color + Single Color/Small)": "printcolor", "Print (Total 1)": "printtotal",
	"Copy (Total 1)": "copytotal", "Scan (Total 1)": "scanned",
}

func canonCounters(ctx context.Context, r Reader, vals map[string]int64) error {
	c, err := walkColumn(ctx, r, oidCanonCountersC55XX)
	if err != nil {
		return fmt.Errorf("read canon counters: %w", err)
	}
	seen := map[string]bool{}
	add := func(field string, n int64) {
		if seen[field] {
			vals[field] += n
		} else {
			vals[field] = n
		}
		seen[field] = true
	}
	if len(c) > 0 {
		for _, s := range c.Suffixes() {
			if field, n := canonC55XX[s], int64(0); field != "" {
				if n, _ = c.Int(s); n > 0 {
					add(field, n)
				}
			}
		}
		return nil
	}
	types, err := walkColumn(ctx, r, oidCanonTypesLBP76XX)
	if err != nil || len(types) == 0 {
		return err
	}
	counts, err := walkColumn(ctx, r, oidCanonCountersLBP76X)
	if err != nil {
		return fmt.Errorf("read canon counters: %w", err)
	}
	// "Total (Black 1)" already sums large and small black pages.
	blackTotal := false
	for _, s := range types.Suffixes() {
		name := strings.TrimSpace(types.String(s))
		field := canonLBP[name]
		n, ok := counts.Int(s)
		if field == "" || !ok || n <= 0 {
			continue
		}
		if strings.HasPrefix(name, "Total (Black/") && blackTotal {
			continue
		}
		if name == "Total (Black 1)" {
			blackTotal = true
			vals[field], seen[field] = n, true
			continue
		}
		add(field, n)
	}
	return nil
}
