// Package state keeps what parc-agent must remember between runs in its
// state directory: its identity (device ID, agent ID), its credential, when
// it last sent what, the last error, and the per-section checksums of the
// last report handed to the spool or the collector.
//
// The directory is created 0700 (on Windows: SYSTEM and Administrators
// only) and every file is replaced atomically
// (WriteFile), so a crash never leaves a half-written state. The token is
// in its own 0600 file and is never logged.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// File names inside the state directory.
const (
	identityFile  = "identity.json"
	tokenFile     = "token"
	statusFile    = "status.json"
	checksumsFile = "checksums.json"
	// SpoolDir is the spool's subdirectory.
	SpoolDir = "spool"
)

// Identity is who this agent is to the collector.
type Identity struct {
	// DeviceID is "<hostname>-<YYYY-MM-DD-HH-MM-SS>", stable for the machine.
	DeviceID string `json:"deviceid"`
	// AgentID is the collector's ID for this agent, set at enrolment.
	AgentID string `json:"agent_id,omitempty"`
	// Server is the collector the agent enrolled with; a token is only
	// valid there.
	Server string `json:"server,omitempty"`
}

// Status is what happened last, shown by `parc-agent status` and the status page.
type Status struct {
	LastFull    time.Time `json:"last_full,omitzero"`    // last full report handed over
	LastPartial time.Time `json:"last_partial,omitzero"` // last partial report handed over
	LastContact time.Time `json:"last_contact,omitzero"` // last successful Contact
	LastSent    time.Time `json:"last_sent,omitzero"`    // last report the collector accepted
	NextRun     time.Time `json:"next_run,omitzero"`     // when the scheduler wakes next
	LastError   string    `json:"last_error,omitempty"`  // empty after a clean run
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
}

// Store reads and writes the state directory. It is safe for concurrent use
// by the scheduler and the status page.
type Store struct {
	dir string
	mu  sync.Mutex
}

// Open creates dir (0700) if needed and returns its Store. It fails when
// the directory cannot be created or written, e.g. for a non-root user.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("state dir: %w", err)
	}
	if err := restrictDir(dir); err != nil {
		return nil, err
	}
	probe, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return nil, fmt.Errorf("state dir %s is not writable: %w", dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return &Store{dir: dir}, nil
}

// OpenReadOnly returns a Store that only reads dir, for `parc-agent status`.
// Writes through it fail.
func OpenReadOnly(dir string) *Store { return &Store{dir: dir} }

// Dir is the state directory.
func (s *Store) Dir() string { return s.dir }

func (s *Store) path(name string) string { return filepath.Join(s.dir, name) }

// readJSON decodes a file; a missing file leaves v untouched and is not an error.
func (s *Store) readJSON(name string, v any) error {
	data, err := os.ReadFile(s.path(name))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read state: %w", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("read state %s: %w", s.path(name), err)
	}
	return nil
}

func (s *Store) writeJSON(name string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encode state %s: %w", name, err)
	}
	return WriteFile(s.path(name), append(data, '\n'), 0o600)
}

// Identity returns the stored identity; zero when none is stored yet.
func (s *Store) Identity() (Identity, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var id Identity
	err := s.readJSON(identityFile, &id)
	return id, err
}

// SaveIdentity replaces the stored identity.
func (s *Store) SaveIdentity(id Identity) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writeJSON(identityFile, id)
}

// Token returns the agent's credential, "" when it has not enrolled.
func (s *Store) Token() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	data, err := os.ReadFile(s.path(tokenFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read token: %w", err)
	}
	return strings.TrimSpace(string(data)), nil
}

// SaveToken stores the credential in a 0600 file; "" removes it (after a
// 401, so that the agent enrols again).
func (s *Store) SaveToken(token string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if token == "" {
		err := os.Remove(s.path(tokenFile))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	return WriteFile(s.path(tokenFile), []byte(token+"\n"), 0o600)
}

// Status returns the stored status.
func (s *Store) Status() (Status, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st Status
	err := s.readJSON(statusFile, &st)
	return st, err
}

// UpdateStatus applies fn to the stored status and writes it back.
func (s *Store) UpdateStatus(fn func(*Status)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var st Status
	if err := s.readJSON(statusFile, &st); err != nil {
		return err
	}
	fn(&st)
	return s.writeJSON(statusFile, st)
}

// Checksums returns the section checksums of the last report handed to the
// spool, nil when there is none (the next report must be full).
func (s *Store) Checksums() (map[string]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var c map[string]string
	err := s.readJSON(checksumsFile, &c)
	return c, err
}

// SaveChecksums replaces the stored checksums; nil forgets them, which
// forces the next report to be full.
func (s *Store) SaveChecksums(c map[string]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c == nil {
		err := os.Remove(s.path(checksumsFile))
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	return s.writeJSON(checksumsFile, c)
}
