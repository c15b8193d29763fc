package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// errFileType marks an attachment whose content is not an accepted kind.
var errFileType = errors.New("file type not accepted")

// acceptedTypes are the kinds of document a ticket takes, by sniffed
// content (never by the browser's word or the file name): screenshots,
// PDFs, text, and office files (zip- or OLE-based).
var acceptedTypes = map[string]bool{
	"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true, "image/bmp": true,
	"application/pdf": true, "text/plain; charset=utf-8": true, "application/zip": true,
	"application/x-ole-storage": true,
}

// refusedExtensions are executable or script files, refused whatever
// their content looks like.
var refusedExtensions = map[string]bool{
	".exe": true, ".com": true, ".bat": true, ".cmd": true, ".scr": true, ".pif": true, ".msi": true, ".msp": true,
	".dll": true, ".ps1": true, ".vbs": true, ".vbe": true, ".js": true, ".jse": true, ".wsf": true, ".hta": true,
	".jar": true, ".sh": true, ".lnk": true, ".reg": true, ".cpl": true, ".apk": true, ".app": true, ".html": true,
	".htm": true, ".svg": true, ".xhtml": true,
}

// sniffDocument says what a document is, or why it is refused.
func sniffDocument(name string, data []byte) (string, error) {
	if refusedExtensions[strings.ToLower(filepath.Ext(name))] {
		return "", fmt.Errorf("%s: %w", name, errFileType)
	}
	for _, magic := range [][]byte{[]byte("MZ"), []byte("\x7fELF"), {0xcf, 0xfa, 0xed, 0xfe}, {0xce, 0xfa, 0xed, 0xfe},
		{0xca, 0xfe, 0xba, 0xbe}, []byte("#!")} {
		if bytes.HasPrefix(data, magic) {
			return "", fmt.Errorf("%s is an executable: %w", name, errFileType)
		}
	}
	mime := http.DetectContentType(data)
	if bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		mime = "application/x-ole-storage" // .doc, .xls
	}
	if !acceptedTypes[mime] {
		return "", fmt.Errorf("%s is %s: %w", name, mime, errFileType)
	}
	return mime, nil
}

// cleanFilename keeps the base name, without control characters, quotes
// or path separators, at most 120 runes.
func cleanFilename(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`"/\:*?<>|`, r) {
			return '_'
		}
		return r
	}, name)
	for utf8.RuneCountInString(name) > 120 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if name == "" || name == "." || name == ".." {
		return "document"
	}
	return name
}

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
	name := cleanFilename(hdr.Filename)
	mime, err := sniffDocument(name, data)
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
