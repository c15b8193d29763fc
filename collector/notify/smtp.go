package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/smtp"
	"net/textproto"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/config"
)

// SMTP sends mail through one server.
type SMTP struct {
	peer     config.MailPeer
	password string
	// tlsConfig checks the server's certificate (mail.smtp.ca_file);
	// nil verifies against the system's roots.
	tlsConfig *tls.Config
}

// NewSMTP prepares sending through peer (mail.smtp.*), reading its
// password once.
func NewSMTP(peer config.MailPeer) (*SMTP, error) {
	pw, err := peer.Secret()
	if err != nil {
		return nil, fmt.Errorf("mail.smtp.%w", err)
	}
	if peer.Port == 0 {
		peer.Port = 587
		if peer.TLS == "implicit" {
			peer.Port = 465
		}
	}
	if peer.TLS == "" {
		peer.TLS = "starttls"
	}
	if peer.Timeout.Duration == 0 {
		peer.Timeout.Duration = 30 * time.Second
	}
	tc, err := peer.TLSConfig()
	if err != nil {
		return nil, fmt.Errorf("mail.smtp.%w", err)
	}
	return &SMTP{peer: peer, password: pw, tlsConfig: tc}, nil
}

// Send delivers msg (a whole RFC 5322 message) from the envelope sender
// from to the address to. A refusal by the server (5xx) is permanent:
// the error wraps ErrRejected.
func (s *SMTP) Send(ctx context.Context, from, to string, msg []byte) error {
	fa, err := mail.ParseAddress(from)
	if err != nil {
		return fmt.Errorf("%w: from %q: %v", ErrRejected, from, err)
	}
	ta, err := mail.ParseAddress(to)
	if err != nil {
		return fmt.Errorf("%w: to %q: %v", ErrRejected, to, err)
	}
	c, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := s.session(c, fa.Address, ta.Address, msg); err != nil {
		return classify(err)
	}
	return nil
}

// ErrRejected marks mail the server (or our own checks) refused for good;
// sending it again would fail the same way.
var ErrRejected = errors.New("mail rejected")

func classify(err error) error {
	var te *textproto.Error
	if errors.As(err, &te) && te.Code >= 500 {
		return fmt.Errorf("%w: %v", ErrRejected, err)
	}
	return err
}

func (s *SMTP) dial(ctx context.Context) (*smtp.Client, error) {
	addr := net.JoinHostPort(s.peer.Host, strconv.Itoa(s.peer.Port))
	d := &net.Dialer{Timeout: s.peer.Timeout.Duration}
	ctx, cancel := context.WithTimeout(ctx, s.peer.Timeout.Duration)
	defer cancel()
	var conn net.Conn
	var err error
	if s.peer.TLS == "implicit" {
		conn, err = (&tls.Dialer{NetDialer: d, Config: s.tls()}).DialContext(ctx, "tcp", addr)
	} else {
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return nil, fmt.Errorf("smtp %s: %w", addr, err)
	}
	// The whole conversation must end in time, whatever the server does.
	_ = conn.SetDeadline(time.Now().Add(2 * s.peer.Timeout.Duration))
	c, err := smtp.NewClient(conn, s.peer.Host)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("smtp %s: %w", addr, err)
	}
	return c, nil
}

func (s *SMTP) tls() *tls.Config {
	if s.tlsConfig != nil {
		return s.tlsConfig.Clone()
	}
	return &tls.Config{ServerName: s.peer.Host, MinVersion: tls.VersionTLS12}
}

// session speaks SMTP on an open client: EHLO, STARTTLS, AUTH, then the
// message.
func (s *SMTP) session(c *smtp.Client, from, to string, msg []byte) error {
	host, _ := os.Hostname()
	if host == "" {
		host = "localhost"
	}
	if err := c.Hello(host); err != nil {
		return err
	}
	if s.peer.TLS == "starttls" {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return fmt.Errorf("smtp %s offers no STARTTLS (set mail.smtp.tls)", s.peer.Host)
		}
		if err := c.StartTLS(s.tls()); err != nil {
			return fmt.Errorf("starttls: %w", err)
		}
	}
	if s.peer.Username != "" {
		if err := c.Auth(s.auth(c)); err != nil {
			return fmt.Errorf("smtp auth as %s: %w", s.peer.Username, err)
		}
	}
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// auth picks PLAIN, or LOGIN when the server offers only that.
func (s *SMTP) auth(c *smtp.Client) smtp.Auth {
	_, mechs := c.Extension("AUTH")
	if !slices.Contains(strings.Fields(mechs), "PLAIN") && slices.Contains(strings.Fields(mechs), "LOGIN") {
		return &loginAuth{user: s.peer.Username, pass: s.password}
	}
	return smtp.PlainAuth("", s.peer.Username, s.password, s.peer.Host)
}

// loginAuth is AUTH LOGIN, which net/smtp lacks and some servers still
// want. Like PlainAuth it refuses to send a password in clear text except
// to localhost.
type loginAuth struct{ user, pass string }

func (a *loginAuth) Start(server *smtp.ServerInfo) (string, []byte, error) {
	if !server.TLS && server.Name != "localhost" && server.Name != "127.0.0.1" && server.Name != "::1" {
		return "", nil, errors.New("unencrypted connection")
	}
	return "LOGIN", nil, nil
}

func (a *loginAuth) Next(fromServer []byte, more bool) ([]byte, error) {
	if !more {
		return nil, nil
	}
	switch strings.ToLower(strings.TrimSpace(string(fromServer))) {
	case "username:":
		return []byte(a.user), nil
	case "password:":
		return []byte(a.pass), nil
	}
	return nil, fmt.Errorf("unexpected AUTH LOGIN challenge %q", fromServer)
}
