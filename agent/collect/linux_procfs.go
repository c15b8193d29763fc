package collect

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"strconv"
	"strings"
)

// parseMeminfo reads /proc/meminfo into a map of values in kB (the unit
// the kernel prints), e.g. "MemTotal" -> 16165892.
func parseMeminfo(b []byte) map[string]int64 {
	out := map[string]int64{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		key, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			continue
		}
		if v, err := strconv.ParseInt(f[0], 10, 64); err == nil {
			out[key] = v
		}
	}
	return out
}

// parseBtime returns the boot time (Unix seconds) from /proc/stat.
func parseBtime(b []byte) (int64, bool) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "btime "); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

// ipv4Route is one line of /proc/net/route (main table).
type ipv4Route struct {
	Iface   string
	Dest    netip.Prefix
	Gateway netip.Addr // invalid when the route is on-link
	Metric  int
}

// parseRoutes reads /proc/net/route, whose addresses are hexadecimal in
// host (little-endian on every platform Parc targets) byte order.
func parseRoutes(b []byte) []ipv4Route {
	var out []ipv4Route
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 8 || f[0] == "Iface" {
			continue
		}
		dest, ok1 := hexIPv4(f[1])
		gw, ok2 := hexIPv4(f[2])
		mask, ok3 := hexIPv4(f[7])
		flags, err := strconv.ParseUint(f[3], 16, 16)
		if !ok1 || !ok2 || !ok3 || err != nil || flags&1 == 0 { // RTF_UP
			continue
		}
		bits := maskBits(mask)
		if bits < 0 {
			continue
		}
		metric, _ := strconv.Atoi(f[6])
		r := ipv4Route{Iface: f[0], Dest: netip.PrefixFrom(dest, bits).Masked(), Metric: metric}
		if flags&2 != 0 { // RTF_GATEWAY
			r.Gateway = gw
		}
		out = append(out, r)
	}
	return out
}

func hexIPv4(s string) (netip.Addr, bool) {
	if len(s) != 8 {
		return netip.Addr{}, false
	}
	raw, err := hex.DecodeString(s)
	if err != nil {
		return netip.Addr{}, false
	}
	var a [4]byte
	binary.BigEndian.PutUint32(a[:], binary.LittleEndian.Uint32(raw))
	return netip.AddrFrom4(a), true
}

// maskBits returns the prefix length of a contiguous mask, or -1.
func maskBits(m netip.Addr) int {
	v := binary.BigEndian.Uint32(m.AsSlice())
	n := 0
	for v&0x80000000 != 0 {
		n++
		v <<= 1
	}
	if v != 0 {
		return -1
	}
	return n
}

// parseFibTrieLocal lists the local IPv4 addresses of the host: the
// leaves of /proc/net/fib_trie marked "/32 host LOCAL". The file shows
// no interface; routes give it.
func parseFibTrieLocal(b []byte) []netip.Addr {
	var out []netip.Addr
	seen := map[netip.Addr]bool{}
	var leaf netip.Addr
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if s, ok := strings.CutPrefix(line, "|-- "); ok {
			leaf, _ = netip.ParseAddr(s)
			continue
		}
		if leaf.IsValid() && strings.HasPrefix(line, "/32 host LOCAL") && !seen[leaf] {
			seen[leaf] = true
			out = append(out, leaf)
		}
	}
	return out
}

// ipv6Addr is one line of /proc/net/if_inet6.
type ipv6Addr struct {
	Iface  string
	Addr   netip.Addr
	Prefix int
}

// parseIfInet6 reads /proc/net/if_inet6: address, ifindex, prefix length,
// scope, flags, interface name.
func parseIfInet6(b []byte) []ipv6Addr {
	var out []ipv6Addr
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 6 || len(f[0]) != 32 {
			continue
		}
		raw, err := hex.DecodeString(f[0])
		plen, err2 := strconv.ParseUint(f[2], 16, 8)
		if err != nil || err2 != nil || plen > 128 {
			continue
		}
		out = append(out, ipv6Addr{Iface: f[5], Addr: netip.AddrFrom16([16]byte(raw)), Prefix: int(plen)})
	}
	return out
}
