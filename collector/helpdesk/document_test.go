package helpdesk

import (
	"errors"
	"testing"
)

func TestSniffDocument(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string // "" when refused
	}{
		{"screen.png", "\x89PNG\r\n\x1a\n0000", "image/png"},
		{"devis.pdf", "%PDF-1.7\n", "application/pdf"},
		{"notes.txt", "the printer jams", "text/plain; charset=utf-8"},
		{"budget.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"},
		{"setup.exe", "%PDF-1.7", ""},          // extension refused whatever the content
		{"invoice.pdf", "MZ\x90\x00", ""},      // a Windows program under another name
		{"run.txt", "#!/bin/sh\nrm -rf /", ""}, // a script
		{"page.html", "<html>", ""},
		{"photo.png", "<html><script>", ""}, // HTML content refused by its sniffed type
	}
	for _, tc := range tests {
		got, err := SniffDocument(tc.name, []byte(tc.data))
		if tc.want == "" {
			if !errors.Is(err, ErrFileType) {
				t.Errorf("%s: got %q, %v; want ErrFileType", tc.name, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q, %v; want %s", tc.name, got, err, tc.want)
		}
	}
}

func TestCleanFilename(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Users\jean\Desktop\scan "1".pdf`: "scan _1_.pdf",
		"../../etc/passwd":                   "passwd",
		"a\r\nb.txt":                         "a__b.txt",
		"..":                                 "document",
		"":                                   "document",
	} {
		if got := CleanFilename(in); got != want {
			t.Errorf("CleanFilename(%q) = %q; want %q", in, got, want)
		}
	}
}
