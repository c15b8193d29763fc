package notify

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	osuser "os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"
)

// mailPeers are a real IMAP server (dovecot) and a real SMTP server
// (aiosmtpd) that delivers every mail to the maildir of mailbox "alice".
type mailPeers struct {
	imapPort, smtpPort int
	password           string
	dir                string
}

// needPeer fails the test when a peer's program is missing, saying how
// to install it (make test does).
func needPeer(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%s missing (scripts/test-deps.sh installs it): %v", path, err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

const dovecotConf = `base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[1]s/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 0
default_internal_user = %[3]s
default_login_user = %[3]s
default_internal_group = %[4]s
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[1]s/passwd
}
userdb {
  driver = static
  args = uid=%[5]d gid=%[6]d home=%[1]s/home/%%u
}
mail_location = maildir:%[1]s/mail/%%u
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[2]d
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`

// startPeers starts dovecot and aiosmtpd on free loopback ports, with the
// mailboxes "alice" and "helpdesk".
func startPeers(t *testing.T) *mailPeers {
	needPeer(t, "/usr/sbin/dovecot")
	needPeer(t, "/usr/lib/python3/dist-packages/aiosmtpd")
	dir := t.TempDir()
	p := &mailPeers{imapPort: freePort(t), smtpPort: freePort(t), password: "s3cret-pass", dir: dir}
	// dovecot's auth process runs as the dovecot user: it must reach the
	// passwd file through the test's directories.
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"run", "state", "home", "mail"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	pw := fmt.Sprintf("alice:{PLAIN}%[1]s::::::\nhelpdesk:{PLAIN}%[1]s::::::\n", p.password)
	if err := os.WriteFile(filepath.Join(dir, "passwd"), []byte(pw), 0o644); err != nil {
		t.Fatal(err)
	}
	user, group := "dovecot", "dovecot"
	// Dovecot refuses mail access as root: as root, the mail belongs to
	// the dovecot user, and the SMTP server runs as that user too.
	uid, gid := os.Getuid(), os.Getgid()
	var cred *syscall.Credential
	if uid == 0 {
		u, err := osuser.Lookup(user)
		if err != nil {
			t.Fatal(err)
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(filepath.Join(dir, "mail"), uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	conf := fmt.Sprintf(dovecotConf, dir, p.imapPort, user, group, uid, gid)
	cf := filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(cf, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	start(t, exec.Command("/usr/sbin/dovecot", "-F", "-c", cf), p.imapPort, filepath.Join(dir, "dovecot.log"))
	smtpd := exec.Command("/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:"+strconv.Itoa(p.smtpPort),
		"-c", "aiosmtpd.handlers.Mailbox", filepath.Join(dir, "mail", "alice"))
	smtpd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	start(t, smtpd, p.smtpPort, "")
	return p
}

// start runs cmd until the test ends and waits for its port.
func start(t *testing.T, cmd *exec.Cmd, port int, logFile string) {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), "peer")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), time.Second)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := os.ReadFile(out.Name())
	l, _ := os.ReadFile(logFile)
	t.Fatalf("%s did not listen on %d: %s %s", cmd.Path, port, b, l)
}

// imapLogin opens a mailbox of the peers.
func (p *mailPeers) imapLogin(t *testing.T, user string) *client.Client {
	t.Helper()
	c, err := client.Dial("127.0.0.1:" + strconv.Itoa(p.imapPort))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Logout() })
	if err := c.Login(user, p.password); err != nil {
		l, _ := os.ReadFile(filepath.Join(p.dir, "dovecot.log"))
		t.Fatalf("imap login as %s: %v\n%s", user, err, l)
	}
	return c
}

// waitMail polls user's INBOX until it holds n mails and returns the
// last one, whole.
func (p *mailPeers) waitMail(t *testing.T, user string, n int) []byte {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		c := p.imapLogin(t, user)
		st, err := c.Select("INBOX", true)
		if err != nil {
			l, _ := os.ReadFile(filepath.Join(p.dir, "dovecot.log"))
			t.Fatalf("imap select as %s: %v\n%s", user, err, l)
		}
		if int(st.Messages) >= n {
			set := new(imap.SeqSet)
			set.AddNum(uint32(n))
			section := &imap.BodySectionName{Peek: true}
			ch := make(chan *imap.Message, 1)
			if err := c.Fetch(set, []imap.FetchItem{section.FetchItem()}, ch); err != nil {
				t.Fatal(err)
			}
			m := <-ch
			b := make([]byte, 0, 4096)
			r := m.GetBody(section)
			buf := make([]byte, 4096)
			for {
				k, err := r.Read(buf)
				b = append(b, buf[:k]...)
				if err != nil {
					break
				}
			}
			return b
		}
		_ = c.Logout()
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("mailbox %s never got %d mails", user, n)
	return nil
}

// appendMail puts a raw mail into user's INBOX.
func (p *mailPeers) appendMail(t *testing.T, user, raw string) {
	t.Helper()
	c := p.imapLogin(t, user)
	if err := c.Append("INBOX", nil, time.Now(), strings.NewReader(raw)); err != nil {
		t.Fatal(err)
	}
}
