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
		t := Table{}
		if len(missing) > 0 {
			oids := make([]string, len(missing))
			for i, s := range missing {
				oids[i] = normOID(column + "." + s)
			}
			v, err := r.Get(ctx, oids...)
			if err != nil {
				return err
			}
			for i, s := range missing {
				if p, ok := v[oids[i]]; ok {
					t[s] = p
				}
			}
		}
		cols["if"+pair[0]] = t
	}
	return nil
}
