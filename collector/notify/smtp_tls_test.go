package notify

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/config"
)

// smtpdTLS is an aiosmtpd server that offers STARTTLS, requires it, and
// takes AUTH (PLAIN or LOGIN) only over TLS and only for one account.
const smtpdTLS = `import sys, ssl, time
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, box, user, pw = sys.argv[1:7]
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(cert, key)

def check(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and data.login == user.encode() and data.password == pw.encode()
    return AuthResult(success=ok)

c = Controller(Mailbox(box), hostname="127.0.0.1", port=int(port), tls_context=ctx,
               require_starttls=True, authenticator=check, auth_require_tls=True)
c.start()
try:
    while True:
        time.sleep(3600)
finally:
    c.stop()
`

// TestSMTPStartTLSAuth sends through a real SMTP server that insists on
// STARTTLS and authentication, as a town hall's relay does: the mail
// arrives with the right account and the site's own CA, and a wrong
// password or an unknown CA gives an error that says so.
func TestSMTPStartTLSAuth(t *testing.T) {
	needPeer(t, "/usr/lib/python3/dist-packages/aiosmtpd")
	dir := t.TempDir()
	caFile, certFile, keyFile := writeTestPKI(t, dir)
	script := filepath.Join(dir, "smtpd.py")
	if err := os.WriteFile(script, []byte(smtpdTLS), 0o644); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	box := filepath.Join(dir, "box")
	start(t, exec.Command("/usr/bin/python3", script, strconv.Itoa(port), certFile, keyFile, box, "helpdesk", "relay-pass"), port, "")

	base := config.MailPeer{Host: "127.0.0.1", Port: port, TLS: "starttls", Username: "helpdesk",
		Password: "relay-pass", CAFile: caFile, Timeout: config.Duration{Duration: 10 * time.Second}}
	msg := []byte("From: parc@mairie.test\r\nTo: alice@mairie.test\r\nSubject: [Parc #7] Imprimante\r\n\r\nBonjour.\r\n")
	tests := []struct {
		name string
		mod  func(p *config.MailPeer)
		want string // part of the error; "" when the mail must arrive
	}{
		{"starttls and auth", func(*config.MailPeer) {}, ""},
		{"wrong password", func(p *config.MailPeer) { p.Password = "nope"; p.Timeout.Duration = 2 * time.Second }, "smtp auth as helpdesk"},
		{"unknown CA", func(p *config.MailPeer) { p.CAFile = "" }, "certificate"},
		{"no tls", func(p *config.MailPeer) { p.TLS = "none" }, "smtp"},
	}
	delivered := 0
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base
			tc.mod(&p)
			s, err := NewSMTP(p)
			if err != nil {
				t.Fatal(err)
			}
			err = s.Send(context.Background(), "parc@mairie.test", "alice@mairie.test", msg)
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("got %v; want an error containing %q", err, tc.want)
				}
				t.Logf("%s: %v", tc.name, err)
				if strings.Contains(err.Error(), p.Password) && p.Password != "" {
					t.Errorf("error %q shows the password", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("got %v; want the mail sent", err)
			}
			delivered++
		})
	}
	files, err := filepath.Glob(filepath.Join(box, "new", "*"))
	if err != nil || len(files) != delivered {
		t.Fatalf("got %d mails in the mailbox (%v); want %d", len(files), err, delivered)
	}
	body, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(body), "Subject: [Parc #7] Imprimante") {
		t.Errorf("got mail %q, %v; want the message sent", body, err)
	}
}

// writeTestPKI writes a CA and a certificate for 127.0.0.1 signed by it,
// and returns the files of the CA, the certificate and its key.
func writeTestPKI(t *testing.T, dir string) (caFile, certFile, keyFile string) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Mairie test CA"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		t.Fatal(err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, kind string, der []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("ca.pem", "CERTIFICATE", caDER), write("server.pem", "CERTIFICATE", leafDER), write("server.key", "EC PRIVATE KEY", keyDER)
}
