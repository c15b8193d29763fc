package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// attach keeps a mail's attachments as the ticket's documents; one that
// is too large or of a refused kind is left out and logged, and the mail
// is still taken.
func (in *Inbound) attach(ctx context.Context, q store.Queries, tq store.TicketQueries, ticketID, followupID int64, u *store.User, m *inMail, now time.Time) error {
	if len(m.Attachments) == 0 {
		return nil
	}
	mb, err := helpdesk.ParseMaxUploadMB(in.setting(ctx, q, helpdesk.SettingMaxUploadMB))
	if err != nil {
		return err
	}
	limit := int64(mb) << 20
	for _, a := range m.Attachments {
		name := helpdesk.CleanFilename(a.Name)
		mime, err := helpdesk.SniffDocument(name, a.Data)
		if int64(len(a.Data)) > limit || err != nil {
			in.log.Warn("mail attachment refused", "message_id", m.MessageID, "file", name, "bytes", len(a.Data), "type_ok", err == nil)
			continue
		}
		sum := sha256.Sum256(a.Data)
		d := &store.Document{TicketID: ticketID, FollowupID: followupID, UserID: u.ID, Filename: name, MIME: mime,
			SHA256: hex.EncodeToString(sum[:]), Content: a.Data, CreatedAt: now}
		if err := tq.AddDocument(ctx, d); err != nil {
			return err
		}
	}
	return nil
}
