package snmptest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// V3User is an SNMPv3 user of the private snmpd. Auth is "MD5", "SHA",
// "SHA-256"...; Priv is "", "DES" or "AES".
type V3User struct {
	Name, Auth, AuthPass, Priv, PrivPass string
}

// SNMPD is a running net-snmp agent.
type SNMPD struct {
	Addr      string // "127.0.0.1:PORT"
	Community string // read-only v2c community
}

// StartSNMPD runs a private snmpd on 127.0.0.1 at a free port with its own
// configuration (no system config, no SMUX, no TCP listener) and the given
// v3 users, read-only; it stops when the test ends.
func StartSNMPD(t testing.TB, users ...V3User) *SNMPD {
	t.Helper()
	bin := need(t, "snmpd", "snmpd")
	dir := t.TempDir()
	port := FreePort(t, "127.0.0.1")
	d := &SNMPD{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Community: "parc-test"}
	var conf strings.Builder
	fmt.Fprintf(&conf, "agentAddress udp:%s\nrocommunity %s 127.0.0.1\n", d.Addr, d.Community)
	conf.WriteString("sysLocation parc test rack\nsysContact parc@example.org\nsysName parc-snmpd\n")
	for _, u := range users {
		line := fmt.Sprintf("createUser %s %s %q", u.Name, u.Auth, u.AuthPass)
		level := "auth"
		if u.Priv != "" {
			line += fmt.Sprintf(" %s %q", u.Priv, u.PrivPass)
			level = "priv"
		}
		fmt.Fprintf(&conf, "%s\nrouser %s %s\n", line, u.Name, level)
	}
	cfg := filepath.Join(dir, "snmpd.conf")
	if err := os.WriteFile(cfg, []byte(conf.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-f", "-Lo", "-C", "-c", cfg, "-I", "-smux", "-p", filepath.Join(dir, "pid"))
	cmd.Env = append(os.Environ(), "SNMP_PERSISTENT_DIR="+dir, "MIBS=", "MIBDIRS="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start snmpd: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := waitSNMP(ctx, d.Addr, d.Community, exited); err != nil {
		t.Fatalf("snmpd: %v\n%s", err, out.String())
	}
	return d
}
