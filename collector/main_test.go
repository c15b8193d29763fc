package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/auth"
	"github.com/parcproject/parc/collector/store"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, stdio{strings.NewReader(stdin), &out, &errb})
	return code, out.String(), errb.String()
}

func TestAdminCommands(t *testing.T) {
	dir := t.TempDir()
	data := "--data=" + dir
	if code, _, _ := runCmd(t, "", "user", "add", data, "--login", "bob", "--role", "technician"); code != 1 {
		t.Errorf("user add without password: got %d; want 1", code)
	}
	if code, out, errs := runCmd(t, "a long password\n", "user", "add", data, "--login", "bob", "--role", "technician"); code != 0 || !strings.Contains(out, "created user bob") {
		t.Fatalf("user add: got %d %q %q", code, out, errs)
	}
	if code, _, errs := runCmd(t, "a long password\n", "user", "add", data, "--login", "bob", "--role", "boss"); code != 1 || !strings.Contains(errs, "--role") {
		t.Errorf("bad role: got %d %q; want an error naming --role", code, errs)
	}
	code, tok, _ := runCmd(t, "", "token", "create", data, "--login", "bob")
	tok = strings.TrimSpace(tok)
	if code != 0 || !strings.HasPrefix(tok, auth.PrefixAPI) {
		t.Fatalf("token create: got %d %q", code, tok)
	}
	_, s1, _ := runCmd(t, "", "enroll-secret", data)
	_, s2, _ := runCmd(t, "", "enroll-secret", data)
	_, s3, _ := runCmd(t, "", "enroll-secret", data, "--rotate")
	if s1 == "" || s1 != s2 || s3 == s1 {
		t.Errorf("enroll-secret: got %q, %q, rotated %q; want stable then new", s1, s2, s3)
	}
	if code, out, _ := runCmd(t, "", "migrate", data); code != 0 || !strings.Contains(out, fmt.Sprintf("version %d", store.LatestVersion())) {
		t.Errorf("migrate: got %d %q", code, out)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if code, _, errs := runCmd(t, "", "backup", data, backup); code != 0 {
		t.Fatalf("backup: got %d %q", code, errs)
	}
	st, err := store.Open(context.Background(), store.Options{DSN: backup})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.GetAPITokenByHash(context.Background(), auth.HashToken(tok)); err != nil {
		t.Errorf("backup lacks the token: %v", err)
	}
	if code, _, errs := runCmd(t, "", "backup", "--database=postgres://x@127.0.0.1/none", "f"); code != 1 || !strings.Contains(errs, "pg_dump") {
		t.Errorf("backup on PostgreSQL: got %d %q; want an error pointing at pg_dump", code, errs)
	}
	if code, _, errs := runCmd(t, "", "serve", data, "--listen", "nope"); code != 1 || !strings.Contains(errs, "listen:") {
		t.Errorf("bad listen: got %d %q; want an error naming listen", code, errs)
	}
	if code, _, errs := runCmd(t, "", "serve", "--help"); code != 0 || !strings.Contains(errs, "PARC_MAIL_SMTP_HOST") {
		t.Errorf("serve --help: got %d; want 0 and every configuration key listed with its variable", code)
	}
	if code, _, _ := runCmd(t, "", "frobnicate"); code != 2 {
		t.Errorf("unknown command: got %d; want 2", code)
	}
}

func TestServeFirstStartAndShutdown(t *testing.T) {
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	var out, errb syncBuffer
	done := make(chan int)
	go func() {
		done <- run([]string{"serve", "--data", dir, "--listen", addr}, stdio{strings.NewReader(""), &out, &errb})
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("collector did not start: %s %s", out.String(), errb.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !regexp.MustCompile(`password: \S{20,}`).MatchString(out.String()) || !strings.Contains(out.String(), "enroll-secret") {
		t.Errorf("first start printed %q; want the admin password and how to get the secret", out.String())
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(35 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}
