package notify

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	_ "github.com/emersion/go-message/charset" // decode ISO-8859-1, Windows-1252... bodies
	"github.com/emersion/go-message/mail"
)

// inMail is what mail to ticket reads of one mail.
type inMail struct {
	MessageID  string // with angle brackets
	From       string // address only, lower case
	FromName   string
	Subject    string
	InReplyTo  string
	References string
	// Auto is why the mail was written by a program (an auto-reply, a
	// list, a bounce), "" for a person's mail.
	Auto        string
	Text        string
	Attachments []attachment
}

type attachment struct {
	Name string
	Data []byte
}

// maxPartBytes bounds what one part may bring in memory; larger
// attachments are cut and then refused by the upload limit.
const maxPartBytes = 64 << 20

// parseMail reads a whole RFC 5322 message.
func parseMail(raw []byte) (*inMail, error) {
	mr, err := mail.CreateReader(bytes.NewReader(raw))
	if err != nil && mr == nil {
		return nil, fmt.Errorf("parse mail: %w", err)
	}
	defer mr.Close()
	h := mr.Header
	m := &inMail{InReplyTo: h.Get("In-Reply-To"), References: h.Get("References"), Auto: autoReason(h)}
	if m.Subject, err = h.Subject(); err != nil {
		m.Subject = h.Get("Subject")
	}
	if id, err := h.MessageID(); err == nil && id != "" {
		m.MessageID = "<" + id + ">"
	} else {
		sum := sha256.Sum256(raw)
		m.MessageID = "<" + hex.EncodeToString(sum[:16]) + "@no-message-id.parc>"
	}
	from, err := h.AddressList("From")
	if err != nil || len(from) == 0 {
		return nil, fmt.Errorf("parse mail %s: no From address", m.MessageID)
	}
	m.From, m.FromName = strings.ToLower(from[0].Address), from[0].Name
	var html string
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("parse mail %s: %w", m.MessageID, err)
		}
		data, err := io.ReadAll(io.LimitReader(p.Body, maxPartBytes))
		if err != nil {
			return nil, fmt.Errorf("parse mail %s: %w", m.MessageID, err)
		}
		switch ph := p.Header.(type) {
		case *mail.InlineHeader:
			typ, _, _ := ph.ContentType()
			switch {
			case typ == "text/plain" && m.Text == "":
				m.Text = string(data)
			case typ == "text/html" && html == "":
				html = string(data)
			case !strings.HasPrefix(typ, "text/") && !strings.HasPrefix(typ, "multipart/"):
				// An inline image is an attachment too.
				m.Attachments = append(m.Attachments, attachment{Name: "inline-" + strings.ReplaceAll(typ, "/", "."), Data: data})
			}
		case *mail.AttachmentHeader:
			name, _ := ph.Filename()
			m.Attachments = append(m.Attachments, attachment{Name: name, Data: data})
		}
	}
	if strings.TrimSpace(m.Text) == "" && html != "" {
		m.Text = HTMLText(html)
	}
	m.Text = strings.TrimSpace(strings.ReplaceAll(m.Text, "\r\n", "\n"))
	return m, nil
}

// autoReason says why a mail's headers show a program wrote it: RFC
// 3834's Auto-Submitted, the Precedence of lists and bulk mail, the
// auto-reply headers of Exchange and others, and bounces.
func autoReason(h mail.Header) string {
	if v := strings.ToLower(strings.TrimSpace(h.Get("Auto-Submitted"))); v != "" && v != "no" {
		return "auto-submitted: " + v
	}
	switch p := strings.ToLower(strings.TrimSpace(h.Get("Precedence"))); p {
	case "bulk", "junk", "list", "auto_reply":
		return "precedence: " + p
	}
	for _, k := range []string{"X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress-Loop", "List-Id"} {
		if h.Get(k) != "" {
			return strings.ToLower(k)
		}
	}
	if rp := strings.TrimSpace(h.Get("Return-Path")); rp == "<>" {
		return "bounce (empty return path)"
	}
	return ""
}
