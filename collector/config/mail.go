package config

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/mail"
	"os"
	"strconv"
	"strings"
	"time"
)

// Mail configures email: notifications sent over SMTP, and mail to ticket
// read from an IMAP mailbox. Sending is on when mail.smtp.host is set,
// reading when mail.imap.host is set.
type Mail struct {
	// From is the sender of notifications and the address users reply
	// to, e.g. "Parc <helpdesk@mairie.fr>"; mail from it is never read
	// back as a request (loops).
	From string   `yaml:"from"`
	SMTP MailPeer `yaml:"smtp"`
	IMAP MailPeer `yaml:"imap"`
	// IMAPMailbox is the folder polled, default "INBOX"; handled mail is
	// flagged \Seen and moved to IMAPDoneMailbox when set, else deleted.
	IMAPMailbox     string `yaml:"imap_mailbox"`
	IMAPDoneMailbox string `yaml:"imap_done_mailbox"`
	// IMAPPoll is how often the mailbox is read, e.g. "every 2m".
	IMAPPoll string `yaml:"imap_poll"`
}

// MailPeer is an SMTP or IMAP server.
type MailPeer struct {
	Host string `yaml:"host"`
	Port int    `yaml:"port"` // default 587 (SMTP) or 143 (IMAP), 465/993 with tls: implicit
	// TLS is "starttls" (default), "implicit" or "none" (loopback only).
	TLS      string `yaml:"tls"`
	Username string `yaml:"username"`
	// Password is best given as PARC_MAIL_SMTP_PASSWORD (or _IMAP_), or
	// read from PasswordFile; it is never logged.
	Password     string   `yaml:"password"`
	PasswordFile string   `yaml:"password_file"`
	Timeout      Duration `yaml:"timeout"` // per connection, default 30s
	// CAFile is a PEM file of certificate authorities to trust for this
	// server besides the system's, e.g. a town hall's internal CA.
	CAFile string `yaml:"ca_file"`
}

// TLSConfig is how the peer's certificate is checked: against the
// system's roots and, when set, the authorities of CAFile.
func (p MailPeer) TLSConfig() (*tls.Config, error) {
	tc := &tls.Config{ServerName: p.Host, MinVersion: tls.VersionTLS12}
	if p.CAFile == "" {
		return tc, nil
	}
	pem, err := os.ReadFile(p.CAFile)
	if err != nil {
		return nil, fmt.Errorf("ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("ca_file: %s holds no PEM certificate", p.CAFile)
	}
	tc.RootCAs = pool
	return tc, nil
}

// Secret is the peer's password: Password, else the first line of
// PasswordFile.
func (p MailPeer) Secret() (string, error) {
	if p.Password != "" || p.PasswordFile == "" {
		return p.Password, nil
	}
	b, err := os.ReadFile(p.PasswordFile)
	if err != nil {
		return "", fmt.Errorf("password_file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(line), nil
}

func init() {
	for _, peer := range []string{"smtp", "imap"} {
		get := func(c *Config) *MailPeer { return &c.Mail.SMTP }
		if peer == "imap" {
			get = func(c *Config) *MailPeer { return &c.Mail.IMAP }
		}
		p := "mail." + peer + "."
		keys[p+"host"] = stringKey(func(c *Config) *string { return &get(c).Host })
		keys[p+"tls"] = stringKey(func(c *Config) *string { return &get(c).TLS })
		keys[p+"username"] = stringKey(func(c *Config) *string { return &get(c).Username })
		keys[p+"password"] = stringKey(func(c *Config) *string { return &get(c).Password })
		keys[p+"password_file"] = stringKey(func(c *Config) *string { return &get(c).PasswordFile })
		keys[p+"ca_file"] = stringKey(func(c *Config) *string { return &get(c).CAFile })
		keys[p+"timeout"] = durationKey(func(c *Config) *Duration { return &get(c).Timeout })
		keys[p+"port"] = func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%q is not a port number", v)
			}
			get(c).Port = n
			return nil
		}
	}
	keys["mail.from"] = stringKey(func(c *Config) *string { return &c.Mail.From })
	keys["mail.imap_mailbox"] = stringKey(func(c *Config) *string { return &c.Mail.IMAPMailbox })
	keys["mail.imap_done_mailbox"] = stringKey(func(c *Config) *string { return &c.Mail.IMAPDoneMailbox })
	keys["mail.imap_poll"] = stringKey(func(c *Config) *string { return &c.Mail.IMAPPoll })
}

// validateMail checks the mail.* keys of the parts that are on.
func (c *Config) validateMail() error {
	m := c.Mail
	if m.SMTP.Host == "" && m.IMAP.Host == "" {
		return nil
	}
	if m.From == "" {
		return errors.New("mail.from: must be set when mail.smtp.host or mail.imap.host is, e.g. \"Parc <helpdesk@mairie.fr>\"")
	}
	if a, err := mail.ParseAddress(m.From); err != nil || !strings.Contains(a.Address, "@") {
		return fmt.Errorf("mail.from: %q must be an email address such as \"Parc <helpdesk@mairie.fr>\"", m.From)
	}
	for _, p := range []struct {
		name string
		peer MailPeer
	}{{"smtp", m.SMTP}, {"imap", m.IMAP}} {
		if err := p.peer.validate("mail." + p.name); err != nil {
			return err
		}
	}
	if m.IMAP.Host != "" && m.IMAP.Username == "" {
		return errors.New("mail.imap.username: must be set to read the mailbox")
	}
	if m.IMAPPoll != "" && !strings.HasPrefix(m.IMAPPoll, "every ") {
		return fmt.Errorf("mail.imap_poll: %q must be \"every DURATION\" of at least 1m, e.g. \"every 2m\"", m.IMAPPoll)
	}
	if d, err := time.ParseDuration(strings.TrimPrefix(m.IMAPPoll, "every ")); m.IMAPPoll != "" && (err != nil || d < time.Minute) {
		return fmt.Errorf("mail.imap_poll: %q must be \"every DURATION\" of at least 1m, e.g. \"every 2m\"", m.IMAPPoll)
	}
	return nil
}

func (p MailPeer) validate(key string) error {
	if p.Host == "" {
		return nil
	}
	switch p.TLS {
	case "", "starttls", "implicit", "none":
	default:
		return fmt.Errorf("%s.tls: %q must be starttls, implicit or none", key, p.TLS)
	}
	if p.Port < 0 || p.Port > 65535 {
		return fmt.Errorf("%s.port: %d must be between 1 and 65535", key, p.Port)
	}
	if p.Password != "" && p.PasswordFile != "" {
		return fmt.Errorf("%s.password_file: give the password or its file, not both", key)
	}
	if p.PasswordFile != "" {
		if _, err := os.Stat(p.PasswordFile); err != nil {
			return fmt.Errorf("%s.password_file: %w", key, err)
		}
	}
	if _, err := p.TLSConfig(); err != nil {
		return fmt.Errorf("%s.%w", key, err)
	}
	if p.Username == "" && (p.Password != "" || p.PasswordFile != "") {
		return fmt.Errorf("%s.username: a password needs a username", key)
	}
	if t := p.Timeout.Duration; t != 0 && (t < time.Second || t > 5*time.Minute) {
		return fmt.Errorf("%s.timeout: %v must be between 1s and 5m", key, t)
	}
	return nil
}
