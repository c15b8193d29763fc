package snmp

import "context"

// readFallbacks fills the ifTable columns of cols that a port needs only
// when ifXTable lacks the better value: the 32-bit ifInOctets and
// ifOutOctets where the 64-bit counter is missing, ifSpeed where
// ifHighSpeed is missing or 0. They are read for those ports only, with
// one GET when they are few, and walked whole when the device has no such
// ifXTable column. On a switch this saves three columns of every port.
func readFallbacks(ctx context.Context, r Reader, cols map[string]Table) error {
	ports := portSuffixes(cols)
	missingCounter := func(t Table, s string) bool { _, ok := t[s]; return !ok }
	fallbacks := []struct {
		col, better string
		missing     func(t Table, s string) bool
	}{
		{colIfInOctets, colIfHCInOctets, missingCounter},
		{colIfOutOctets, colIfHCOutOctets, missingCounter},
		{colIfSpeed, colIfHighSpeed, func(t Table, s string) bool { n, ok := t.Int(s); return !ok || n <= 0 }},
	}
	// The missing rows of every column are asked for in one request.
	type pick struct{ col, suffix string }
	var oids []string
	var picks []pick
	for _, f := range fallbacks {
		column, better := oidIfTable+"."+f.col, cols["ifx"+f.better]
		var missing []string
		for s := range ports {
			if f.missing(better, s) {
				missing = append(missing, s)
			}
		}
		if len(better) == 0 || len(missing) > 32 {
			t, err := walkColumn(ctx, r, column)
			if err != nil {
				return err
			}
			cols["if"+f.col] = t
			continue
		}
		cols["if"+f.col] = Table{}
		for _, s := range missing {
			oids = append(oids, normOID(column+"."+s))
			picks = append(picks, pick{"if" + f.col, s})
		}
	}
	if len(oids) == 0 {
		return nil
	}
	v, err := r.Get(ctx, oids...)
	if err != nil {
		return err
	}
	for i, p := range picks {
		if pdu, ok := v[oids[i]]; ok {
			cols[p.col][p.suffix] = pdu
		}
	}
	return nil
}
