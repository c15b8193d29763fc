package snmppoll

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestSealer(t *testing.T) {
	key := make([]byte, 32)
	s, err := NewSealer(key)
	if err != nil {
		t.Fatal(err)
	}
	sealed := s.Seal([]byte("public"), "snmp_credential:lan")
	if sealed == s.Seal([]byte("public"), "snmp_credential:lan") {
		t.Error("two seals of the same secret are equal; want a fresh nonce each time")
	}
	got, err := s.Open(sealed, "snmp_credential:lan")
	if err != nil || string(got) != "public" {
		t.Fatalf("got %q, %v; want public", got, err)
	}
	if _, err := s.Open(sealed, "snmp_credential:other"); !errors.Is(err, ErrKey) {
		t.Errorf("opened under another name: got %v; want ErrKey", err)
	}
	other, _ := NewSealer(append(make([]byte, 31), 1))
	if _, err := other.Open(sealed, "snmp_credential:lan"); !errors.Is(err, ErrKey) {
		t.Errorf("opened with another key: got %v; want ErrKey", err)
	}
	for _, bad := range []string{"", "v1:", "v1:!!!", "v2:AAAA", sealed[:len(sealed)-4]} {
		if _, err := s.Open(bad, "snmp_credential:lan"); err == nil {
			t.Errorf("Open(%q) succeeded; want an error", bad)
		}
	}
	if _, err := NewSealer(make([]byte, 16)); err == nil {
		t.Error("a 16-byte key was accepted; want 32 bytes")
	}
}

// TestLoadKey: the key file is created once (mode 0600), reused, shared by
// collectors starting at once, and a configured key wins.
func TestLoadKey(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	keys := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k, err := LoadKey(dir, "")
			if err != nil {
				t.Error(err)
			}
			keys[i] = k
		}()
	}
	wg.Wait()
	for _, k := range keys[1:] {
		if string(k) != string(keys[0]) || len(k) != 32 {
			t.Fatal("concurrent first starts got different keys; want one key file")
		}
	}
	st, err := os.Stat(filepath.Join(dir, KeyFile))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
	again, _ := LoadKey(dir, "")
	if string(again) != string(keys[0]) {
		t.Error("the key changed at the second start")
	}
	conf, err := LoadKey(dir, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
	if err != nil || conf[31] != 31 {
		t.Errorf("configured key: got %v, %v; want it used", conf, err)
	}
	if _, err := LoadKey(dir, "not base64"); err == nil {
		t.Error("a bad configured key was accepted")
	}
	os.WriteFile(filepath.Join(dir, KeyFile), []byte("short\n"), 0o600)
	if _, err := LoadKey(dir, ""); err == nil {
		t.Error("a damaged key file was accepted; want an error rather than a new key")
	}
}

func FuzzOpen(f *testing.F) {
	s, _ := NewSealer(make([]byte, 32))
	f.Add(s.Seal([]byte("public"), "n"))
	f.Add("v1:AAAAAAAAAAAAAAAA")
	f.Add("")
	f.Fuzz(func(t *testing.T, sealed string) {
		_, _ = s.Open(sealed, "n") // must not panic
	})
}
