package collect

import (
	"bufio"
	"bytes"
	"strings"
)

// resolvConf is what the inventory takes from /etc/resolv.conf.
type resolvConf struct {
	Nameservers []string
	Domain      string // "domain", else the first "search" domain
}

func parseResolvConf(b []byte) resolvConf {
	var rc resolvConf
	var search string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") || strings.HasPrefix(f[0], ";") {
			continue
		}
		switch f[0] {
		case "nameserver":
			rc.Nameservers = append(rc.Nameservers, f[1])
		case "domain":
			rc.Domain = f[1]
		case "search":
			search = f[1]
		}
	}
	if rc.Domain == "" && search != "." {
		rc.Domain = search
	}
	rc.Domain = strings.TrimSuffix(rc.Domain, ".")
	return rc
}

// parseLeaseServer finds the DHCP server in a lease file: dhclient's
// "option dhcp-server-identifier 192.168.1.1;" (the last lease wins) or
// the KEY=value files of NetworkManager's internal client and
// systemd-networkd ("SERVER_ADDRESS=192.168.1.1").
func parseLeaseServer(b []byte) string {
	var server string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(line, "option dhcp-server-identifier "); ok {
			server = strings.TrimSuffix(strings.TrimSpace(v), ";")
		} else if v, ok := strings.CutPrefix(line, "SERVER_ADDRESS="); ok {
			server = strings.TrimSpace(v)
		}
	}
	return server
}

// parseHosts finds the canonical name /etc/hosts gives a host name: the
// first name of a line where the host name appears.
func parseHosts(b []byte, host string) string {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		for _, n := range f[1:] {
			if strings.EqualFold(n, host) || strings.HasPrefix(strings.ToLower(n), strings.ToLower(host)+".") {
				if strings.Contains(f[1], ".") {
					return f[1]
				}
			}
		}
	}
	return ""
}
