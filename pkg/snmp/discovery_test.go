package snmp

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/inventory/schema"
	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

func TestDiscoverLoopbackSweep(t *testing.T) {
	simAddr(t)
	// A TCP listener makes one silent address "seen"; the ARP fixture
	// another. Refused connections do not count: on loopback every
	// address refuses.
	ln, err := net.Listen("tcp", "127.0.1.12:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	tcpPort := ln.Addr().(*net.TCPAddr).Port
	var last Progress
	calls := 0
	start := time.Now()
	res, err := Discover(ctxT(t), DiscoverOptions{
		Targets: []string{sweepRange},
		Credentials: []Credential{
			{Version: "2c", Community: "wrong-first"},
			{ID: 3, Version: "2c", Community: "librenms/brother"},
		},
		// snmpsimd is Python: on a loaded 2-core CI machine its first answers
		// can take most of a second, so the timeout is generous here.
		Session: Options{Port: uint16(sim.Port), Timeout: 2 * time.Second, Retries: 1},
		DB:      loadDB(t),
		Probe:   Probes{TCPProbe{Ports: []int{tcpPort}, Timeout: 2 * time.Second}, &ARPProbe{Path: "testdata/proc_net_arp"}},
		Progress: func(p Progress) {
			calls++
			last = p
		},
		Meta: Meta{DeviceID: "test-agent"},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("swept %s in %v", sweepRange, time.Since(start))
	var snmp, unmanaged []string
	for _, r := range res {
		b := must(t, r.Report)
		if err := schema.ValidateValue(b); err != nil {
			t.Errorf("%s: report invalid: %v", r.IP, err)
		}
		if r.Identity != nil {
			snmp = append(snmp, r.IP)
			if r.Credential != 1 || r.Report.ItemType != "Printer" || r.Report.Content.NetworkDevice.Serial != "000A5J431816" {
				t.Errorf("%s: got credential %d, itemtype %s, serial %q; want 1, Printer, 000A5J431816",
					r.IP, r.Credential, r.Report.ItemType, r.Report.Content.NetworkDevice.Serial)
			}
		} else {
			unmanaged = append(unmanaged, r.IP)
		}
	}
	if !slices.Equal(snmp, sweepIPs) {
		t.Errorf("snmp devices: got %v; want %v", snmp, sweepIPs)
	}
	if want := []string{"127.0.1.7", "127.0.1.12"}; !slices.Equal(unmanaged, want) {
		t.Errorf("unmanaged: got %v; want %v", unmanaged, want)
	}
	for _, r := range res {
		if r.IP == "127.0.1.7" && r.Report.Content.NetworkDevice.MAC != "52:54:00:12:34:56" {
			t.Errorf("unmanaged MAC from ARP: got %q", r.Report.Content.NetworkDevice.MAC)
		}
	}
	if calls != 14 || last != (Progress{Done: 14, Total: 14, Found: 5}) {
		t.Errorf("progress: got %d calls, last %+v; want 14 calls ending at 14/14/5", calls, last)
	}
}

func must(t testing.TB, v any) any {
	t.Helper()
	if v == nil {
		t.Fatal("nil value")
	}
	return v
}

func TestDiscoverCancel(t *testing.T) {
	// A socket that reads every request and never answers, on all
	// loopback addresses: each host costs a full timeout.
	port := snmptest.FreePort(t, "127.0.0.1")
	silent, err := net.ListenPacket("udp", "0.0.0.0:"+strconv.Itoa(port))
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err = Discover(ctx, DiscoverOptions{Targets: []string{"127.0.2.0/24"}, Workers: 4,
		Credentials: []Credential{{Version: "2c", Community: "x"}},
		Session:     Options{Port: uint16(port), Timeout: 30 * time.Second}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v; want context.Canceled", err)
	}
	// The timeout is long: cancelling must end the pending waits, not
	// only stop handing out hosts.
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("cancel took %v", el)
	}
}

func TestParseTargets(t *testing.T) {
	tests := []struct {
		in      []string
		want    int
		first   string
		wantErr bool
	}{
		{[]string{"10.0.0.0/24"}, 254, "10.0.0.1", false},
		{[]string{"10.0.0.5"}, 1, "10.0.0.5", false},
		{[]string{"10.0.0.5, 10.0.0.5 10.0.0.6"}, 2, "10.0.0.5", false},
		{[]string{"10.0.0.250-10.0.1.3"}, 10, "10.0.0.250", false},
		{[]string{"10.0.0.0/31"}, 2, "10.0.0.0", false},
		{[]string{"2001:db8::1", "2001:db8::/126"}, 4, "2001:db8::1", false},
		{[]string{"10.0.0.0/8"}, 0, "", true},
		{[]string{"2001:db8::/64"}, 0, "", true},
		{[]string{"10.0.0.9-10.0.0.1"}, 0, "", true},
		{[]string{"nonsense"}, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in[0], func(t *testing.T) {
			got, err := ParseTargets(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error: got %v; want error %v", err, tt.wantErr)
			}
			if len(got) != tt.want {
				t.Fatalf("count: got %d; want %d", len(got), tt.want)
			}
			if tt.want > 0 && got[0] != netip.MustParseAddr(tt.first) {
				t.Errorf("first: got %s; want %s", got[0], tt.first)
			}
		})
	}
}

func TestParseARP(t *testing.T) {
	f, err := os.Open("testdata/proc_net_arp")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := ParseARP(f)
	want := map[netip.Addr]string{
		netip.MustParseAddr("127.0.1.7"): "52:54:00:12:34:56",
		netip.MustParseAddr("10.0.0.1"):  "aa:bb:cc:dd:ee:ff",
	}
	if len(got) != len(want) {
		t.Fatalf("got %v; want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q; want %q", k, got[k], v)
		}
	}
}

// TestDiscoverCredentialsAtOnce checks that a host that answers no
// credential costs one timeout, not one per credential: a silent agent
// must receive the requests of all three communities long before the
// first one's 30 s timeout.
func TestDiscoverCredentialsAtOnce(t *testing.T) {
	port := snmptest.FreePort(t, "127.0.0.1")
	silent, err := net.ListenPacket("udp", "127.0.3.1:"+strconv.Itoa(port))
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	communities := []string{"first-community", "second-community", "third-community"}
	var creds []Credential
	for _, c := range communities {
		creds = append(creds, Credential{Version: "2c", Community: c})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := Discover(ctx, DiscoverOptions{Targets: []string{"127.0.3.1"}, Credentials: creds,
			Session: Options{Port: uint16(port), Timeout: 30 * time.Second}})
		done <- err
	}()
	seen := map[string]bool{}
	buf := make([]byte, 65536)
	_ = silent.SetReadDeadline(time.Now().Add(15 * time.Second))
	for len(seen) < len(communities) {
		n, _, err := silent.ReadFrom(buf)
		if err != nil {
			t.Fatalf("got requests for %v before %v; want all of %v at once", seen, err, communities)
		}
		for _, c := range communities {
			if bytes.Contains(buf[:n], []byte(c)) {
				seen[c] = true
			}
		}
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("got %v; want context.Canceled", err)
	}
}
