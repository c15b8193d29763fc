package spool

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func open(t *testing.T, dir string, o Options) (*Spool, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	s, err := Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	return s, &logs
}

func ids(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.ID[:4] + "/" + it.Kind
	}
	return out
}

func id(prefix string) string { return prefix + strings.Repeat("0", 32-len(prefix)) }

func TestPutListOrderAndRestart(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir, Options{})
	for _, p := range []string{"aaaa", "bbbb", "cccc"} {
		if _, _, err := s.Put(id(p), KindPartial, []byte("gz-"+p)); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := s.List()
	if got, want := ids(items), []string{"aaaa/partial", "bbbb/partial", "cccc/partial"}; !slices.Equal(got, want) {
		t.Fatalf("got %v; want %v", got, want)
	}
	if data, _ := s.Read(items[1]); string(data) != "gz-bbbb" {
		t.Errorf("read: got %q; want gz-bbbb", data)
	}

	// A crash leaves a temporary file; a restart removes it and carries on
	// numbering after the last report.
	os.WriteFile(filepath.Join(dir, ".x.json.gz.tmp-123"), []byte("half"), 0o600)
	os.WriteFile(filepath.Join(dir, "README"), []byte("not a report"), 0o600)
	s2, _ := open(t, dir, Options{})
	if _, err := os.Stat(filepath.Join(dir, ".x.json.gz.tmp-123")); err == nil {
		t.Error("temporary file left after restart")
	}
	it, _, err := s2.Put(id("dddd"), KindPartial, []byte("gz-dddd"))
	if err != nil {
		t.Fatal(err)
	}
	if it.Seq != 4 {
		t.Errorf("seq after restart: got %d; want 4", it.Seq)
	}
	if err := s2.Remove(items[0]); err != nil {
		t.Fatal(err)
	}
	if err := s2.Remove(items[0]); err != nil {
		t.Errorf("second remove: got %v; want nil", err)
	}
	n, size, _ := s2.Stats()
	if n != 3 || size != 21 {
		t.Errorf("stats: got %d reports %d bytes; want 3 and 21", n, size)
	}
}

func TestFullSupersedes(t *testing.T) {
	s, _ := open(t, t.TempDir(), Options{})
	s.Put(id("aaaa"), KindPartial, []byte("1"))
	s.Put(id("bbbb"), KindPartial, []byte("2"))
	_, dropped, err := s.Put(id("cccc"), KindFull, []byte("3"))
	if err != nil || len(dropped) != 0 {
		t.Fatalf("got dropped %v, err %v; want none", dropped, err)
	}
	s.Put(id("dddd"), KindPartial, []byte("4"))
	items, _ := s.List()
	if got, want := ids(items), []string{"cccc/full", "dddd/partial"}; !slices.Equal(got, want) {
		t.Errorf("got %v; want %v", got, want)
	}
}

func TestBounds(t *testing.T) {
	tests := []struct {
		name        string
		opts        Options
		sizes       []int
		wantLeft    []string
		wantDropped []string
	}{
		{"max reports", Options{MaxReports: 2}, []int{10, 10, 10},
			[]string{"0002/partial", "0003/partial"}, []string{"0001/partial"}},
		{"max bytes", Options{MaxBytes: 25}, []int{10, 10, 10},
			[]string{"0002/partial", "0003/partial"}, []string{"0001/partial"}},
		{"newest kept even if alone too big", Options{MaxBytes: 5}, []int{3, 10},
			[]string{"0002/partial"}, []string{"0001/partial"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, logs := open(t, t.TempDir(), tt.opts)
			var dropped []Item
			for i, n := range tt.sizes {
				_, d, err := s.Put(id("000"+string(rune('1'+i))), KindPartial, bytes.Repeat([]byte("x"), n))
				if err != nil {
					t.Fatal(err)
				}
				dropped = append(dropped, d...)
			}
			items, _ := s.List()
			if got := ids(items); !slices.Equal(got, tt.wantLeft) {
				t.Errorf("left: got %v; want %v", got, tt.wantLeft)
			}
			if got := ids(dropped); !slices.Equal(got, tt.wantDropped) {
				t.Errorf("dropped: got %v; want %v", got, tt.wantDropped)
			}
			for _, d := range dropped {
				if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), d.Name) {
					t.Errorf("no WARN naming %s in logs:\n%s", d.Name, logs)
				}
			}
		})
	}
}

