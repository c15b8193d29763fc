package helpdesk

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ErrFileType marks an attachment whose content is not an accepted kind.
var ErrFileType = errors.New("file type not accepted")

// acceptedTypes are the kinds of document a ticket takes, by sniffed
// content (never by the sender's word or the file name): screenshots,
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

// executableMagic are the first bytes of Windows, Linux and macOS
// programs and of scripts.
var executableMagic = [][]byte{[]byte("MZ"), []byte("\x7fELF"), {0xcf, 0xfa, 0xed, 0xfe}, {0xce, 0xfa, 0xed, 0xfe},
	{0xca, 0xfe, 0xba, 0xbe}, []byte("#!")}

// AcceptedType reports whether mime is a kind of document tickets keep.
func AcceptedType(mime string) bool { return acceptedTypes[mime] }

// SniffDocument says what an attachment is (its MIME type, one of the
// accepted kinds), or why it is refused (wrapping ErrFileType). Web
// uploads and mail attachments go through the same rules.
func SniffDocument(name string, data []byte) (string, error) {
	if refusedExtensions[strings.ToLower(filepath.Ext(name))] {
		return "", fmt.Errorf("%s: %w", name, ErrFileType)
	}
	for _, magic := range executableMagic {
		if bytes.HasPrefix(data, magic) {
			return "", fmt.Errorf("%s is an executable: %w", name, ErrFileType)
		}
	}
	mime := http.DetectContentType(data)
	if bytes.HasPrefix(data, []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}) {
		mime = "application/x-ole-storage" // .doc, .xls
	}
	if !acceptedTypes[mime] {
		return "", fmt.Errorf("%s is %s: %w", name, mime, ErrFileType)
	}
	return mime, nil
}

// CleanFilename keeps the base name, without control characters, quotes
// or path separators, at most 120 runes; "document" when nothing is left.
func CleanFilename(name string) string {
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
