package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/approval"
	"github.com/parcproject/parc/collector/store"
)

// approvalAnswer records the logged-in user's answer ("answer" accept or
// refuse, with "comment", required to refuse) to one approval asked of
// them. Only that user may answer, once; they need no other right on the
// ticket, and an observer may do nothing else to it.
func (s *Server) approvalAnswer(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "approval"), 10, 64)
	if err != nil || id <= 0 || pathID(r) == 0 {
		s.approvalError(w, r, store.ErrNotFound)
		return
	}
	var accept bool
	switch r.PostForm.Get("answer") {
	case "accept":
		accept = true
	case "refuse":
	default:
		s.approvalError(w, r, errApprovalInput{"approvals.err_answer"})
		return
	}
	comment := strings.TrimSpace(r.PostForm.Get("comment"))
	if len(comment) > maxApprovalComment {
		s.approvalError(w, r, errApprovalInput{"approvals.err_comment_long"})
		return
	}
	u := state(r).user
	err = s.st.WithTx(r.Context(), func(q store.Queries) error {
		tq, err := store.Tickets(q)
		if err != nil {
			return err
		}
		// The approver may view the ticket (store.Relations.Approver), so
		// a stranger learns nothing: "not found".
		lt, err := s.getTicket(r.Context(), r, tq)
		if err != nil {
			return err
		}
		return approval.Answer(r.Context(), q, lt.t.ID, id, u.ID, actor(r), accept, comment)
	})
	if err != nil {
		s.approvalError(w, r, err)
		return
	}
	redirect(w, r, ticketURL(pathID(r))+"#approvals")
}