func TestReject(t *testing.T) {
	dir := t.TempDir()
	s, _ := open(t, dir, Options{MaxRejected: 2})
	for _, p := range []string{"aaaa", "bbbb", "cccc"} {
		it, _, _ := s.Put(id(p), KindPartial, []byte(p))
		if err := s.Reject(it, "422: content.softwares[3].name: is required"); err != nil {
			t.Fatal(err)
		}
	}
	if n, _, _ := s.Stats(); n != 0 {
		t.Errorf("pending after reject: got %d; want 0", n)
	}
	rej, _ := s.Rejected()
	if got, want := ids(rej), []string{"bbbb/partial", "cccc/partial"}; !slices.Equal(got, want) {
		t.Errorf("rejected: got %v; want %v", got, want)
	}
	reason, err := os.ReadFile(filepath.Join(dir, RejectedDir, rej[1].Name+".txt"))
	if err != nil || !strings.Contains(string(reason), "softwares[3].name") {
		t.Errorf("reason file: got %q, %v; want the collector's answer", reason, err)
	}
	if _, err := os.Stat(filepath.Join(dir, RejectedDir, "00000000000000000001-"+id("aaaa")+"-partial.json.gz.txt")); err == nil {
		t.Error("reason of the dropped rejected report was kept")
	}
}

func TestPutRefusesBadInput(t *testing.T) {
	s, _ := open(t, t.TempDir(), Options{})
	if _, _, err := s.Put("../../etc/passwd", KindFull, nil); err == nil {
		t.Error("bad ID: got nil; want an error")
	}
	if _, _, err := s.Put(NewID(), "weird", nil); err == nil {
		t.Error("bad kind: got nil; want an error")
	}
	if a, b := NewID(), NewID(); a == b || len(a) != 32 {
		t.Errorf("NewID: got %q and %q; want two different 32-digit IDs", a, b)
	}
}

func TestParseName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"00000000000000000001-" + id("ab") + "-full.json.gz", true},
		{"00000000000000000001-" + id("ab") + "-partial.json.gz", true},
		{"00000000000000000001-" + id("ab") + "-other.json.gz", false},
		{"00000000000000000001-" + id("zz") + "-full.json.gz", false},
		{"x-" + id("ab") + "-full.json.gz", false},
		{"00000000000000000001-" + id("ab") + "-full.json", false},
	}
	for _, tt := range tests {
		if _, ok := parseName(tt.name); ok != tt.ok {
			t.Errorf("parseName(%q): got %v; want %v", tt.name, ok, tt.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	b := Backoff{Min: 30 * time.Second, Max: time.Hour}
	now := time.Now()
	if !b.Ready(now) {
		t.Fatal("fresh backoff not ready")
	}
	wantMax := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute}
	for i, w := range wantMax {
		d := b.Failure(now, 0)
		if d < w/2 || d > w {
			t.Errorf("failure %d: got %v; want within [%v, %v]", i+1, d, w/2, w)
		}
	}
	for range 20 {
		b.Failure(now, 0)
	}
	if d := b.Failure(now, 0); d < 30*time.Minute || d > time.Hour {
		t.Errorf("capped: got %v; want within [30m, 1h]", d)
	}
	if b.Ready(now) {
		t.Error("ready while backing off")
	}
	if d := b.Failure(now, 2*time.Hour); d != 2*time.Hour {
		t.Errorf("Retry-After: got %v; want 2h", d)
	}
	b.Success()
	if !b.Ready(now) || b.Failures() != 0 {
		t.Error("not reset by Success")
	}
}

// FuzzParseName checks the spool's file-name parser on arbitrary names: it
// never panics, and a name it accepts is the one it would write.
func FuzzParseName(f *testing.F) {
	f.Add("00000000000000000001-" + id("ab") + "-full.json.gz")
	f.Add("00000000000000000042-" + id("cd") + "-partial.json.gz")
	f.Fuzz(func(t *testing.T, name string) {
		it, ok := parseName(name)
		if !ok {
			return
		}
		if it.Kind != KindFull && it.Kind != KindPartial || len(it.ID) != 32 {
			t.Fatalf("accepted %q as %+v", name, it)
		}
	})
}
