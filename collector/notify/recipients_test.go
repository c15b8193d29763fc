package notify

import (
	"slices"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

func TestRecipients(t *testing.T) {
	const (
		req = store.ActorRequester
		obs = store.ActorObserver
		asg = store.ActorAssignee
	)
	person := func(id int64, kinds ...int) store.Recipient {
		return store.Recipient{UserID: id, Login: "u", Email: "u@x.fr", Kinds: kinds}
	}
	optedOut := person(5, req)
	optedOut.OptedOut = true
	noMail := person(6, obs)
	noMail.Email = ""
	disabled := person(7, asg)
	disabled.Disabled = true
	people := []store.Recipient{person(1, req), person(2, obs), person(3, asg), person(4, req, asg), optedOut, noMail, disabled}
	approvers := []store.Recipient{person(8), person(1), person(9)}
	tests := []struct {
		name string
		ev   Event
		want []int64
	}{
		{"creation by the requester", Event{Kind: Created, AuthorID: 1}, []int64{2, 3, 4}},
		{"public followup by a technician", Event{Kind: Followup, AuthorID: 3}, []int64{1, 2, 4}},
		{"private followup goes to assignees only", Event{Kind: Followup, AuthorID: 3, Private: true}, []int64{4}},
		{"assignment by the system", Event{Kind: Assigned}, []int64{1, 2, 3, 4}},
		{"status change", Event{Kind: StatusChanged, AuthorID: 4}, []int64{1, 2, 3}},
		{"solution", Event{Kind: Solved, AuthorID: 3}, []int64{1, 2, 4}},
		{"approval request to approvers only", Event{Kind: ApprovalRequest, AuthorID: 9, Approvers: []int64{8, 1, 9}}, []int64{8, 1}},
		{"approval answer to the ticket's people", Event{Kind: ApprovalAnswer, AuthorID: 8}, []int64{1, 2, 3, 4}},
		{"SLA warning to assignees only", Event{Kind: SLAWarning, SLA: "ttr"}, []int64{3, 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []int64
			for _, r := range Recipients(tc.ev, people, approvers) {
				got = append(got, r.UserID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

func TestTicketRefs(t *testing.T) {
	if got := TicketRef("RE: [Parc #123] Printer jam"); got != 123 {
		t.Errorf("TicketRef = %d; want 123", got)
	}
	if got := TicketRef("Parc #123 without brackets"); got != 0 {
		t.Errorf("TicketRef = %d; want 0", got)
	}
	id := newMessageID(42, "mairie.fr")
	if got := ThreadTicket("mairie.fr", "", "<a@b> "+id); got != 42 {
		t.Errorf("ThreadTicket(%s) = %d; want 42", id, got)
	}
	if got := ThreadTicket("other.fr", ThreadID(42, "mairie.fr")); got != 0 {
		t.Errorf("ThreadTicket of another domain = %d; want 0", got)
	}
}

func TestHTMLText(t *testing.T) {
	got := HTMLText(`<html><head><style>p{color:red}</style><script>alert(1)</script></head>
<body><p>Bonjour,</p><p>L'imprimante&nbsp;<b>bloque</b> &lt;encore&gt;.</p><br>Merci</body></html>`)
	want := "Bonjour,\n\nL'imprimante bloque <encore>.\n\nMerci"
	if got != want {
		t.Errorf("got %q; want %q", got, want)
	}
}
