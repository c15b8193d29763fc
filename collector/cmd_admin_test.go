package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// "user add --must-change" flags the account so its owner must choose a
// new password at their first login; without the flag, nothing is owed.
func TestUserAddMustChange(t *testing.T) {
	dir := t.TempDir()
	data := "--data=" + dir
	for _, tc := range []struct {
		login string
		args  []string
		want  bool
	}{
		{"ann", []string{"--must-change"}, true},
		{"ben", nil, false},
	} {
		args := append([]string{"user", "add", data, "--login", tc.login, "--role", "technician"}, tc.args...)
		code, out, errs := runCmd(t, "a long password\n", args...)
		if code != 0 || strings.Contains(out, "must choose") != tc.want {
			t.Fatalf("user add %v: got %d %q %q", tc.args, code, out, errs)
		}
		st, err := store.Open(context.Background(), store.Options{DSN: filepath.Join(dir, "parc.db")})
		if err != nil {
			t.Fatal(err)
		}
		u, err := st.GetUserByLogin(context.Background(), tc.login)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		if u.MustChangePassword != tc.want {
			t.Errorf("user %s: got must-change %v; want %v", tc.login, u.MustChangePassword, tc.want)
		}
	}
}
