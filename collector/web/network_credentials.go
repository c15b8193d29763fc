package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

// credentialForm is the new-credential form. Secrets are never put back
// into it: after an error they must be typed again.
type credentialForm struct {
	Name, Version, Username, AuthProtocol, PrivProtocol string
	Errors                                              map[string]string
}

type networkCredentialsData struct {
	Credentials []store.SNMPCredential
	Form        credentialForm
	InUse       bool // a delete was refused: a job uses the credential
	// The form's choices.
	Versions, AuthProtocols, PrivProtocols []string
}

// networkCredentials lists the credential sets, without their secrets.
func (s *Server) networkCredentials(w http.ResponseWriter, r *http.Request) {
	s.renderCredentials(w, r, http.StatusOK, networkCredentialsData{Form: credentialForm{Version: "2c"}})
}

func (s *Server) renderCredentials(w http.ResponseWriter, r *http.Request, status int, d networkCredentialsData) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	creds, err := n.Credentials(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Credentials = creds
	d.Versions = []string{"1", "2c", "3"}
	d.AuthProtocols = []string{"MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512"}
	d.PrivProtocols = []string{"DES", "AES", "AES192", "AES256"}
	s.render(w, r, status, "network_credentials", s.newPage(r, "snmp.credentials", "network", d))
}

// networkCredentialCreate stores a credential set; its secrets are sealed
// by the service and never shown again.
func (s *Server) networkCredentialCreate(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	v := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
	f := credentialForm{Name: v("name"), Version: v("version"), Username: v("username"),
		AuthProtocol: v("auth_protocol"), PrivProtocol: v("priv_protocol"), Errors: map[string]string{}}
	// Secrets are taken as typed: a space may belong to a community.
	c := snmp.Credential{Version: f.Version, Community: r.PostForm.Get("community"), Username: f.Username,
		AuthProtocol: f.AuthProtocol, AuthPassphrase: r.PostForm.Get("auth_passphrase"),
		PrivProtocol: f.PrivProtocol, PrivPassphrase: r.PostForm.Get("priv_passphrase")}
	if c.Version != "3" { // fields of the other version are ignored, not stored
		c.Username, c.AuthProtocol, c.AuthPassphrase, c.PrivProtocol, c.PrivPassphrase = "", "", "", "", ""
	} else {
		c.Community = ""
	}
	lang := state(r).lang
	cred, err := n.CreateCredential(r.Context(), f.Name, c)
	var fe snmppoll.FieldErrors
	switch {
	case errors.As(err, &fe):
		for _, e := range fe {
			f.Errors[e.Field] = i18n.T(lang, "snmp.err_"+e.Field)
		}
	case errors.Is(err, store.ErrConflict):
		f.Errors["name"] = i18n.T(lang, "snmp.err_name_taken")
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	if len(f.Errors) > 0 {
		s.renderCredentials(w, r, http.StatusBadRequest, networkCredentialsData{Form: f})
		return
	}
	s.log.Info("SNMP credential created", "credential_id", cred.ID, "by", actor(r))
	redirect(w, r, "/network/credentials")
}

// networkCredentialDelete removes a credential set no job uses.
func (s *Server) networkCredentialDelete(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	id := pathID(r)
	err := n.DeleteCredential(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrConflict):
		s.renderCredentials(w, r, http.StatusConflict, networkCredentialsData{Form: credentialForm{Version: "2c"}, InUse: true})
		return
	case errors.Is(err, store.ErrNotFound) || id == 0:
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	s.log.Info("SNMP credential deleted", "credential_id", id, "by", actor(r))
	redirect(w, r, "/network/credentials")
}
