package web

import (
	"context"

	"github.com/parcproject/parc/collector/store"
)

// withApprovalCounter adds the "Approvals to give" counter, in its own
// colour, to the self-service home's counters, after "to validate".
func (s *Server) withApprovalCounter(ctx context.Context, userID int64, cs []counter) ([]counter, error) {
	n, err := s.approvalsWaiting(ctx, userID)
	if err != nil {
		return nil, err
	}
	c := counter{"approvals", n, "approval", "/approvals"}
	for i, x := range cs {
		if x.Key == "to_validate" {
			return append(cs[:i+1], append([]counter{c}, cs[i+1:]...)...), nil
		}
	}
	return append(cs, c), nil
}

// approvalCounter adds the same counter to a technician's dashboard, only
// when someone waits for their answer (most technicians approve nothing).
func (s *Server) approvalCounter(ctx context.Context, userID int64, cs *[]techCounter) error {
	n, err := s.approvalsWaiting(ctx, userID)
	if err != nil || n == 0 {
		return err
	}
	*cs = append(*cs, techCounter{Key: "counter.approvals", Count: n, URL: "/approvals"})
	return nil
}

func (s *Server) approvalsWaiting(ctx context.Context, userID int64) (int, error) {
	aq, err := store.Approvals(s.st)
	if err != nil {
		return 0, err
	}
	return aq.CountWaitingFor(ctx, userID)
}
