package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// signer holds the Authenticode certificate and key, from SIGN_CERT
// (PEM or DER certificate chain, or SPC), SIGN_KEY (PEM or DER private key),
// SIGN_PASS (the key's passphrase, optional) and SIGN_TIMESTAMP_URL (an
// RFC 3161 time-stamping server, optional: without it the signature stops
// being valid when the certificate expires).
type signer struct {
	cert, key, pass, timestamp string
}

// signerFromEnv returns nil when no certificate is configured: signing is
// then skipped, as for development builds.
func signerFromEnv() (*signer, error) {
	s := &signer{
		cert: os.Getenv("SIGN_CERT"), key: os.Getenv("SIGN_KEY"),
		pass: os.Getenv("SIGN_PASS"), timestamp: os.Getenv("SIGN_TIMESTAMP_URL"),
	}
	switch {
	case s.cert == "" && s.key == "":
		return nil, nil
	case s.cert == "" || s.key == "":
		return nil, errors.New("signing: set both SIGN_CERT and SIGN_KEY, or neither")
	}
	return s, nil
}

// sign signs path (an .exe or .msi) in place with osslsigncode.
func (s *signer) sign(path, description string) error {
	tmp := path + ".signed"
	args := []string{"sign", "-certs", s.cert, "-key", s.key, "-h", "sha256",
		"-n", description, "-i", "https://github.com/parcproject/parc"}
	if s.pass != "" {
		args = append(args, "-pass", s.pass)
	}
	if s.timestamp != "" {
		args = append(args, "-ts", s.timestamp)
	}
	args = append(args, "-in", path, "-out", tmp)
	var out bytes.Buffer
	cmd := exec.Command("osslsigncode", args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("osslsigncode sign %s: %w\n%s", path, err, out.Bytes())
	}
	return os.Rename(tmp, path)
}

func cmdSign(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sign", "[-description D] FILE...", stderr)
	desc := fs.String("description", "Parc Agent", "description shown by Windows in the signature")
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := signerFromEnv()
	if err != nil {
		return err
	}
	if s == nil {
		fmt.Fprintln(stderr, "pack sign: SIGN_CERT and SIGN_KEY are not set; not signing")
		return nil
	}
	for _, f := range fs.Args() {
		if err := s.sign(f, *desc); err != nil {
			return err
		}
		fmt.Fprintln(stdout, f)
	}
	return nil
}
