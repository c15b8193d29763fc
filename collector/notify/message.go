package notify

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Message is one rendered email to one recipient.
type Message struct {
	From, To  string // addresses as "Name <a@b>"
	Subject   string
	Text      string // text/plain part
	HTML      string // text/html part
	MessageID string // with angle brackets
	// InReplyTo is the ticket's thread (the creation mail's Message-ID),
	// also given as References, so mail clients thread a ticket's mail.
	InReplyTo string
	Date      time.Time
}

// Subject is a ticket mail's subject: "[Parc #123] Title". Replies keep
// the reference, and mail to ticket reads it back (TicketRef).
func Subject(ticketID int64, title string) string {
	return fmt.Sprintf("[Parc #%d] %s", ticketID, oneLine(title))
}

var refRE = regexp.MustCompile(`\[Parc #([0-9]{1,18})\]`)

// TicketRef finds the ticket reference in a subject, 0 when none.
func TicketRef(subject string) int64 {
	m := refRE.FindStringSubmatch(subject)
	if m == nil {
		return 0
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	return n
}

// ThreadID is the Message-ID of a ticket's thread on domain.
func ThreadID(ticketID int64, domain string) string {
	return fmt.Sprintf("<parc-ticket-%d@%s>", ticketID, domain)
}

// newMessageID is a unique Message-ID within a ticket's thread.
func newMessageID(ticketID int64, domain string) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("<parc-ticket-%d.%s@%s>", ticketID, hex.EncodeToString(b[:]), domain)
}

// ThreadTicket finds the ticket of one of our Message-IDs (on domain) in
// In-Reply-To or References header values, 0 when none is ours.
func ThreadTicket(domain string, headers ...string) int64 {
	re := regexp.MustCompile(`<parc-ticket-([0-9]{1,18})(?:\.[0-9a-f]+)?@` + regexp.QuoteMeta(domain) + `>`)
	for _, h := range headers {
		if m := re.FindStringSubmatch(h); m != nil {
			n, _ := strconv.ParseInt(m[1], 10, 64)
			return n
		}
	}
	return 0
}

// Domain is the domain of an address ("Parc <helpdesk@mairie.fr>" ->
// "mairie.fr"), used for Message-IDs.
func Domain(from string) (string, error) {
	a, err := mail.ParseAddress(from)
	if err != nil {
		return "", fmt.Errorf("from address %q: %w", from, err)
	}
	_, d, ok := strings.Cut(a.Address, "@")
	if !ok || d == "" {
		return "", fmt.Errorf("from address %q has no domain", from)
	}
	return d, nil
}

// Bytes renders m as an RFC 5322 message, multipart/alternative with a
// plain text and an HTML part, both UTF-8 quoted-printable.
func (m *Message) Bytes() ([]byte, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, part := range []struct{ typ, s string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		w, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {part.typ + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return nil, err
		}
		qp := quotedprintable.NewWriter(w)
		if _, err := qp.Write([]byte(part.s)); err != nil {
			return nil, err
		}
		if err := qp.Close(); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&out, "%s: %s\r\n", k, v) }
	h("From", m.From)
	h("To", m.To)
	h("Subject", mime.QEncoding.Encode("utf-8", oneLine(m.Subject)))
	h("Date", m.Date.Format(time.RFC1123Z))
	h("Message-ID", m.MessageID)
	if m.InReplyTo != "" {
		h("In-Reply-To", m.InReplyTo)
		h("References", m.InReplyTo)
	}
	// Auto-Submitted keeps out-of-office replies away (RFC 3834);
	// X-Auto-Response-Suppress does the same for Exchange.
	h("Auto-Submitted", "auto-generated")
	h("X-Auto-Response-Suppress", "All")
	h("MIME-Version", "1.0")
	h("Content-Type", `multipart/alternative; boundary="`+mw.Boundary()+`"`)
	out.WriteString("\r\n")
	out.Write(body.Bytes())
	return out.Bytes(), nil
}

// oneLine keeps header text on one line (no header injection).
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// address writes "Name <addr>" with the name encoded when needed.
func address(name, addr string) string {
	return (&mail.Address{Name: oneLine(name), Address: addr}).String()
}
