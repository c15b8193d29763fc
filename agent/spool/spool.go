// Package spool is parc-agent's outbox: every report is written here before
// it is sent, and removed only once the collector has accepted it, so
// nothing is lost when the collector is down or the agent restarts.
//
// A report is one gzip JSON file named "<seq>-<id>-<kind>.json.gz": seq is
// a zero-padded sequence number, so names sort in the order reports were
// made and are sent oldest first; id is the report's random 128-bit ID,
// sent as X-Parc-Report-Id so that a resend is stored once; kind is "full"
// or "partial". The spool is bounded in count and bytes; beyond either, the
// oldest report is dropped with a warning. A full report supersedes every
// older one (it replaces all sections), so those are removed when it is
// added. Reports the collector refused for good are moved to rejected/,
// itself bounded, with the collector's answer beside them.
package spool

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/parcproject/parc/agent/state"
)

// Kinds of report.
const (
	KindFull    = "full"
	KindPartial = "partial"
)

// RejectedDir is the subdirectory of refused reports.
const RejectedDir = "rejected"

const suffix = ".json.gz"

// Options bounds the spool.
type Options struct {
	MaxReports  int   // most pending reports; 0 means 50
	MaxBytes    int64 // most bytes of pending reports; 0 means 64 MiB
	MaxRejected int   // most refused reports kept; 0 means 10
	Logger      *slog.Logger
}

// Item is one spooled report.
type Item struct {
	Name string // file name, e.g. "00000000000000000007-9f…-partial.json.gz"
	Seq  uint64
	ID   string // report ID, 32 hex digits
	Kind string // KindFull or KindPartial
	Size int64  // compressed bytes
}

// Spool is a directory of pending reports, safe for concurrent use.
type Spool struct {
	dir  string
	opts Options
	log  *slog.Logger
	mu   sync.Mutex
	seq  uint64
}

// Open creates dir (0700) if needed, removes temporary files a crash left
// and returns the spool.
func Open(dir string, opts Options) (*Spool, error) {
	if opts.MaxReports <= 0 {
		opts.MaxReports = 50
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 64 << 20
	}
	if opts.MaxRejected <= 0 {
		opts.MaxRejected = 10
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	if err := os.MkdirAll(filepath.Join(dir, RejectedDir), 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	s := &Spool{dir: dir, opts: opts, log: log.With("component", "spool")}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(tmps) > 0 {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	items, err := s.list(dir)
	if err != nil {
		return nil, err
	}
	if n := len(items); n > 0 {
		s.seq = items[n-1].Seq
	}
	return s, nil
}

// Dir is the spool directory.
func (s *Spool) Dir() string { return s.dir }

// NewID returns a random 128-bit report ID in hex.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("spool: no randomness: " + err.Error()) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b[:])
}

// parseName reads "<seq>-<id>-<kind>.json.gz".
func parseName(name string) (Item, bool) {
	base, ok := strings.CutSuffix(name, suffix)
	if !ok {
		return Item{}, false
	}
	parts := strings.Split(base, "-")
	if len(parts) != 3 || len(parts[1]) != 32 || (parts[2] != KindFull && parts[2] != KindPartial) {
		return Item{}, false
	}
	if _, err := hex.DecodeString(parts[1]); err != nil {
		return Item{}, false
	}
	seq, err := strconv.ParseUint(parts[0], 10, 64)
	if err != nil {
		return Item{}, false
	}
	return Item{Name: name, Seq: seq, ID: parts[1], Kind: parts[2]}, true
}

// list returns the reports of dir, oldest first; other files are ignored.
func (s *Spool) list(dir string) ([]Item, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	var items []Item
	for _, e := range ents {
		it, ok := parseName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil {
			it.Size = fi.Size()
		}
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b Item) int {
		if a.Seq != b.Seq {
			return cmpU64(a.Seq, b.Seq)
		}
		return strings.Compare(a.Name, b.Name)
	})
	return items, nil
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// List returns the pending reports, oldest first.
func (s *Spool) List() ([]Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(s.dir)
}

// Stats returns the number and total size of pending reports.
func (s *Spool) Stats() (n int, bytes int64, err error) {
	items, err := s.List()
	for _, it := range items {
		bytes += it.Size
	}
	return len(items), bytes, err
}

// Put adds a report (gzip JSON) and returns its item and the older reports
// it dropped to stay within bounds. A full report first removes every older
// report, which it supersedes; those are not counted as dropped.
func (s *Spool) Put(id, kind string, gz []byte) (Item, []Item, error) {
	if kind != KindFull && kind != KindPartial {
		return Item{}, nil, fmt.Errorf("spool: unknown report kind %q", kind)
	}
	if _, err := hex.DecodeString(id); err != nil || len(id) != 32 {
		return Item{}, nil, fmt.Errorf("spool: report ID %q is not 32 hex digits", id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items, err := s.list(s.dir)
	if err != nil {
		return Item{}, nil, err
	}
	s.seq++
	it := Item{Name: fmt.Sprintf("%020d-%s-%s%s", s.seq, id, kind, suffix), Seq: s.seq, ID: id, Kind: kind, Size: int64(len(gz))}
	if err := state.WriteFile(filepath.Join(s.dir, it.Name), gz, 0o600); err != nil {
		return Item{}, nil, fmt.Errorf("spool: %w", err)
	}
	if kind == KindFull {
		for _, old := range items {
			if err := s.remove(old); err != nil {
				return it, nil, err
			}
			s.log.Info("older report superseded by a full one", "report", old.Name)
		}
		items = nil
	}
	dropped, err := s.enforce(append(items, it))
	return it, dropped, err
}

// enforce drops the oldest reports until the bounds hold; the newest report
// is always kept, even alone over MaxBytes.
func (s *Spool) enforce(items []Item) ([]Item, error) {
	var total int64
	for _, it := range items {
		total += it.Size
	}
	var dropped []Item
	for len(items) > 1 && (len(items) > s.opts.MaxReports || total > s.opts.MaxBytes) {
		old := items[0]
		if err := s.remove(old); err != nil {
			return dropped, err
		}
		s.log.Warn("spool full: dropped the oldest unsent report",
			"report", old.Name, "max_reports", s.opts.MaxReports, "max_bytes", s.opts.MaxBytes)
		dropped = append(dropped, old)
		total -= old.Size
		items = items[1:]
	}
	return dropped, nil
}

// Read returns a report's gzip JSON.
func (s *Spool) Read(it Item) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(s.dir, it.Name))
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	return data, nil
}

// Remove deletes a report the collector accepted. A report already gone
// is not an error.
func (s *Spool) Remove(it Item) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.remove(it)
}

func (s *Spool) remove(it Item) error {
	err := os.Remove(filepath.Join(s.dir, it.Name))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// StatDir counts the pending reports of a spool directory without opening
// (or creating) it, for `parc-agent status`; a missing directory is empty.
func StatDir(dir string) (n int, bytes int64, err error) {
	s := &Spool{dir: dir}
	items, err := s.list(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, 0, nil
	}
	for _, it := range items {
		bytes += it.Size
	}
	return len(items), bytes, err
}
