package ldap

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"

	"github.com/go-ldap/ldap/v3"
)

// ErrInvalidCredentials is returned for a wrong password, an unknown login
// or an empty password: the login page shows the same message for all.
var ErrInvalidCredentials = errors.New("invalid credentials")

// Directory is a configured LDAP directory. It keeps no connection open:
// each login or import dials, which suits a login every few minutes and
// survives a domain controller's restart.
type Directory struct {
	cfg   Config
	tls   *tls.Config
	roles []groupRole
}

// New checks cfg and reads its CA file.
func New(cfg Config) (*Directory, error) {
	cfg.Enabled = true
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	roles, _ := parseGroupRoles(cfg.GroupRoles) // checked by Validate
	u, _ := url.Parse(cfg.URL)                  // checked by Validate
	tc := &tls.Config{ServerName: u.Hostname(), MinVersion: tls.VersionTLS12, InsecureSkipVerify: cfg.InsecureSkipVerify}
	if cfg.CAFile != "" {
		pem, err := os.ReadFile(cfg.CAFile)
		if err != nil {
			return nil, fmt.Errorf("ldap.ca_file: %w", err)
		}
		tc.RootCAs = x509.NewCertPool()
		if !tc.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ldap.ca_file: %s holds no PEM certificate", cfg.CAFile)
		}
	}
	return &Directory{cfg: cfg, tls: tc, roles: roles}, nil
}

// Config is the directory's configuration, defaults filled in.
func (d *Directory) Config() Config { return d.cfg }

// dial connects, upgrades to TLS if configured, and closes the connection
// when ctx ends so a hung server cannot hold a login forever.
func (d *Directory) dial(ctx context.Context) (*ldap.Conn, func(), error) {
	dialer := &net.Dialer{Timeout: d.cfg.Timeout}
	conn, err := ldap.DialURL(d.cfg.URL, ldap.DialWithDialer(dialer), ldap.DialWithTLSConfig(d.tls))
	if err != nil {
		return nil, nil, fmt.Errorf("connect to LDAP server %s: %w; check ldap.url and that the server is reachable", d.cfg.URL, unwrap(err))
	}
	conn.SetTimeout(d.cfg.Timeout)
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	done := func() { stop(); conn.Close() }
	if d.cfg.StartTLS {
		if err := conn.StartTLS(d.tls); err != nil {
			done()
			return nil, nil, fmt.Errorf("StartTLS with %s: %w; check ldap.ca_file and that the server offers StartTLS", d.cfg.URL, unwrap(err))
		}
	}
	return conn, done, nil
}

// serviceBind binds as the service account (anonymously without one).
func (d *Directory) serviceBind(conn *ldap.Conn) error {
	if d.cfg.BindDN == "" {
		return nil
	}
	if err := conn.Bind(d.cfg.BindDN, d.cfg.BindPassword); err != nil {
		return fmt.Errorf("LDAP bind as %s failed: %s; check ldap.bind_dn and ldap.bind_password", d.cfg.BindDN, describe(err))
	}
	return nil
}

// describe is an LDAP error in a few words: "invalid credentials".
func describe(err error) string {
	var le *ldap.Error
	if errors.As(err, &le) {
		switch le.ResultCode {
		case ldap.LDAPResultInvalidCredentials:
			return "invalid credentials"
		case ldap.ErrorNetwork:
			return le.Err.Error()
		}
		if le.Err != nil && le.Err.Error() != "" {
			return fmt.Sprintf("%s (%s)", ldap.LDAPResultCodeMap[le.ResultCode], le.Err)
		}
		return ldap.LDAPResultCodeMap[le.ResultCode]
	}
	return err.Error()
}

// unwrap drops go-ldap's "LDAP Result Code 200 "Network Error":" prefix
// from network errors, keeping the cause.
func unwrap(err error) error {
	var le *ldap.Error
	if errors.As(err, &le) && le.ResultCode == ldap.ErrorNetwork && le.Err != nil {
		return le.Err
	}
	return err
}
