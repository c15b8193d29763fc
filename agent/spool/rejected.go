package spool

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parcproject/parc/agent/state"
)

// Reject moves a report the collector refused for good into rejected/, with
// reason (the collector's answer) in a ".txt" file beside it, so an
// administrator can see what was wrong. rejected/ keeps at most MaxRejected
// reports, dropping the oldest.
func (s *Spool) Reject(it Item, reason string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rdir := filepath.Join(s.dir, RejectedDir)
	dst := filepath.Join(rdir, it.Name)
	if err := os.Rename(filepath.Join(s.dir, it.Name), dst); err != nil {
		return fmt.Errorf("spool: reject %s: %w", it.Name, err)
	}
	if err := state.WriteFile(dst+".txt", []byte(strings.TrimSpace(reason)+"\n"), 0o600); err != nil {
		return fmt.Errorf("spool: reject %s: %w", it.Name, err)
	}
	items, err := s.list(rdir)
	if err != nil {
		return err
	}
	for len(items) > s.opts.MaxRejected {
		old := items[0]
		os.Remove(filepath.Join(rdir, old.Name))
		os.Remove(filepath.Join(rdir, old.Name+".txt"))
		s.log.Info("dropped the oldest rejected report", "report", old.Name)
		items = items[1:]
	}
	return nil
}

// Rejected lists the refused reports kept in rejected/, oldest first.
func (s *Spool) Rejected() ([]Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(filepath.Join(s.dir, RejectedDir))
}
