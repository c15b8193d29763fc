// Package ldaptest starts a private OpenLDAP slapd for tests: its own
// configuration, database and TLS certificates in a temporary directory,
// listening on free 127.0.0.1 ports (plain with StartTLS, and ldaps), with
// a small town hall directory loaded, and stopped when the test ends.
// Without slapd the test is skipped, or fails when CI=true.
package ldaptest

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"text/template"
	"time"

	"github.com/go-ldap/ldap/v3"
)

// Directory layout and secrets of the test server.
const (
	BaseDN     = "dc=mairie,dc=local"
	PeopleDN   = "ou=people," + BaseDN
	GroupsDN   = "ou=groups," + BaseDN
	RootDN     = "cn=admin," + BaseDN
	RootPW     = "root-secret-for-tests"
	ServiceDN  = "cn=parc,ou=services," + BaseDN
	ServicePW  = "service-secret-for-tests"
	UserFilter = "(&(objectClass=inetOrgPerson)(uid=%s))"
)

// Server is a running slapd.
type Server struct {
	URL      string // ldap://127.0.0.1:PORT (StartTLS available)
	LDAPSURL string // ldaps://127.0.0.1:PORT
	CAFile   string // PEM of the CA that signed the server certificate
	Dir      string
	t        testing.TB
	log      *syncBuffer
}

const slapdConf = `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath {{.Modules}}
moduleload back_mdb
moduleload memberof
pidfile {{.Dir}}/slapd.pid
argsfile {{.Dir}}/slapd.args
TLSCACertificateFile {{.Dir}}/ca.pem
TLSCertificateFile {{.Dir}}/server.pem
TLSCertificateKeyFile {{.Dir}}/server.key
database mdb
suffix "` + BaseDN + `"
rootdn "` + RootDN + `"
rootpw ` + RootPW + `
directory {{.Dir}}/db
maxsize 16777216
overlay memberof
access to attrs=userPassword
  by self write
  by anonymous auth
  by * none
access to *
  by users read
  by * none
`

// Start runs slapd and loads the town hall directory (see Seed).
func Start(t testing.TB) *Server {
	t.Helper()
	bin := findSlapd()
	if bin == "" {
		msg := "slapd not found: install it with `apt-get install slapd ldap-utils` (scripts/test-deps.sh)"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "db"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := writeCerts(dir); err != nil {
		t.Fatal(err)
	}
	var conf bytes.Buffer
	tmpl := template.Must(template.New("slapd.conf").Parse(slapdConf))
	if err := tmpl.Execute(&conf, map[string]string{"Dir": dir, "Modules": "/usr/lib/ldap"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "slapd.conf"), conf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	s := &Server{Dir: dir, CAFile: filepath.Join(dir, "ca.pem"), t: t, log: &syncBuffer{}}
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = s.run(bin); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("start slapd: %v\n%s", err, s.log.String())
	}
	s.Seed()
	return s
}

// run starts slapd on two free ports and waits until it accepts connections.
func (s *Server) run(bin string) error {
	p1, p2 := freePort(), freePort()
	s.URL, s.LDAPSURL = "ldap://127.0.0.1:"+p1, "ldaps://127.0.0.1:"+p2
	cmd := exec.Command(bin, "-f", filepath.Join(s.Dir, "slapd.conf"), "-h", s.URL+"/ "+s.LDAPSURL+"/", "-d", "0")
	cmd.Stdout, cmd.Stderr = s.log, s.log
	if err := cmd.Start(); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("slapd exited: %v", err)
		default:
		}
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+p1, time.Second); err == nil {
			c.Close()
			s.t.Cleanup(func() {
				cmd.Process.Kill()
				<-exited
			})
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
	<-exited
	return fmt.Errorf("slapd did not listen on %s within 15s", s.URL)
}

func findSlapd() string {
	if p, err := exec.LookPath("slapd"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/slapd"); err == nil {
		return "/usr/sbin/slapd"
	}
	return ""
}

func freePort() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "0"
	}
	defer ln.Close()
	return strings.TrimPrefix(ln.Addr().String(), "127.0.0.1:")
}

// Admin connects as the root DN, for tests that change the directory.
func (s *Server) Admin() *ldap.Conn {
	s.t.Helper()
	c, err := ldap.DialURL(s.URL)
	if err != nil {
		s.t.Fatalf("dial slapd: %v", err)
	}
	if err := c.Bind(RootDN, RootPW); err != nil {
		c.Close()
		s.t.Fatalf("bind as %s: %v", RootDN, err)
	}
	s.t.Cleanup(func() { c.Close() })
	return c
}

// syncBuffer collects slapd's output for failure messages.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
