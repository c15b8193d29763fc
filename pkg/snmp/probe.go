package snmp

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Probe tells whether a host that answered no SNMP is there at all, so
// discovery can list it as unmanaged. ICMP needs privileges, so the
// probes here use a TCP connect and the OS neighbour table.
type Probe interface {
	// Seen reports whether ip is present, with its MAC when known and how
	// it was seen ("tcp/443", "arp").
	Seen(ctx context.Context, ip netip.Addr) (mac, how string, ok bool)
}

// Probes tries several probes in order; the first that sees the host wins.
type Probes []Probe

// Seen implements Probe.
func (ps Probes) Seen(ctx context.Context, ip netip.Addr) (string, string, bool) {
	for _, p := range ps {
		if mac, how, ok := p.Seen(ctx, ip); ok {
			return mac, how, true
		}
	}
	return "", "", false
}

// TCPProbe connects to a few TCP ports. A completed connection proves the
// host is there; so does a refusal (the host sent a reset) when
// RefusedMeansAlive is set, which is right on a LAN but not on a loopback
// range where every address answers.
type TCPProbe struct {
	Ports             []int         // default 80, 443, 22, 445, 9100 (raw printing)
	Timeout           time.Duration // per port; default 500 ms
	RefusedMeansAlive bool
}

// Seen implements Probe.
func (p TCPProbe) Seen(ctx context.Context, ip netip.Addr) (string, string, bool) {
	ports := p.Ports
	if len(ports) == 0 {
		ports = []int{80, 443, 22, 445, 9100}
	}
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = 500 * time.Millisecond
	}
	// All ports at once: an absent host costs one timeout, not one per
	// port. The first port in order that shows the host wins.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d := net.Dialer{Timeout: timeout}
	how := make([]chan string, len(ports))
	for i, port := range ports {
		how[i] = make(chan string, 1)
		go func() {
			c, err := d.DialContext(ctx, "tcp", net.JoinHostPort(ip.String(), strconv.Itoa(port)))
			switch {
			case err == nil:
				c.Close()
				how[i] <- "tcp/" + strconv.Itoa(port)
			case p.RefusedMeansAlive && errors.Is(err, syscall.ECONNREFUSED):
				how[i] <- "tcp/" + strconv.Itoa(port) + " refused"
			default:
				how[i] <- ""
			}
		}()
	}
	for _, c := range how {
		if h := <-c; h != "" {
			return "", h, true
		}
	}
	return "", "", false
}

// ARPProbe looks the host up in the OS neighbour table, /proc/net/arp on
// Linux: a sweep's SNMP requests make the kernel resolve every address of
// the local subnet, so present hosts appear there even when they answer
// nothing.
type ARPProbe struct {
	Path string // default /proc/net/arp

	once  sync.Once
	table map[netip.Addr]string
}

// Seen implements Probe. The table is read once, at the first call: call it
// after the SNMP requests of the sweep.
func (p *ARPProbe) Seen(_ context.Context, ip netip.Addr) (string, string, bool) {
	p.once.Do(func() {
		path := p.Path
		if path == "" {
			path = "/proc/net/arp"
		}
		f, err := os.Open(path)
		if err != nil {
			return // no neighbour table on this OS: the probe sees nothing
		}
		defer f.Close()
		p.table = ParseARP(f)
	})
	mac, ok := p.table[ip]
	return mac, "arp", ok
}

// ParseARP reads /proc/net/arp: complete entries (flag 0x2) with a real
// MAC, by IP.
func ParseARP(r io.Reader) map[netip.Addr]string {
	out := map[netip.Addr]string{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 {
			continue
		}
		ip, err := netip.ParseAddr(f[0])
		if err != nil {
			continue // header line
		}
		flags, err := strconv.ParseUint(strings.TrimPrefix(f[2], "0x"), 16, 32)
		if err != nil || flags&0x2 == 0 {
			continue
		}
		if mac := parseMAC(f[3]); validMAC(mac) {
			out[ip] = mac
		}
	}
	return out
}
