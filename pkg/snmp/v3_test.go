package snmp

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/pkg/snmp/snmptest"
)

func TestSNMPv3AgainstSnmpd(t *testing.T) {
	users := []snmptest.V3User{
		{Name: "sha-aes", Auth: "SHA", AuthPass: "authpass-123", Priv: "AES", PrivPass: "privpass-123"},
		{Name: "md5-des", Auth: "MD5", AuthPass: "authpass-123", Priv: "DES", PrivPass: "privpass-123"},
		{Name: "sha256-aes", Auth: "SHA-256", AuthPass: "authpass-123", Priv: "AES", PrivPass: "privpass-123"},
		{Name: "sha-only", Auth: "SHA", AuthPass: "authpass-123"},
	}
	d := snmptest.StartSNMPD(t, users...)
	// Generous: on a loaded machine snmpd may wait its turn for a while;
	// only the wrong community waits the timeout out.
	opts := Options{Timeout: 2 * time.Second, Retries: 0}
	ok := func(user, auth, priv string) Credential {
		c := Credential{Version: "3", Username: user, AuthProtocol: auth, AuthPassphrase: "authpass-123"}
		if priv != "" {
			c.PrivProtocol, c.PrivPassphrase = priv, "privpass-123"
		}
		return c
	}
	tests := []struct {
		name    string
		cred    Credential
		wantErr error
		why     string
	}{
		{"sha aes", ok("sha-aes", "SHA", "AES"), nil, ""},
		{"md5 des", ok("md5-des", "MD5", "DES"), nil, ""},
		{"sha256 aes", ok("sha256-aes", "SHA256", "AES"), nil, ""},
		{"auth no priv", ok("sha-only", "SHA", ""), nil, ""},
		{"v2c community", Credential{Version: "2c", Community: d.Community}, nil, ""},
		{"unknown user", ok("nobody-here", "SHA", "AES"), ErrAuth, "unknown user name"},
		{"wrong auth passphrase", func() Credential { c := ok("sha-aes", "SHA", "AES"); c.AuthPassphrase = "wrong-pass-1"; return c }(), ErrAuth, "wrong auth"},
		{"wrong auth protocol", ok("sha-aes", "MD5", "AES"), ErrAuth, "wrong auth"},
		{"wrong community", Credential{Version: "2c", Community: "not-this-one"}, ErrNoResponse, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := ctxT(t)
			s, err := Dial(ctx, d.Addr, tt.cred, opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			v, err := s.Get(ctx, oidSysName)
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("get: %v", err)
				}
				if got := pduString(v[oidSysName]); got != "parc-snmpd" {
					t.Errorf("sysName: got %q; want %q", got, "parc-snmpd")
				}
				return
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("got error %v; want %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.why) {
				t.Errorf("error %q does not say %q", err, tt.why)
			}
		})
	}
}

func TestDiscoverTriesCredentialsInOrder(t *testing.T) {
	d := snmptest.StartSNMPD(t, snmptest.V3User{Name: "ops", Auth: "SHA", AuthPass: "authpass-123", Priv: "AES", PrivPass: "privpass-123"})
	host, port := splitAddr(t, d.Addr)
	creds := []Credential{
		{Version: "3", Username: "ops", AuthProtocol: "SHA", AuthPassphrase: "bad-pass-123", PrivProtocol: "AES", PrivPassphrase: "privpass-123"},
		{Version: "2c", Community: "wrong"},
		{ID: 7, Version: "3", Username: "ops", AuthProtocol: "SHA", AuthPassphrase: "authpass-123", PrivProtocol: "AES", PrivPassphrase: "privpass-123"},
	}
	res, err := Discover(ctxT(t), DiscoverOptions{Targets: []string{host}, Credentials: creds,
		// Credentials are tried at once, so the silent v2c one costs one
		// timeout; it is generous for a loaded machine.
		Session: Options{Port: port, Timeout: 2 * time.Second}, DB: loadDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("results: got %d; want 1", len(res))
	}
	r := res[0]
	if r.Credential != 2 {
		t.Errorf("credential: got %d; want 2 (reasons %v)", r.Credential, r.Reasons)
	}
	if len(r.Reasons) != 2 || !strings.Contains(r.Reasons[0], "wrong auth passphrase") || !strings.Contains(r.Reasons[1], "no answer") {
		t.Errorf("reasons: got %q; want a wrong passphrase then no answer", r.Reasons)
	}
	if got := r.Report.Content.NetworkDevice.Credentials; got != 7 {
		t.Errorf("network_device.credentials: got %d; want 7", got)
	}
	if got := r.Report.Content.NetworkDevice.Name; got != "parc-snmpd" {
		t.Errorf("name: got %q; want parc-snmpd", got)
	}
}

func TestTimeoutIsBounded(t *testing.T) {
	// A port where nothing answers: the request must fail after
	// timeout*(retries+1), not hang.
	port := snmptest.FreePort(t, "127.0.0.1")
	s, err := Dial(context.Background(), "127.0.0.1", Credential{Version: "2c", Community: "public"},
		Options{Port: uint16(port), Timeout: 200 * time.Millisecond, Retries: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = s.Get(context.Background(), oidSysName)
	if !errors.Is(err, ErrNoResponse) {
		t.Fatalf("got %v; want ErrNoResponse", err)
	}
	// The bound only catches a hang: a loaded machine may add seconds.
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v; want about 400ms", el)
	}
}
