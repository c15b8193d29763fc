package web

import (
	"context"
	"errors"

	"github.com/parcproject/parc/collector/store"
)

// surveyView is the satisfaction survey part of a closed ticket's page.
type surveyView struct {
	// Answer is the requester's answer, nil while unanswered.
	Answer *store.Satisfaction
	// CanAnswer is set for a requester while the survey is open.
	CanAnswer bool
	// Until is when the survey closes.
	Until string
	// Ratings are the choices, 1 (poor) to 5 (excellent).
	Ratings []int
}

// surveyFor returns the survey of lt for the user viewing it: the requester
// answers (or changes the answer) while it is open, staff read the answer;
// nil when there is nothing to show.
func (s *Server) surveyFor(ctx context.Context, lt *loadedTicket, staff bool) (*surveyView, error) {
	t := lt.t
	if t.Status != 6 || t.ClosedAt.IsZero() || (!staff && !lt.rel.Requester) {
		return nil, nil
	}
	sq, err := store.Satisfactions(s.st)
	if err != nil {
		return nil, err
	}
	v := &surveyView{CanAnswer: lt.rel.Requester && surveyOpen(t, s.now()),
		Until: t.ClosedAt.Add(surveyWindow).Format("2006-01-02"), Ratings: []int{1, 2, 3, 4, 5}}
	switch a, err := sq.GetSatisfaction(ctx, t.ID); {
	case err == nil:
		v.Answer = a
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	if v.Answer == nil && !v.CanAnswer {
		return nil, nil
	}
	return v, nil
}
