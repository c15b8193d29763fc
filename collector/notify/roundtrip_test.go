package notify

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// TestRoundTrip: a followup on a ticket reaches the requester by SMTP
// (read back over IMAP); the requester's reply, put in the collector's
// mailbox, becomes a followup; polling again changes nothing; an
// auto-reply and a stranger's mail are ignored.
func TestRoundTrip(t *testing.T) {
	peers := startPeers(t)
	ctx := context.Background()
	st := storetest.Open(t, "sqlite")
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	alice := &store.User{Login: "alice", Name: "Alice Martin", Email: "alice@example.org", Role: store.RoleSelfService}
	bob := &store.User{Login: "bob", Name: "Bob", Email: "bob@example.org", Role: store.RoleTechnician}
	for _, u := range []*store.User{alice, bob} {
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := store.Web(st)
	if err := w.SetUserPref(ctx, alice.ID, store.PrefLang, "fr"); err != nil {
		t.Fatal(err)
	}
	tq, _ := store.Tickets(st)
	tk := &store.Ticket{Title: "Imprimante bloquée", Content: "Elle ne sort rien", Type: 1, Status: 2, Urgency: 3, Impact: 3, Priority: 3, CreatedBy: alice.ID}
	must(t, tq.CreateTicket(ctx, tk))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorRequester, UserID: alice.ID}))
	must(t, tq.AddTicketActor(ctx, &store.TicketActor{TicketID: tk.ID, Kind: store.ActorAssignee, UserID: bob.ID}))

	cfg := config.Mail{From: "Parc <helpdesk@example.org>",
		SMTP: config.MailPeer{Host: "127.0.0.1", Port: peers.smtpPort, TLS: "none"},
		IMAP: config.MailPeer{Host: "127.0.0.1", Port: peers.imapPort, TLS: "none", Username: "helpdesk", Password: peers.password}}
	svc, err := New(st, log, cfg, "https://parc.example.org")
	must(t, err)
	wk, err := jobs.NewWorker(st, log, jobs.WorkerOptions{Poll: 20 * time.Millisecond})
	must(t, err)
	svc.Register(wk)
	wctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { wk.Run(wctx); close(done) }()
	defer func() { stop(); <-done }()

	must(t, tq.AddFollowup(ctx, &store.Followup{TicketID: tk.ID, UserID: bob.ID, Content: "Avez-vous redémarré ?"}))
	must(t, Record(ctx, st, Event{Kind: Followup, TicketID: tk.ID, AuthorID: bob.ID, Text: "Avez-vous redémarré ?"}))
	wk.Wake()

	raw := string(peers.waitMail(t, "alice", 1))
	m, err := parseMail([]byte(raw))
	must(t, err)
	wantSubject := Subject(tk.ID, tk.Title)
	for _, c := range []struct{ what, got, want string }{
		{"subject", m.Subject, wantSubject},
		{"in-reply-to", m.InReplyTo, ThreadID(tk.ID, "example.org")},
		{"auto", m.Auto, "auto-submitted: auto-generated"},
	} {
		if c.got != c.want {
			t.Errorf("mail %s: got %q; want %q", c.what, c.got, c.want)
		}
	}
	for _, want := range []string{"Bonjour Alice Martin", "Bob a ajouté un suivi au ticket n° ", "Avez-vous redémarré ?",
		"https://parc.example.org/tickets/"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("mail text lacks %q:\n%s", want, m.Text)
		}
	}
	if !strings.Contains(raw, "multipart/alternative") || !strings.Contains(raw, "text/html") {
		t.Errorf("mail is not multipart/alternative with HTML:\n%s", raw)
	}

	reply := "From: Alice Martin <alice@example.org>\r\nTo: helpdesk@example.org\r\nSubject: RE: " + wantSubject +
		"\r\nMessage-ID: <reply-1@example.org>\r\nIn-Reply-To: " + m.MessageID + "\r\nDate: " + time.Now().Format(time.RFC1123Z) +
		"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOui, deux fois. Toujours bloquée.\r\n"
	auto := "From: alice@example.org\r\nSubject: Absence\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <auto-1@example.org>\r\n\r\nJe suis absente.\r\n"
	stranger := "From: eve@evil.example\r\nSubject: Hello\r\nMessage-ID: <eve-1@evil.example>\r\n\r\nOpen a ticket for me.\r\n"
	for _, r := range []string{reply, auto, stranger} {
		peers.appendMail(t, "helpdesk", r)
	}
	n, err := svc.inbound.Poll(ctx)
	must(t, err)
	if n != 3 {
		t.Errorf("poll handled %d mails; want 3", n)
	}
	fs, err := tq.Followups(ctx, tk.ID, true)
	must(t, err)
	if len(fs) != 2 || fs[1].UserID != alice.ID || fs[1].Content != "Oui, deux fois. Toujours bloquée." {
		t.Fatalf("followups after the reply: %+v", fs)
	}
	nq, _ := store.Notify(st)
	for id, want := range map[string]string{"<reply-1@example.org>": OutFollowup, "<auto-1@example.org>": OutAuto, "<eve-1@evil.example>": OutStranger} {
		rec, err := nq.GetInboundMail(ctx, id)
		must(t, err)
		if rec.Outcome != want {
			t.Errorf("mail %s: outcome %q; want %q", id, rec.Outcome, want)
		}
	}
	// The same reply again (a restart before the mail was filed) adds nothing.
	peers.appendMail(t, "helpdesk", reply)
	if _, err := svc.inbound.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if fs, _ := tq.Followups(ctx, tk.ID, true); len(fs) != 2 {
		t.Errorf("followups after the same mail twice: %d; want 2", len(fs))
	}
	if n, err := svc.inbound.Poll(ctx); err != nil || n != 0 {
		t.Errorf("poll of an emptied mailbox: %d, %v; want 0, nil", n, err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
