package notify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// acceptedTypes and refusedExtensions follow the web upload's rules
// (collector/web/ticket_document.go): documents are judged by their
// sniffed content, and executables are refused whatever they look like.
var acceptedTypes = map[string]bool{
	"image/png": true, "image/jpeg": true, "image/gif": true, "image/webp": true, "image/bmp": true,
	"application/pdf": true, "text/plain; charset=utf-8": true, "application/zip": true,
	"application/x-ole-storage": true,
}

var refusedExtensions = map[string]bool{
	".exe": true, ".com": true, ".bat": true, ".cmd": true, ".scr": true, ".pif": true, ".msi": true, ".msp": true,
	".dll": true, ".ps1": true, ".vbs": true, ".vbe": true, ".js": true, ".jse": true, ".wsf": true, ".hta": true,
	".jar": true, ".sh": true, ".lnk": true, ".reg": true, ".cpl": true, ".apk": true, ".app": true, ".html": true,
	".htm": true, ".svg": true, ".xhtml": true,
}

// documentType is the sniffed type of an attachment, "" when refused.
func documentType(name string, data []byte) string {
	if refusedExtensions[strings.ToLower(filepath.Ext(name))] {
		return ""
	}
	for _, magic := range [][]byte{[]byte("MZ"), []byte("\x7fELF"), {0xcf, 0xfa, 0xed, 0xfe}, {0xce, 0xfa, 0xed, 0xfe},
		{0xca, 0xfe, 0xba, 0xbe}, []byte("#!")} {
		if bytes.HasPrefix(data, magic) {
			return ""
		}
	}
	mime := http.DetectContentType(data)
	if bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		mime = "application/x-ole-storage"
	}
	if !acceptedTypes[mime] {
		return ""
	}
	return mime
}

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
		name := cleanFilename(a.Name)
		mime := documentType(name, a.Data)
		if int64(len(a.Data)) > limit || mime == "" {
			in.log.Warn("mail attachment refused", "message_id", m.MessageID, "file", name, "bytes", len(a.Data), "type_ok", mime != "")
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

// cleanFilename keeps the base name without control characters, quotes
// or separators, at most 120 runes (as the web upload does).
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
