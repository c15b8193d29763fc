package snmp

import (
	"fmt"
	"strings"

	"github.com/gosnmp/gosnmp"
)

// Credential is one way to talk to a device: a v1/v2c community, or a v3
// user with optional authentication and privacy. Discovery tries a list of
// them in order.
type Credential struct {
	// ID identifies the credential set in reports (network_device.credentials);
	// 0 when not stored.
	ID int64 `json:"id,omitempty"`
	// Version is "1", "2c" or "3".
	Version string `json:"version"`
	// Community is the v1/v2c community, e.g. "public".
	Community string `json:"community,omitempty"`
	// Username is the v3 user name.
	Username string `json:"username,omitempty"`
	// AuthProtocol is "", "MD5", "SHA", "SHA224", "SHA256", "SHA384" or "SHA512".
	AuthProtocol string `json:"auth_protocol,omitempty"`
	// AuthPassphrase is the v3 authentication passphrase.
	AuthPassphrase string `json:"auth_passphrase,omitempty"`
	// PrivProtocol is "", "DES", "AES" (AES-128), "AES192" or "AES256".
	PrivProtocol string `json:"priv_protocol,omitempty"`
	// PrivPassphrase is the v3 privacy passphrase.
	PrivPassphrase string `json:"priv_passphrase,omitempty"`
	// ContextName is the v3 context, e.g. "vlan-10" on Cisco; "" by default.
	ContextName string `json:"context_name,omitempty"`
}

// String names the credential without its secrets, for logs and errors.
func (c Credential) String() string {
	switch c.Version {
	case "3":
		lvl := "noAuthNoPriv"
		if c.AuthProtocol != "" {
			lvl = "authNoPriv/" + c.AuthProtocol
			if c.PrivProtocol != "" {
				lvl = "authPriv/" + c.AuthProtocol + "/" + c.PrivProtocol
			}
		}
		return fmt.Sprintf("v3 user %q (%s)", c.Username, lvl)
	case "1":
		return "v1 community"
	}
	return "v2c community"
}

var authProtocols = map[string]gosnmp.SnmpV3AuthProtocol{
	"":       gosnmp.NoAuth,
	"NONE":   gosnmp.NoAuth,
	"MD5":    gosnmp.MD5,
	"SHA":    gosnmp.SHA,
	"SHA1":   gosnmp.SHA,
	"SHA224": gosnmp.SHA224,
	"SHA256": gosnmp.SHA256,
	"SHA384": gosnmp.SHA384,
	"SHA512": gosnmp.SHA512,
}

var privProtocols = map[string]gosnmp.SnmpV3PrivProtocol{
	"":       gosnmp.NoPriv,
	"NONE":   gosnmp.NoPriv,
	"DES":    gosnmp.DES,
	"AES":    gosnmp.AES,
	"AES128": gosnmp.AES,
	"AES192": gosnmp.AES192,
	"AES256": gosnmp.AES256,
	// Cisco's AES-192/256 key extension (draft Reeder), which most Cisco
	// devices use.
	"AES192C": gosnmp.AES192C,
	"AES256C": gosnmp.AES256C,
}

func normProto(s string) string {
	return strings.ToUpper(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))
}

// Validate checks that the credential can be used and says what to fix.
func (c Credential) Validate() error {
	switch c.Version {
	case "1", "2c":
		if c.Community == "" {
			return fmt.Errorf("snmp %s credential: community is empty", c.Version)
		}
	case "3":
		if c.Username == "" {
			return fmt.Errorf("snmp v3 credential: username is empty")
		}
		if _, ok := authProtocols[normProto(c.AuthProtocol)]; !ok {
			return fmt.Errorf("snmp v3 credential: unknown auth protocol %q (use MD5, SHA, SHA224, SHA256, SHA384 or SHA512)", c.AuthProtocol)
		}
		if _, ok := privProtocols[normProto(c.PrivProtocol)]; !ok {
			return fmt.Errorf("snmp v3 credential: unknown privacy protocol %q (use DES, AES, AES192 or AES256)", c.PrivProtocol)
		}
		if c.PrivProtocol != "" && c.AuthProtocol == "" {
			return fmt.Errorf("snmp v3 credential: privacy needs an auth protocol too")
		}
		if c.AuthProtocol != "" && len(c.AuthPassphrase) < 8 {
			return fmt.Errorf("snmp v3 credential: auth passphrase must have at least 8 characters")
		}
		if c.PrivProtocol != "" && len(c.PrivPassphrase) < 8 {
			return fmt.Errorf("snmp v3 credential: privacy passphrase must have at least 8 characters")
		}
	default:
		return fmt.Errorf("snmp credential: version %q is not 1, 2c or 3", c.Version)
	}
	return nil
}

// apply sets the credential on a gosnmp client.
func (c Credential) apply(g *gosnmp.GoSNMP) {
	switch c.Version {
	case "1":
		g.Version = gosnmp.Version1
		g.Community = c.Community
	case "2c":
		g.Version = gosnmp.Version2c
		g.Community = c.Community
	case "3":
		g.Version = gosnmp.Version3
		g.SecurityModel = gosnmp.UserSecurityModel
		g.ContextName = c.ContextName
		auth := authProtocols[normProto(c.AuthProtocol)]
		priv := privProtocols[normProto(c.PrivProtocol)]
		g.MsgFlags = gosnmp.NoAuthNoPriv
		if auth != gosnmp.NoAuth {
			g.MsgFlags = gosnmp.AuthNoPriv
			if priv != gosnmp.NoPriv {
				g.MsgFlags = gosnmp.AuthPriv
			}
		}
		g.SecurityParameters = &gosnmp.UsmSecurityParameters{
			UserName:                 c.Username,
			AuthenticationProtocol:   auth,
			AuthenticationPassphrase: c.AuthPassphrase,
			PrivacyProtocol:          priv,
			PrivacyPassphrase:        c.PrivPassphrase,
		}
	}
}

// vlanContext returns the credential that reads the per-VLAN BRIDGE-MIB
// instance of a Cisco switch: "community@vlan" for v1/v2c, the context
// "vlan-N" for v3.
func (c Credential) vlanContext(vlan int64) Credential {
	v := c
	if c.Version == "3" {
		v.ContextName = fmt.Sprintf("vlan-%d", vlan)
	} else {
		v.Community = fmt.Sprintf("%s@%d", c.Community, vlan)
	}
	return v
}
