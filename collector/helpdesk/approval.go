package helpdesk

import (
	"errors"
	"fmt"
	"strings"
)

// A ticket's approvals (GLPI's ticket validations) are separate from the
// requester's approval of a solution: a technician, or a service
// catalogue form, asks users to approve the ticket itself ("to validate"),
// and the ticket's global approval state follows from their answers and
// the ticket's minimum percentage of approvals.

// MinPercents are the accepted minimum percentages of approvals: 0 means
// one answer decides, 50 and 100 a share of the approvers asked.
var MinPercents = []int{0, 50, 100}

// CheckMinPercent reports an error naming the field unless p is one of
// MinPercents.
func CheckMinPercent(p int) error {
	for _, v := range MinPercents {
		if p == v {
			return nil
		}
	}
	return fmt.Errorf("min_percent: %d is not one of 0, 50 or 100", p)
}

// GlobalApproval is a ticket's approval state from its approvers' answers
// (each ApprovalWaiting, ApprovalAccepted or ApprovalRefused):
//   - no approver asked: ApprovalNone;
//   - minPercent 0: the first answer decides; as in GLPI an acceptance
//     wins over a refusal when both exist;
//   - minPercent 50 or 100: accepted once the accepted share of all the
//     approvers asked reaches minPercent, refused as soon as it can no
//     longer reach it (even if every waiting approver accepted), waiting
//     otherwise.
//
// A minPercent outside MinPercents is clamped to 0..100, so a bad stored
// value still gives an answer rather than a panic.
func GlobalApproval(minPercent int, answers []Approval) Approval {
	if len(answers) == 0 {
		return ApprovalNone
	}
	var accepted, refused int
	for _, a := range answers {
		switch a {
		case ApprovalAccepted:
			accepted++
		case ApprovalRefused:
			refused++
		}
	}
	minPercent = max(0, min(100, minPercent))
	if minPercent == 0 {
		switch {
		case accepted > 0:
			return ApprovalAccepted
		case refused > 0:
			return ApprovalRefused
		}
		return ApprovalWaiting
	}
	total := len(answers)
	// Integer arithmetic: accepted/total >= minPercent/100.
	if accepted*100 >= minPercent*total {
		return ApprovalAccepted
	}
	// The best reachable share is (total-refused)/total.
	if (total-refused)*100 < minPercent*total {
		return ApprovalRefused
	}
	return ApprovalWaiting
}

// Errors of the approval rules; web handlers map them to messages.
var (
	// ErrNotApprover: only the user asked may answer an approval.
	ErrNotApprover = errors.New("only the user asked may answer this approval")
	// ErrAlreadyAnswered: an answer, once given, cannot be changed.
	ErrAlreadyAnswered = errors.New("this approval has already been answered")
	// ErrRefusalComment: a refusal must say why.
	ErrRefusalComment = errors.New("comment: a refusal needs a comment")
	// ErrApprovalRole: only technicians and above (or a form) ask.
	ErrApprovalRole = errors.New("only technicians, supervisors and administrators may ask for an approval")
	// ErrApprovalClosed: a closed ticket is final.
	ErrApprovalClosed = errors.New("a closed ticket cannot be sent for approval")
)

// CanRequestApproval says whether a user of role r may ask for approvals
// on a ticket of status st. Forms ask on the user's behalf without this
// check: the form's author (an administrator) chose the approvers.
func CanRequestApproval(r Role, st Status) error {
	if !r.Staff() {
		return ErrApprovalRole
	}
	if st == StatusClosed {
		return ErrApprovalClosed
	}
	return nil
}

// CheckApprovalAnswer says whether user may answer accept (true) or refuse
// with comment an approval asked of approver that is now current. GLPI
// only lets a waiting approval be answered, once.
func CheckApprovalAnswer(approver, user int64, current Approval, accept bool, comment string) error {
	if user == 0 || approver != user {
		return ErrNotApprover
	}
	if current != ApprovalWaiting {
		return ErrAlreadyAnswered
	}
	if !accept && strings.TrimSpace(comment) == "" {
		return ErrRefusalComment
	}
	return nil
}
