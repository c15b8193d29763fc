package snmp

import (
	"strconv"
	"testing"
)

// Reading the 32-bit octet counters only where a port lacks the 64-bit
// ones gives every port the byte counts a read of all four columns gives:
// the Catalyst has one interface without ifHCInOctets, the printers have
// no ifXTable counters at all.
func TestPortCountersMatchFullColumns(t *testing.T) {
	t.Parallel()
	for _, walk := range []string{"snmpsim-data/cisco-c3560", "librenms/brother", "snmpsim-data/juniper-mx960-12-3r6-6"} {
		s := dialWalk(t, walk)
		ctx := ctxT(t)
		ports, err := ReadPorts(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		full := map[string]Table{}
		for _, c := range []string{oidIfTable + "." + colIfInOctets, oidIfTable + "." + colIfOutOctets,
			oidIfXTable + "." + colIfHCInOctets, oidIfXTable + "." + colIfHCOutOctets} {
			if full[c], err = s.Walk(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		counted := 0
		for idx, p := range ports {
			suffix := strconv.FormatInt(idx, 10)
			in := counter(full[oidIfXTable+"."+colIfHCInOctets], full[oidIfTable+"."+colIfInOctets], suffix)
			out := counter(full[oidIfXTable+"."+colIfHCOutOctets], full[oidIfTable+"."+colIfOutOctets], suffix)
			if p.IfInBytes != in || p.IfOutBytes != out {
				t.Errorf("%s port %d: in %d out %d, full columns give %d and %d", walk, idx, p.IfInBytes, p.IfOutBytes, in, out)
			}
			if in > 0 {
				counted++
			}
		}
		if counted == 0 {
			t.Errorf("%s: no port has a byte count; the test proves nothing", walk)
		}
	}
}
