package auth

import (
	"strings"
	"testing"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "correct horse battery") || CheckPassword(h, "wrong horse battery") {
		t.Errorf("got wrong CheckPassword results for hash %q", h)
	}
	if _, err := HashPassword("short"); err != ErrWeakPassword {
		t.Errorf("got %v; want ErrWeakPassword", err)
	}
}

func TestToken(t *testing.T) {
	tok, hash, err := NewToken(PrefixAgent)
	if err != nil {
		t.Fatal(err)
	}
	tok2, _, _ := NewToken(PrefixAgent)
	if !strings.HasPrefix(tok, PrefixAgent) || len(tok) < 40 || tok == tok2 {
		t.Errorf("got tokens %q, %q; want distinct prefixed tokens", tok, tok2)
	}
	if HashToken(tok) != hash || len(hash) != 64 || strings.Contains(hash, tok) {
		t.Errorf("got hash %q; want the SHA-256 hex of the token", hash)
	}
	if !Equal(hash, HashToken(tok)) || Equal(hash, HashToken(tok2)) {
		t.Error("got wrong Equal results")
	}
}

func TestBearerToken(t *testing.T) {
	tests := []struct {
		h, want string
		ok      bool
	}{
		{"Bearer abc", "abc", true},
		{"bearer  abc ", "abc", true},
		{"Basic abc", "", false},
		{"Bearer", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, ok := BearerToken(tc.h)
		if got != tc.want || ok != tc.ok {
			t.Errorf("BearerToken(%q) got %q, %v; want %q, %v", tc.h, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRandomPassword(t *testing.T) {
	p, err := RandomPassword()
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != 23 || len(p) < MinPasswordLength {
		t.Errorf("got %q; want 20 characters in groups of 5", p)
	}
}
