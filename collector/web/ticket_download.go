package web

import (
	"mime"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
)

// ticketDownload sends a ticket's document as a download: never shown
// inline, never sniffed by the browser, so an uploaded file cannot run as
// a page of this site.
func (s *Server) ticketDownload(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tq, err := s.tickets()
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	lt, err := s.getTicket(ctx, r, tq)
	if err != nil {
		s.ticketError(w, r, err)
		return
	}
	docID, _ := strconv.ParseInt(chi.URLParam(r, "doc"), 10, 64)
	d, err := tq.GetDocument(ctx, docID)
	if err != nil || d.TicketID != lt.t.ID {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	h := w.Header()
	h.Set("Content-Type", d.MIME) // one of acceptedTypes, sniffed at upload
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.Filename}))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Length", strconv.Itoa(len(d.Content)))
	_, _ = w.Write(d.Content)
}
