package web

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mailCapture is a local SMTP server (python3's aiosmtpd, Debian's
// python3-aiosmtpd) that files every message it accepts in a Maildir, so
// a test reads what each person was sent.
type mailCapture struct {
	port int
	dir  string // the Maildir
}

// capturedMail is one accepted message.
type capturedMail struct {
	Rcpt    []string // the envelope recipients (aiosmtpd's X-RcptTo)
	Subject string   // decoded
	Text    string   // the text/plain part, decoded
}

// startMailCapture starts the SMTP server until the test ends; a missing
// aiosmtpd fails the test.
func startMailCapture(t *testing.T) *mailCapture {
	t.Helper()
	if _, err := os.Stat("/usr/lib/python3/dist-packages/aiosmtpd"); err != nil {
		t.Fatal("aiosmtpd is not installed; run scripts/test-deps.sh (apt-get install python3-aiosmtpd)")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	m := &mailCapture{port: port, dir: filepath.Join(t.TempDir(), "Maildir")}
	cmd := exec.Command("/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:"+strconv.Itoa(port),
		"-c", "aiosmtpd.handlers.Mailbox", m.dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), time.Second); err == nil {
			c.Close()
			return m
		}
	}
	t.Fatalf("aiosmtpd did not listen on %d: %s", port, out.String())
	return nil
}

// wait returns the messages received so far, oldest first, once there
// are at least n (failing the test when they do not come within a
// minute: the queue retries, so a slow machine is not a failure).
func (m *mailCapture) wait(t *testing.T, n int) []capturedMail {
	t.Helper()
	var got []capturedMail
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		got = m.read(t)
		if len(got) >= n {
			return got
		}
	}
	t.Fatalf("got %d mails; want at least %d: %+v", len(got), n, got)
	return nil
}

func (m *mailCapture) read(t *testing.T) []capturedMail {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(m.dir, "new", "*"))
	type dated struct {
		at time.Time
		m  capturedMail
	}
	var all []dated
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("mail %s: %v", f, err)
		}
		st, _ := os.Stat(f)
		dec := new(mime.WordDecoder)
		subject, err := dec.DecodeHeader(msg.Header.Get("Subject"))
		if err != nil {
			t.Fatalf("mail %s subject: %v", f, err)
		}
		var rcpt []string
		for _, r := range strings.Split(msg.Header.Get("X-RcptTo"), ",") {
			rcpt = append(rcpt, strings.TrimSpace(r))
		}
		all = append(all, dated{st.ModTime(), capturedMail{Rcpt: rcpt, Subject: subject,
			Text: mailText(t, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body)}})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].at.Before(all[j].at) })
	out := make([]capturedMail, len(all))
	for i, d := range all {
		out[i] = d.m
	}
	return out
}

// mailText finds the text/plain part of a message body and decodes it.
func mailText(t *testing.T, ctype, cte string, body io.Reader) string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatalf("content type %q: %v", ctype, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return ""
			}
			if s := mailText(t, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p); s != "" {
				return s
			}
		}
	}
	if mt != "text/plain" {
		return ""
	}
	switch strings.ToLower(cte) {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("read mail text: %v", err)
	}
	return string(b)
}

// wantMail checks the mails received since the previous step: exactly
// one per person told, to that person, about the ticket, saying what
// happened (the headline, in French).
func wantMail(t *testing.T, mc *mailCapture, seen *int, step, subject string, want map[string]string) {
	t.Helper()
	all := mc.wait(t, *seen+len(want))
	// Mail is sent by the queue: let any unexpected extra arrive too.
	time.Sleep(300 * time.Millisecond)
	all = mc.read(t)
	got := all[*seen:]
	*seen = len(all)
	if len(got) != len(want) {
		t.Errorf("%s: got %d mails %+v; want %d", step, len(got), got, len(want))
	}
	for _, m := range got {
		if len(m.Rcpt) != 1 {
			t.Errorf("%s: got recipients %q; want one per mail", step, m.Rcpt)
			continue
		}
		headline, ok := want[m.Rcpt[0]]
		if !ok {
			t.Errorf("%s: got a mail to %s; want none", step, m.Rcpt[0])
			continue
		}
		if m.Subject != subject {
			t.Errorf("%s: mail to %s has subject %q; want %q", step, m.Rcpt[0], m.Subject, subject)
		}
		if !strings.Contains(m.Text, headline) {
			t.Errorf("%s: mail to %s lacks %q:\n%s", step, m.Rcpt[0], headline, m.Text)
		}
		delete(want, m.Rcpt[0])
	}
	for to := range want {
		t.Errorf("%s: got no mail to %s; want one", step, to)
	}
}
