package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap"
	"github.com/emersion/go-imap/client"

	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/store"
)

// Inbound is mail to ticket: one IMAP mailbox read on a schedule.
type Inbound struct {
	st       store.Store
	log      *slog.Logger
	peer     config.MailPeer
	password string
	mailbox  string // polled folder
	done     string // where handled mail goes; "" deletes it
	self     string // our own address, lower case: mail from it is a loop
	domain   string // of our Message-IDs
	// tlsConfig checks the server's certificate (mail.imap.ca_file); nil
	// verifies against the system's roots.
	tlsConfig *tls.Config
	now       func() time.Time
}

// maxMailBytes bounds one mail; a larger one is left in the mailbox and
// logged, once per poll.
const maxMailBytes = 50 << 20

// NewInbound prepares reading the mailbox of cfg.IMAP.
func NewInbound(st store.Store, log *slog.Logger, cfg config.Mail, domain string) (*Inbound, error) {
	pw, err := cfg.IMAP.Secret()
	if err != nil {
		return nil, fmt.Errorf("mail.imap.%w", err)
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("mail.from: %w", err)
	}
	p := cfg.IMAP
	if p.TLS == "" {
		p.TLS = "starttls"
	}
	if p.Port == 0 {
		p.Port = 143
		if p.TLS == "implicit" {
			p.Port = 993
		}
	}
	if p.Timeout.Duration == 0 {
		p.Timeout.Duration = 30 * time.Second
	}
	tc, err := p.TLSConfig()
	if err != nil {
		return nil, fmt.Errorf("mail.imap.%w", err)
	}
	box := cfg.IMAPMailbox
	if box == "" {
		box = "INBOX"
	}
	return &Inbound{st: st, log: log.With("component", "mail_inbound"), peer: p, password: pw, tlsConfig: tc, mailbox: box,
		done: cfg.IMAPDoneMailbox, self: strings.ToLower(from.Address), domain: domain, now: time.Now}, nil
}

func (in *Inbound) handlePoll(ctx context.Context, _ *store.Job) error {
	_, err := in.Poll(ctx)
	return err
}

// Poll reads every mail of the mailbox not yet deleted, acts on it, then
// moves it to the done folder (or deletes it). It returns how many mails
// it handled.
func (in *Inbound) Poll(ctx context.Context) (int, error) {
	c, err := in.dial(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Logout()
	if _, err := c.Select(in.mailbox, false); err != nil {
		return 0, fmt.Errorf("imap select %s: %w", in.mailbox, err)
	}
	crit := imap.NewSearchCriteria()
	crit.WithoutFlags = []string{imap.DeletedFlag}
	uids, err := c.UidSearch(crit)
	if err != nil {
		return 0, fmt.Errorf("imap search: %w", err)
	}
	n := 0
	for _, uid := range uids {
		if ctx.Err() != nil {
			break
		}
		ok, err := in.one(ctx, c, uid)
		if err != nil {
			return n, err
		}
		if ok {
			n++
		}
	}
	if n > 0 && in.done == "" {
		if err := c.Expunge(nil); err != nil {
			return n, fmt.Errorf("imap expunge: %w", err)
		}
	}
	return n, nil
}

// one fetches, handles and files away the mail uid; false when it was
// left in the mailbox (too large).
func (in *Inbound) one(ctx context.Context, c *client.Client, uid uint32) (bool, error) {
	set := new(imap.SeqSet)
	set.AddNum(uid)
	section := &imap.BodySectionName{Peek: true}
	ch := make(chan *imap.Message, 1)
	if err := c.UidFetch(set, []imap.FetchItem{imap.FetchRFC822Size, section.FetchItem()}, ch); err != nil {
		return false, fmt.Errorf("imap fetch %d: %w", uid, err)
	}
	msg := <-ch
	if msg == nil {
		return false, nil
	}
	if msg.Size > maxMailBytes {
		in.log.Warn("mail too large to read; left in the mailbox", "uid", uid, "bytes", msg.Size)
		return false, nil
	}
	body := msg.GetBody(section)
	if body == nil {
		return false, fmt.Errorf("imap fetch %d: no body", uid)
	}
	raw := make([]byte, 0, msg.Size)
	buf := make([]byte, 32<<10)
	for {
		k, err := body.Read(buf)
		raw = append(raw, buf[:k]...)
		if err != nil {
			break
		}
	}
	if err := in.handleRaw(ctx, raw); err != nil {
		return false, err
	}
	return true, in.file(c, set)
}

// handleRaw parses and applies one mail, logging what became of it.
func (in *Inbound) handleRaw(ctx context.Context, raw []byte) error {
	m, err := parseMail(raw)
	if err != nil {
		// An unreadable mail would fail on every poll: log it and file it.
		in.log.Warn("unreadable mail filed away", "err", err)
		return nil
	}
	rec, err := in.apply(ctx, m, in.now().UTC())
	if errors.Is(err, store.ErrConflict) {
		in.log.Info("mail already handled", "message_id", m.MessageID)
		return nil
	}
	if err != nil {
		return fmt.Errorf("mail %s: %w", m.MessageID, err)
	}
	log := in.log.With("message_id", m.MessageID, "sender", m.From, "outcome", rec.Outcome, "ticket_id", rec.TicketID)
	switch rec.Outcome {
	case OutTicket, OutFollowup:
		log.Info("mail to ticket")
	case OutAuto:
		log.Info("automatic mail ignored", "reason", m.Auto)
	default:
		log.Warn("mail refused")
	}
	return nil
}

// file marks a handled mail seen and moves it to the done folder, or
// flags it deleted (expunged at the end of the poll).
func (in *Inbound) file(c *client.Client, set *imap.SeqSet) error {
	flags := []interface{}{imap.SeenFlag}
	if in.done == "" {
		flags = append(flags, imap.DeletedFlag)
	}
	if err := c.UidStore(set, imap.FormatFlagsOp(imap.AddFlags, true), flags, nil); err != nil {
		return fmt.Errorf("imap flag: %w", err)
	}
	if in.done != "" {
		if err := c.UidMove(set, in.done); err != nil {
			return fmt.Errorf("imap move to %s: %w", in.done, err)
		}
	}
	return nil
}

func (in *Inbound) dial(ctx context.Context) (*client.Client, error) {
	addr := net.JoinHostPort(in.peer.Host, strconv.Itoa(in.peer.Port))
	d := &net.Dialer{Timeout: in.peer.Timeout.Duration}
	tc := in.tlsConfig
	if tc == nil {
		tc = &tls.Config{ServerName: in.peer.Host, MinVersion: tls.VersionTLS12}
	}
	var c *client.Client
	var err error
	if in.peer.TLS == "implicit" {
		c, err = client.DialWithDialerTLS(d, addr, tc)
	} else {
		c, err = client.DialWithDialer(d, addr)
	}
	if err != nil {
		return nil, fmt.Errorf("imap %s: %w", addr, err)
	}
	c.Timeout = in.peer.Timeout.Duration
	if in.peer.TLS == "starttls" {
		if err := c.StartTLS(tc); err != nil {
			c.Logout()
			return nil, fmt.Errorf("imap %s starttls: %w", addr, err)
		}
	}
	if err := c.Login(in.peer.Username, in.password); err != nil {
		c.Logout()
		return nil, fmt.Errorf("imap login as %s: %w", in.peer.Username, err)
	}
	return c, nil
}
