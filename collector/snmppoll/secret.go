package snmppoll

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// KeyFile is the name of the secret key file in the data directory.
const KeyFile = "secret.key"

// sealPrefix versions sealed values, so the scheme can change later.
const sealPrefix = "v1:"

// ErrKey means a sealed secret cannot be opened with this collector's key:
// another key sealed it (collectors sharing a database must share a key).
var ErrKey = errors.New("the SNMP secrets were sealed with another key: give every collector the same secret key (PARC_SECRET_KEY)")

// Sealer seals and opens secrets with AES-256-GCM.
type Sealer struct{ aead cipher.AEAD }

// NewSealer returns a sealer for a 32-byte key.
func NewSealer(key []byte) (*Sealer, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("secret key: got %d bytes; want 32", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	return &Sealer{aead: aead}, nil
}

// Seal encrypts plain with a fresh random nonce; name is bound as
// additional data, so a sealed value copied to another row does not open.
func (s *Sealer) Seal(plain []byte, name string) string {
	nonce := make([]byte, s.aead.NonceSize())
	rand.Read(nonce)
	out := s.aead.Seal(nonce, nonce, plain, []byte(name))
	return sealPrefix + base64.StdEncoding.EncodeToString(out)
}

// Open decrypts a value Seal returned for the same name.
func (s *Sealer) Open(sealed, name string) ([]byte, error) {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(sealed, sealPrefix))
	if !strings.HasPrefix(sealed, sealPrefix) || err != nil || len(raw) < s.aead.NonceSize() {
		return nil, fmt.Errorf("sealed secret of %s is malformed", name)
	}
	n := s.aead.NonceSize()
	plain, err := s.aead.Open(nil, raw[:n], raw[n:], []byte(name))
	if err != nil {
		return nil, fmt.Errorf("open secret of %s: %w", name, ErrKey)
	}
	return plain, nil
}

// ParseKey reads a key given in the configuration or PARC_SECRET_KEY: 32
// bytes in base64 (`openssl rand -base64 32`).
func ParseKey(s string) ([]byte, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil || len(key) != 32 {
		return nil, errors.New("secret key must be 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`")
	}
	return key, nil
}

// LoadKey returns the configured key when there is one; otherwise the key
// in dataDir/secret.key, created (mode 0600) at first start. Several
// collectors sharing PostgreSQL must be given the same configured key.
func LoadKey(dataDir, configured string) ([]byte, error) {
	if configured != "" {
		return ParseKey(configured)
	}
	path := filepath.Join(dataDir, KeyFile)
	data, err := os.ReadFile(path)
	if err == nil {
		key, err := ParseKey(string(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return key, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read secret key: %w", err)
	}
	key := make([]byte, 32)
	rand.Read(key)
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create secret key: %w", err)
	}
	// The key is written whole into a file of its own, then linked to its
	// name, which fails when the name exists: two processes starting at
	// once do not write two keys (the loser reads the winner's), and
	// neither reads a key file still being written, nor does a crash
	// leave a partial one.
	tmp, err := os.CreateTemp(dataDir, KeyFile+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("create secret key: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(base64.StdEncoding.EncodeToString(key) + "\n")
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("write secret key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		return LoadKey(dataDir, "")
	} else if err != nil {
		return nil, fmt.Errorf("create secret key: %w", err)
	}
	return key, nil
}
