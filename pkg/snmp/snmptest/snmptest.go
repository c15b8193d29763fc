// Package snmptest runs real SNMP agents for tests: Debian's snmpsimd
// serving recorded walks, and a private net-snmp snmpd for SNMPv3.
//
// Under CI=true a missing daemon fails the test (scripts/test-deps.sh
// installs the snmpsim and snmpd packages); elsewhere the test is skipped
// with a message saying what to install.
package snmptest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/gosnmp/gosnmp"
)

// ErrMissing says a daemon is not installed.
var ErrMissing = errors.New("not installed")

// lookup finds a daemon in PATH or the sbin folders PATH often lacks.
func lookup(name string) (string, error) {
	for _, dir := range []string{"", "/usr/sbin/", "/usr/bin/"} {
		if p, err := exec.LookPath(dir + name); err == nil {
			return p, nil
		}
	}
	return "", ErrMissing
}

// need returns the path of a daemon, or fails (under CI=true) or skips the
// test.
func need(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := lookup(name)
	if err == nil {
		return p
	}
	Missing(t, fmt.Sprintf("%s not found: install the Debian package %s (scripts/test-deps.sh does)", name, pkg))
	return ""
}

// Missing fails the test under CI=true, where every daemon must be
// installed, and skips it elsewhere.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// FreePort returns a UDP port that is free on ip now.
func FreePort(t testing.TB, ip string) int {
	t.Helper()
	p, err := freePort(ip)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func freePort(ip string) (int, error) {
	c, err := net.ListenPacket("udp", net.JoinHostPort(ip, "0"))
	if err != nil {
		return 0, fmt.Errorf("find a free port on %s: %w", ip, err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port, nil
}

// waitSNMP polls addr with a v2c GET of sysObjectID (or any answer,
// even an error PDU) until it answers or the deadline passes.
func waitSNMP(ctx context.Context, addr, community string, exited <-chan error) error {
	host, p, _ := net.SplitHostPort(addr)
	port, _ := strconv.Atoi(p)
	for {
		g := &gosnmp.GoSNMP{Target: host, Port: uint16(port), Community: community, Version: gosnmp.Version2c,
			Timeout: 300 * time.Millisecond, Retries: 0, Context: ctx}
		if err := g.Connect(); err == nil {
			_, err = g.Get([]string{".1.3.6.1.2.1.1.2.0"})
			g.Conn.Close()
			if err == nil {
				return nil
			}
		}
		select {
		case err := <-exited:
			return fmt.Errorf("daemon exited before answering: %v", err)
		case <-ctx.Done():
			return fmt.Errorf("no answer from %s: %w", addr, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
