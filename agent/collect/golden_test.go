package collect

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

// update rewrites the golden files of every fixture test of this package
// (go test -update ./agent/collect/).
var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with the golden file at path, or rewrites the
// file under -update. Leading and trailing white space is not significant.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	got = append(bytes.TrimSpace(got), '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, append(bytes.TrimSpace(want), '\n')) {
		t.Errorf("%s differs (run go test -update and review the diff); got:\n%s", path, got)
	}
}
