package snmp

import "context"

// read32Counters fills the 32-bit ifInOctets and ifOutOctets columns of
// cols where a port needs them: a port with ifXTable's 64-bit counter
// reports that one, so the 32-bit column is read only for the ports
// without it, with a GET when they are few, and walked whole when the
// device has no 64-bit counters. On a switch this saves two columns of
// every port.
func read32Counters(ctx context.Context, r Reader, cols map[string]Table) error {
	ports := portSuffixes(cols)
	// The missing rows of both columns are asked for in one request.
	type pick struct{ col, suffix string }
	var oids []string
	var picks []pick
	for _, pair := range [][2]string{{colIfInOctets, colIfHCInOctets}, {colIfOutOctets, colIfHCOutOctets}} {
		column, hc := oidIfTable+"."+pair[0], cols["ifx"+pair[1]]
		var missing []string
		for s := range ports {
			if _, ok := hc[s]; !ok {
				missing = append(missing, s)
			}
		}
		if len(hc) == 0 || len(missing) > 32 {
			t, err := walkColumn(ctx, r, column)
			if err != nil {
				return err
			}
			cols["if"+pair[0]] = t
			continue
		}
		cols["if"+pair[0]] = Table{}
		for _, s := range missing {
			oids = append(oids, normOID(column+"."+s))
			picks = append(picks, pick{"if" + pair[0], s})
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
