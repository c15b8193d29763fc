package e2e

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// The collector is killed after storing a report but before the agent gets
// the answer; the agent spools the report, the collector restarts, and the
// next run resends it with the same report ID: it is stored exactly once.
func TestSpoolExactlyOnceAcrossCollectorCrash(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	data := t.TempDir()
	listen := freePort(t)
	col := startCollector(t, data, listen)
	secret := col.enrollSecret()
	proxy := newCrashProxy(t, listen)
	proxy.arm(col.kill)

	state := t.TempDir()
	args := []string{"run", "--once", "--server", proxy.srv.URL, "--enroll-secret", secret, "--state-dir", state, "--status-listen", ""}
	out, err := runAgent(ctx, args...)
	if err == nil {
		t.Fatalf("first run: got success; want a failure (the collector died mid-send)\n%s", out)
	}
	if proxy.reportID == "" {
		t.Fatalf("the proxy saw no inventory to cut off; agent output:\n%s", out)
	}
	if n := len(spoolFiles(t, state)); n != 1 {
		t.Fatalf("spool after the crash: got %d files; want 1\n%s", n, out)
	}

	col = startCollector(t, data, listen)
	if out, err := runAgent(ctx, args...); err != nil {
		t.Fatalf("second run: got %v; want success\n%s", err, out)
	}
	if n := len(spoolFiles(t, state)); n != 0 {
		t.Errorf("spool after the restart: got %d files; want 0", n)
	}
	resent := 0
	for _, id := range proxy.inventoryIDs() {
		if id == proxy.reportID {
			resent++
		}
	}
	if resent != 2 {
		t.Errorf("report %s sent %d times; want 2 (cut off, then resent from the spool)", proxy.reportID, resent)
	}
	col.stop()

	db, err := sql.Open("sqlite3", "file:"+filepath.Join(data, "parc.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stored, computers int
	if err := db.QueryRow(`SELECT COUNT(*) FROM processed_reports WHERE report_id = ?`, proxy.reportID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != 1 {
		t.Errorf("report %s stored %d times; want exactly 1", proxy.reportID, stored)
	}
	if err := db.QueryRow(`SELECT COUNT(*) FROM assets WHERE type = 'computer'`).Scan(&computers); err != nil {
		t.Fatal(err)
	}
	if computers != 1 {
		t.Errorf("computers in the park: got %d; want 1", computers)
	}
}
