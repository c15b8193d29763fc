package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketDocument attaches an uploaded file ("file" field) to a ticket.
func (s *Server) ticketDocument(w http.ResponseWriter, r *http.Request) {
	if r.MultipartForm == nil {
		s.ticketError(w, r, errBadInput)
		return
	}
	defer r.MultipartForm.RemoveAll()
	f, hdr, err := r.FormFile("file")
	if err != nil {
		s.ticketError(w, r, fmt.Errorf("no file: %w", errBadInput))
		return
	}
	defer f.Close()
	limit, err := s.uploadLimit(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if int64(len(data)) > limit {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge, "error.too_large")
		return
	}
	name := helpdesk.CleanFilename(hdr.Filename)
	mime, err := helpdesk.SniffDocument(name, data)
	if err != nil || len(data) == 0 {
		s.log.Warn("document refused", "ticket", pathID(r), "file", name, "user", actor(r), "err", err)
		s.errorPage(w, r, http.StatusUnsupportedMediaType, "ticket.error_file_type")
		return
	}
	sum := sha256.Sum256(data)
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActDocument},
		write: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket) error {
			return tq.AddDocument(ctx, &store.Document{TicketID: lt.t.ID, UserID: stateUserID(r), Filename: name,
				MIME: mime, SHA256: hex.EncodeToString(sum[:]), Content: data, CreatedAt: s.now()})
		},
		field: "document", value: name,
	})
}
