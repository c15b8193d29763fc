package snmp

import (
	"fmt"
	"net/netip"
	"strings"
)

// maxTargets bounds one sweep: a /16 is 65534 addresses.
const maxTargets = 1 << 16

// ParseTargets expands address specifications into addresses, in order and
// without repeats: an IPv4 or IPv6 address, a CIDR range ("10.0.0.0/24";
// IPv4 network and broadcast addresses are left out from /30 and larger,
// IPv6 ranges must be /112 or smaller), or a dash range
// ("10.0.0.10-10.0.0.50").
func ParseTargets(specs []string) ([]netip.Addr, error) {
	var out []netip.Addr
	seen := map[netip.Addr]bool{}
	add := func(a netip.Addr) error {
		if seen[a] {
			return nil
		}
		if len(out) >= maxTargets {
			return fmt.Errorf("more than %d addresses: split the sweep", maxTargets)
		}
		seen[a] = true
		out = append(out, a)
		return nil
	}
	for _, spec := range specs {
		for _, s := range strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' }) {
			if err := expand(s, add); err != nil {
				return nil, fmt.Errorf("target %q: %w", s, err)
			}
		}
	}
	return out, nil
}

func expand(s string, add func(netip.Addr) error) error {
	if lo, hi, ok := strings.Cut(s, "-"); ok {
		a, err := netip.ParseAddr(strings.TrimSpace(lo))
		if err != nil {
			return err
		}
		b, err := netip.ParseAddr(strings.TrimSpace(hi))
		if err != nil {
			return err
		}
		if a.Is4() != b.Is4() || b.Less(a) {
			return fmt.Errorf("range end before its start or of another family")
		}
		for x := a; ; x = x.Next() {
			if err := add(x); err != nil {
				return err
			}
			if x == b {
				return nil
			}
		}
	}
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return err
		}
		p = p.Masked()
		if p.Addr().Is6() && p.Bits() < 112 {
			return fmt.Errorf("IPv6 range too large: give a /112 or smaller, or a list")
		}
		if p.Addr().Is4() && p.Bits() < 32-16 {
			return fmt.Errorf("IPv4 range too large: give a /16 or smaller")
		}
		first, last := p.Addr(), lastAddr(p)
		if p.Addr().Is4() && p.Bits() <= 30 {
			first, last = first.Next(), last.Prev() // network and broadcast
		}
		for x := first; x.IsValid() && !last.Less(x); x = x.Next() {
			if err := add(x); err != nil {
				return err
			}
		}
		return nil
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return err
	}
	return add(a.Unmap())
}

func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}
