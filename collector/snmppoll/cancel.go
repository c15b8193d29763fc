package snmppoll

import (
	"context"
	"errors"
	"fmt"

	"github.com/parcproject/parc/collector/store"
)

// ErrFinished is returned when cancelling a run that has already ended.
var ErrFinished = errors.New("this run has already ended")

// CancelRun ends a queued or running run as cancelled by who. The run is
// marked in the database at once; whichever collector holds it notices at
// its next progress write (every progressEvery) and stops its sweep, and
// an agent running it is refused its next progress post and stops. The
// results recorded so far stay listed.
func (s *Service) CancelRun(ctx context.Context, runID int64, who string) error {
	ok, err := s.q.CancelSNMPRun(ctx, runID, "cancelled by "+who, s.now())
	if err != nil {
		return err
	}
	if !ok {
		if _, err := s.q.GetSNMPRun(ctx, runID); err != nil {
			return err
		}
		return fmt.Errorf("SNMP run %d: %w", runID, ErrFinished)
	}
	s.log.Info("SNMP run cancelled", "snmp_run_id", runID, "by", who)
	return nil
}

// watchCancel reports whether runID was cancelled (or otherwise ended
// elsewhere) while this collector runs it.
func (s *Service) watchCancel(ctx context.Context, runID int64) bool {
	run, err := s.q.GetSNMPRun(ctx, runID)
	if errors.Is(err, store.ErrNotFound) {
		return true // its job was deleted
	}
	return err == nil && run.Finished()
}
