package store

import (
	"context"
	"errors"
	"testing"
)

func ensure(t *testing.T, s *sqlStore, keys []SoftwareKey, fail bool) map[SoftwareKey]int64 {
	t.Helper()
	var ids map[SoftwareKey]int64
	errFail := errors.New("report failed later")
	err := s.WithTx(context.Background(), func(q Queries) error {
		var err error
		if ids, err = q.EnsureSoftwareVersions(context.Background(), keys); err != nil {
			return err
		}
		if fail {
			return errFail
		}
		return nil
	})
	if fail && !errors.Is(err, errFail) || !fail && err != nil {
		t.Fatalf("ensure %v: got %v", keys, err)
	}
	return ids
}

// TestSoftwareCache checks the catalogue IDs remembered across SQLite
// batches are the stored ones, and that rows of a rolled-back call are
// never remembered.
func TestSoftwareCache(t *testing.T) {
	s := openBatchTest(t)
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	fx := SoftwareKey{Name: "Firefox", Publisher: "Mozilla", Version: "128.0"}
	lo := SoftwareKey{Name: "LibreOffice", Publisher: "The Document Foundation", Version: "24.2"}
	gone := SoftwareKey{Name: "Rolled Back", Publisher: "Nobody", Version: "1"}
	first := ensure(t, s, []SoftwareKey{fx, lo}, false)
	ensure(t, s, []SoftwareKey{fx, lo}, false) // found by lookup: remembered
	if miss := s.batch.sw.resolve([]SoftwareKey{fx, lo}, map[SoftwareKey]int64{}); len(miss) != 0 {
		t.Fatalf("got %v unknown to the cache after a lookup; want none", miss)
	}
	third := ensure(t, s, []SoftwareKey{fx, lo}, false)
	for _, k := range []SoftwareKey{fx, lo} {
		if third[k] != first[k] || first[k] == 0 {
			t.Fatalf("got ID %d for %v from the cache; want the stored %d", third[k], k, first[k])
		}
	}
	ensure(t, s, []SoftwareKey{gone}, true)
	again := ensure(t, s, []SoftwareKey{gone}, false)
	var n int
	if err := s.reader.QueryRow("SELECT COUNT(*) FROM software_versions WHERE id = ?", again[gone]).Scan(&n); err != nil || n != 1 {
		t.Fatalf("got %d stored versions with ID %d (err %v); want 1: a rolled-back ID must not be reused", n, again[gone], err)
	}
}
