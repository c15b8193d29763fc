package notify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/store"
)

// mailAttempts bounds the tries of one mail: with the worker's backoff
// (30 s doubling), about an hour of an SMTP server being away.
const mailAttempts = 8

// Service handles the queue's notification and mail jobs.
type Service struct {
	st      store.Store
	log     *slog.Logger
	smtp    *SMTP // nil when mail.smtp.host is unset: events send nothing
	from    string
	domain  string
	baseURL string
	inbound *Inbound // nil when mail.imap.host is unset
	wake    func()
}

// New prepares the service from the mail configuration; baseURL (the
// collector's public URL, may be empty) makes the links in mail.
func New(st store.Store, log *slog.Logger, cfg config.Mail, baseURL string) (*Service, error) {
	s := &Service{st: st, log: log.With("component", "notify"), from: cfg.From,
		baseURL: strings.TrimRight(baseURL, "/"), wake: func() {}}
	if cfg.SMTP.Host == "" && cfg.IMAP.Host == "" {
		return s, nil
	}
	d, err := Domain(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("mail.from: %w", err)
	}
	s.domain = d
	if cfg.SMTP.Host != "" {
		if s.smtp, err = NewSMTP(cfg.SMTP); err != nil {
			return nil, err
		}
	}
	if cfg.IMAP.Host != "" {
		if s.inbound, err = NewInbound(st, s.log, cfg, d); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Register adds the service's job handlers to w, and remembers w to wake
// it when mail is queued.
func (s *Service) Register(w *jobs.Worker) {
	s.wake = w.Wake
	w.Handle(JobEvent, s.handleEvent)
	w.Handle(JobMail, s.handleMail)
	if s.inbound != nil {
		w.Handle(JobPoll, s.inbound.handlePoll)
	}
}

// Schedule makes (or removes) the mailbox's polling schedule, "every 2m"
// unless spec says otherwise.
func (s *Service) Schedule(ctx context.Context, spec string, now time.Time) error {
	jq, err := store.Jobs(s.st)
	if err != nil {
		return err
	}
	if s.inbound == nil {
		return jobs.PutSchedule(ctx, jq, JobPoll, JobPoll, struct{}{}, "", now)
	}
	if spec == "" {
		spec = "every 2m"
	}
	return jobs.PutSchedule(ctx, jq, JobPoll, JobPoll, struct{}{}, spec, now)
}

// mailJob is a JobMail's payload: the whole message, rendered when the
// event was handled.
type mailJob struct {
	From string `json:"from"`
	To   string `json:"to"`
	Data string `json:"data"`
}

func (s *Service) handleEvent(ctx context.Context, j *store.Job) error {
	var ev Event
	if err := json.Unmarshal([]byte(j.Payload), &ev); err != nil {
		return jobs.Permanent(fmt.Errorf("event payload: %w", err))
	}
	if s.smtp == nil {
		s.log.Debug("mail is off (mail.smtp.host unset): event dropped", "event", ev.Kind, "ticket_id", ev.TicketID)
		return nil
	}
	msgs, err := s.messages(ctx, ev)
	if errors.Is(err, store.ErrNotFound) {
		return jobs.Permanent(err)
	}
	if err != nil {
		return err
	}
	// One transaction: a retried event never queues a mail twice.
	err = s.st.WithTx(ctx, func(q store.Queries) error {
		jq, err := store.Jobs(q)
		if err != nil {
			return err
		}
		for _, m := range msgs {
			if _, err := jobs.Enqueue(ctx, jq, JobMail, m, time.Time{}, mailAttempts); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(msgs) > 0 {
		s.log.Info("notification queued", "event", ev.Kind, "ticket_id", ev.TicketID, "mails", len(msgs))
		s.wake()
	}
	return nil
}

// messages renders ev for each of its recipients.
func (s *Service) messages(ctx context.Context, ev Event) ([]mailJob, error) {
	tq, err := store.Tickets(s.st)
	if err != nil {
		return nil, err
	}
	nq, err := store.Notify(s.st)
	if err != nil {
		return nil, err
	}
	t, err := tq.GetTicket(ctx, ev.TicketID)
	if err != nil {
		return nil, err
	}
	people, err := nq.TicketRecipients(ctx, ev.TicketID)
	if err != nil {
		return nil, err
	}
	approvers, err := nq.UsersAsRecipients(ctx, ev.Approvers)
	if err != nil {
		return nil, err
	}
	info := ticketInfo{ID: t.ID, Title: t.Title, Status: t.Status}
	if s.baseURL != "" {
		info.URL = s.baseURL + "/tickets/" + strconv.FormatInt(t.ID, 10)
	}
	if ev.AuthorID != 0 {
		if u, err := s.st.GetUser(ctx, ev.AuthorID); err == nil {
			info.Author = firstNonEmpty(u.Name, u.Login)
		}
	}
	var out []mailJob
	for _, r := range Recipients(ev, people, approvers) {
		m, err := Render(ev, info, r, s.from, s.domain)
		if err != nil {
			return nil, fmt.Errorf("render %s mail of ticket %d: %w", ev.Kind, t.ID, err)
		}
		data, err := m.Bytes()
		if err != nil {
			return nil, err
		}
		out = append(out, mailJob{From: s.from, To: m.To, Data: string(data)})
	}
	return out, nil
}

func (s *Service) handleMail(ctx context.Context, j *store.Job) error {
	var m mailJob
	if err := json.Unmarshal([]byte(j.Payload), &m); err != nil {
		return jobs.Permanent(fmt.Errorf("mail payload: %w", err))
	}
	if s.smtp == nil {
		return jobs.Permanent(errors.New("mail is off: mail.smtp.host is unset"))
	}
	err := s.smtp.Send(ctx, m.From, m.To, []byte(m.Data))
	if errors.Is(err, ErrRejected) {
		return jobs.Permanent(err)
	}
	if err != nil {
		return err
	}
	s.log.Info("mail sent", "to", m.To, "job_id", j.ID)
	return nil
}
