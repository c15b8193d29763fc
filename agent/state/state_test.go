package state

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
	"time"
)

func TestStoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != 0o700 {
			t.Errorf("state dir mode: got %o; want 700", got)
		}
	}

	if tok, err := s.Token(); err != nil || tok != "" {
		t.Fatalf("fresh token: got %q, %v; want empty", tok, err)
	}
	if err := s.SaveToken("s3cret"); err != nil {
		t.Fatal(err)
	}
	if tok, _ := s.Token(); tok != "s3cret" {
		t.Errorf("token: got %q; want s3cret", tok)
	}
	if runtime.GOOS != "windows" {
		fi, _ := os.Stat(filepath.Join(dir, tokenFile))
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("token mode: got %o; want 600", got)
		}
	}
	if err := s.SaveToken(""); err != nil {
		t.Fatal(err)
	}
	if tok, _ := s.Token(); tok != "" {
		t.Errorf("removed token: got %q; want empty", tok)
	}

	now := time.Date(2026, 11, 23, 10, 4, 12, 0, time.UTC)
	if err := s.UpdateStatus(func(st *Status) { st.LastFull = now; st.LastError = "boom" }); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateStatus(func(st *Status) { st.LastError = "" }); err != nil {
		t.Fatal(err)
	}
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if !st.LastFull.Equal(now) || st.LastError != "" {
		t.Errorf("status: got %+v; want last_full %v and no error", st, now)
	}

	sums := map[string]string{"softwares": "ab", "bios": "cd"}
	if err := s.SaveChecksums(sums); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Checksums()
	if len(got) != 2 || got["softwares"] != "ab" {
		t.Errorf("checksums: got %v; want %v", got, sums)
	}
	if err := s.SaveChecksums(nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Checksums(); got != nil {
		t.Errorf("forgotten checksums: got %v; want nil", got)
	}

	// A read-only view of the same directory sees the same state.
	ro := OpenReadOnly(dir)
	if st2, _ := ro.Status(); !st2.LastFull.Equal(now) {
		t.Errorf("read-only status: got %v; want %v", st2.LastFull, now)
	}
	// No temporary files are left behind.
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) != 0 {
		t.Errorf("leftover temporary files: %v", left)
	}
}

func TestDeviceID(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	id1, err := s.DeviceID()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[^.]+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}$`).MatchString(id1) {
		t.Errorf("got %q; want <hostname>-YYYY-MM-DD-HH-MM-SS", id1)
	}
	id2, _ := s.DeviceID()
	if id1 != id2 {
		t.Errorf("second call: got %q; want %q", id2, id1)
	}
	// Where the machine has an installation anchor, the derived ID equals
	// the stored one, so a user without access to the state dir agrees.
	if derived, ok := DeriveDeviceID(); ok && derived != id1 {
		t.Errorf("derived: got %q; want stored %q", derived, id1)
	}
	// A stored ID wins over the derived one (the host was renamed).
	if err := s.SaveIdentity(Identity{DeviceID: "OLDNAME-2020-01-02-03-04-05"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.DeviceID(); got != "OLDNAME-2020-01-02-03-04-05" {
		t.Errorf("stored: got %q; want OLDNAME-2020-01-02-03-04-05", got)
	}
}

func TestFormatDeviceID(t *testing.T) {
	tm := time.Date(2026, 11, 23, 10, 4, 12, 0, time.FixedZone("CET", 3600))
	tests := []struct{ host, want string }{
		{"PC-ACCUEIL-02", "PC-ACCUEIL-02-2026-11-23-09-04-12"},
		{"pc1.mairie.local", "pc1-2026-11-23-09-04-12"},
		{"", "unknown-2026-11-23-09-04-12"},
	}
	for _, tt := range tests {
		if got := FormatDeviceID(tt.host, tm); got != tt.want {
			t.Errorf("FormatDeviceID(%q): got %q; want %q", tt.host, got, tt.want)
		}
	}
}

func TestOpenNotWritable(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := Open(filepath.Join(dir, "state")); err == nil {
		t.Error("got nil; want an error for an unwritable parent")
	}
}
