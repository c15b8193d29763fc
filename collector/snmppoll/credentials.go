package snmppoll

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

// secrets are the sealed part of a credential set.
type secrets struct {
	Community      string `json:"community,omitempty"`
	AuthPassphrase string `json:"auth_passphrase,omitempty"`
	PrivPassphrase string `json:"priv_passphrase,omitempty"`
}

// FieldError names a wrong field of a credential or job and why.
type FieldError struct {
	Field  string // form field, e.g. "targets"
	Reason string // English, for logs and the CLI; the web UI translates Field
}

// FieldErrors are the wrong fields of one credential or job.
type FieldErrors []FieldError

// Error lists the fields and reasons, for logs and the CLI.
func (e FieldErrors) Error() string {
	parts := make([]string, len(e))
	for i, f := range e {
		parts[i] = f.Field + ": " + f.Reason
	}
	return "invalid: " + strings.Join(parts, "; ")
}

// sealName binds a credential's sealed secrets to its name.
func sealName(name string) string { return "snmp_credential:" + name }

// CreateCredential validates and stores a credential set under name,
// sealing its secrets. Invalid input returns FieldErrors.
func (s *Service) CreateCredential(ctx context.Context, name string, c snmp.Credential) (*store.SNMPCredential, error) {
	name = strings.TrimSpace(name)
	var bad FieldErrors
	if name == "" || utf8.RuneCountInString(name) > 100 {
		bad = append(bad, FieldError{"name", "give a name of 1 to 100 characters"})
	}
	if err := c.Validate(); err != nil {
		bad = append(bad, FieldError{credentialField(c), err.Error()})
	}
	if len(bad) > 0 {
		return nil, bad
	}
	plain, err := json.Marshal(secrets{Community: c.Community, AuthPassphrase: c.AuthPassphrase, PrivPassphrase: c.PrivPassphrase})
	if err != nil {
		return nil, err
	}
	sc := &store.SNMPCredential{Name: name, Version: c.Version, Username: c.Username, AuthProtocol: strings.ToUpper(c.AuthProtocol),
		PrivProtocol: strings.ToUpper(c.PrivProtocol), ContextName: c.ContextName, Secret: s.seal.Seal(plain, sealName(name))}
	if err := s.q.CreateSNMPCredential(ctx, sc); err != nil {
		return nil, err
	}
	s.log.Info("SNMP credential created", "credential_id", sc.ID, "credential", c.String())
	return sc, nil
}

// credentialField guesses which form field a credential's validation error
// is about, so the form can point at it.
func credentialField(c snmp.Credential) string {
	switch {
	case c.Version != "1" && c.Version != "2c" && c.Version != "3":
		return "version"
	case c.Version != "3":
		return "community"
	case c.Username == "":
		return "username"
	}
	return "auth_passphrase"
}

// Credentials lists the credential sets, secrets still sealed.
func (s *Service) Credentials(ctx context.Context) ([]store.SNMPCredential, error) {
	return s.q.ListSNMPCredentials(ctx)
}

// DeleteCredential removes a credential set; store.ErrConflict while a job
// uses it.
func (s *Service) DeleteCredential(ctx context.Context, id int64) error {
	return s.q.DeleteSNMPCredential(ctx, id)
}

// open returns the usable credential of a stored set.
func (s *Service) open(sc store.SNMPCredential) (snmp.Credential, error) {
	plain, err := s.seal.Open(sc.Secret, sealName(sc.Name))
	if err != nil {
		return snmp.Credential{}, err
	}
	var sec secrets
	if err := json.Unmarshal(plain, &sec); err != nil {
		return snmp.Credential{}, fmt.Errorf("secret of SNMP credential %d: %w", sc.ID, err)
	}
	return snmp.Credential{ID: sc.ID, Version: sc.Version, Community: sec.Community, Username: sc.Username,
		AuthProtocol: sc.AuthProtocol, AuthPassphrase: sec.AuthPassphrase, PrivProtocol: sc.PrivProtocol,
		PrivPassphrase: sec.PrivPassphrase, ContextName: sc.ContextName}, nil
}

// jobCredentials opens a job's credential sets, in the job's order.
func (s *Service) jobCredentials(ctx context.Context, q store.SNMPQueries, j *store.SNMPJob) ([]snmp.Credential, error) {
	out := make([]snmp.Credential, 0, len(j.CredentialIDs))
	for _, id := range j.CredentialIDs {
		sc, err := q.GetSNMPCredential(ctx, id)
		if err != nil {
			return nil, err
		}
		c, err := s.open(*sc)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
